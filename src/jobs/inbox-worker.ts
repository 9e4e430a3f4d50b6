import { randomUUID } from 'node:crypto';
import { errorText } from '../runtime/errors.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { claim, complete, depth, fail, renew, type InboxEvent } from '../store/inbox.js';

/** Processes one kind of event. Must be idempotent: an event can be delivered more than once. */
export type EventHandler = (event: InboxEvent) => Promise<void>;

export interface WorkerSettings {
  /** Events processed at once by this worker. */
  concurrency: number;
  /** Attempts before an event is dead-lettered. */
  maxAttempts: number;
  /** First retry delay; doubled at each attempt, with jitter, up to maxRetryMs. */
  retryBaseMs: number;
  maxRetryMs: number;
  /** How long a claim lasts without renewal: a crashed worker's events are taken over after it. */
  leaseMs: number;
  /** How often an idle worker looks for new events. */
  pollMs: number;
}

export const DEFAULT_WORKER_SETTINGS: WorkerSettings = {
  concurrency: 4,
  maxAttempts: 5,
  retryBaseMs: 2_000,
  maxRetryMs: 5 * 60_000,
  leaseMs: 60_000,
  pollMs: 500,
};

export interface WorkerDeps {
  store: Store;
  handlers: Record<string, EventHandler>;
  logger: Logger;
  metrics: Metrics;
  settings?: Partial<WorkerSettings>;
  clock?: () => number;
  random?: () => number;
  workerId?: string;
}

/** Exponential backoff with equal jitter: half the delay fixed, half random. */
export function retryDelay(attempt: number, settings: Pick<WorkerSettings, 'retryBaseMs' | 'maxRetryMs'>, random: () => number): number {
  const ceiling = Math.min(settings.maxRetryMs, settings.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Claims events from the inbox and runs their handlers with bounded concurrency. Several workers,
 * in one process or many, can share one database.
 */
export class InboxWorker {
  readonly id: string;
  private readonly settings: WorkerSettings;
  private readonly clock: () => number;
  private readonly random: () => number;
  private readonly inFlight = new Map<number, Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private running = false;
  private ticking = false;
  private depthAt = 0;

  constructor(private readonly deps: WorkerDeps) {
    this.id = deps.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
    this.settings = { ...DEFAULT_WORKER_SETTINGS, ...deps.settings };
    this.clock = deps.clock ?? Date.now;
    this.random = deps.random ?? Math.random;
  }

  /** Starts the claim loop and lease renewal in the background. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.heartbeat = setInterval(() => void this.renewLeases(), Math.max(1_000, this.settings.leaseMs / 3));
    this.heartbeat.unref();
    this.schedule(0);
  }

  /** Wakes the worker now, e.g. right after an event was stored. */
  notify(): void {
    if (this.running) this.schedule(0);
  }

  /**
   * Claims what fits in the free slots and processes it; resolves when that batch is done.
   * The loop calls it; tests call it directly with a fake clock.
   */
  async runOnce(): Promise<number> {
    const free = this.settings.concurrency - this.inFlight.size;
    const events = await claim(this.deps.store, this.id, free, this.clock(), this.settings.leaseMs);
    const batch = events.map((event) => this.track(event));
    await Promise.all(batch);
    return events.length;
  }

  /** Stops claiming, waits up to `timeoutMs` for events in flight, and reports what was left. */
  async stop(timeoutMs = 10_000): Promise<{ unfinished: number }> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const drained = Promise.all(this.inFlight.values()).then(() => true);
    const timedOut = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    await Promise.race([drained, timedOut]);
    // Unfinished events keep their lease; another worker takes them over when it expires.
    return { unfinished: this.inFlight.size };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    let claimed = 0;
    try {
      // Every stored event wakes the worker: with no free slot there is nothing to claim, and the
      // event that frees one wakes it again. Under a burst this keeps the database for the acks.
      // A claim is a transaction of several statements. Under a stream of events, claiming for each
      // slot as it frees would cost one per event: the worker claims once half its slots are free,
      // so each claim takes several events (with concurrency 1 or 2, a single free slot is half).
      const free = this.settings.concurrency - this.inFlight.size;
      const events = free >= Math.ceil(this.settings.concurrency / 2) ? await claim(this.deps.store, this.id, free, this.clock(), this.settings.leaseMs) : [];
      claimed = events.length;
      for (const event of events) void this.track(event).then(() => this.notify());
      // Counting the queue scans it: once a second is plenty for a gauge.
      if (Date.now() - this.depthAt >= 1_000) {
        this.depthAt = Date.now();
        this.deps.metrics.queueDepth.set(await depth(this.deps.store));
      }
    } catch (err) {
      this.deps.logger.error({ err, worker: this.id }, 'could not claim events; retrying');
    } finally {
      this.ticking = false;
    }
    if (this.running) this.schedule(claimed > 0 ? 0 : this.settings.pollMs);
  }

  private track(event: InboxEvent): Promise<void> {
    const work = this.process(event).finally(() => this.inFlight.delete(event.id));
    this.inFlight.set(event.id, work);
    return work;
  }

  private async process(event: InboxEvent): Promise<void> {
    const { store, handlers, logger, metrics } = this.deps;
    const log = { event: event.id, kind: event.kind, ticket: event.ticketKey, attempt: event.attempts, worker: this.id };
    try {
      const handler = handlers[event.kind];
      if (!handler) throw new UnhandledKindError(event.kind);
      await handler(event);
      if (await complete(store, event.id, this.id, this.clock())) {
        metrics.eventsProcessed.inc({ kind: event.kind });
        logger.debug(log, 'event processed');
      } else {
        logger.warn(log, 'event finished after its lease was taken over; the other worker owns it now');
      }
    } catch (err) {
      metrics.eventsFailed.inc({ kind: event.kind });
      const final = err instanceof UnhandledKindError || event.attempts >= this.settings.maxAttempts;
      const retryAt = final ? null : this.clock() + retryDelay(event.attempts, this.settings, this.random);
      try {
        await fail(store, event.id, this.id, errorText(err), retryAt, this.clock());
      } catch (storeErr) {
        logger.error({ ...log, err: storeErr }, 'could not record the failure; the lease will expire and the event be retried');
        return;
      }
      if (final) {
        metrics.eventsDead.inc({ kind: event.kind });
        logger.error({ ...log, err }, 'event dead-lettered after its last attempt');
      } else {
        metrics.eventsRetried.inc({ kind: event.kind });
        logger.warn({ ...log, err, retryInMs: retryAt! - this.clock() }, 'event failed; will retry');
      }
    }
  }

  private async renewLeases(): Promise<void> {
    try {
      await renew(this.deps.store, [...this.inFlight.keys()], this.id, this.clock(), this.settings.leaseMs);
    } catch (err) {
      this.deps.logger.warn({ err, worker: this.id }, 'could not renew leases');
    }
  }
}

class UnhandledKindError extends Error {
  constructor(kind: string) {
    super(`no handler for events of kind "${kind}"`);
  }
}
