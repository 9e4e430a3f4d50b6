import { randomUUID } from 'node:crypto';
import { errorText } from '../runtime/errors.js';
import type { Logger } from '../runtime/logger.js';
import type { Metrics } from '../runtime/metrics.js';
import type { Store } from '../store/database.js';
import { completeAndClaim, depth, fail, renew, type InboxEvent } from '../store/inbox.js';

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

/** How long a processed event may wait to be marked done with the next claim before it is marked on its own. */
const FLUSH_MS = 20;

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
  /**
   * Events whose handler succeeded, not yet marked done: their slots are free already, and they
   * are marked done with the next claim (one transaction for both) or, when no claim comes,
   * FLUSH_MS later. Still leased to this worker meanwhile (renewed with the events in flight); a
   * crash before they are marked done only means they run again, which handlers must allow.
   */
  private readonly finished = new Map<number, InboxEvent>();
  private flushTimer: NodeJS.Timeout | null = null;
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
    const events = await this.completeAndClaim(free);
    const batch = events.map((event) => this.track(event));
    await Promise.all(batch);
    await this.completeAndClaim(0);
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
    if (this.flushTimer) clearTimeout(this.flushTimer);
    await this.completeAndClaim(0).catch((err: unknown) => this.deps.logger.warn({ err, worker: this.id }, 'could not mark processed events done; they run again once their lease expires'));
    // Unfinished events keep their lease; another worker takes them over when it expires.
    return { unfinished: this.inFlight.size };
  }

  private schedule(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    this.timer.unref();
  }

  private async tick(flush = false): Promise<void> {
    if (!this.running || this.ticking) return;
    this.ticking = true;
    let claimed = 0;
    try {
      // Every stored event wakes the worker: with no free slot there is nothing to claim, and the
      // event that frees one wakes it again. Under a burst this keeps the database for the acks.
      // A claim is a transaction of several statements. Under a stream of events, claiming for each
      // slot as it frees would cost one per event: the worker claims once half its slots are free,
      // so each claim takes several events (with concurrency 1 or 2, a single free slot is half).
      // The events finished meanwhile are marked done in the same transaction.
      const free = this.settings.concurrency - this.inFlight.size;
      const events = free >= Math.ceil(this.settings.concurrency / 2) || flush ? await this.completeAndClaim(free >= Math.ceil(this.settings.concurrency / 2) ? free : 0) : [];
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
    if (this.finished.size > 0) this.flushSoon();
    if (this.running) this.schedule(claimed > 0 ? 0 : this.settings.pollMs);
  }

  /** Marks the finished events done within FLUSH_MS, unless a claim takes them along first. */
  private flushSoon(): void {
    if (this.flushTimer || !this.running) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = null;
      void this.tick(true);
    }, FLUSH_MS);
    this.flushTimer.unref();
  }

  /** Marks the finished events done and claims up to `limit` events, in one transaction; says what became of the finished ones. */
  private async completeAndClaim(limit: number): Promise<InboxEvent[]> {
    // Taken out while stored, so a flush running meanwhile (stop) does not mark them twice; put back if this fails.
    const done = [...this.finished.values()];
    this.finished.clear();
    let outcome: Awaited<ReturnType<typeof completeAndClaim>>;
    try {
      outcome = await completeAndClaim(this.deps.store, this.id, done.map((e) => e.id), limit, this.clock(), this.settings.leaseMs);
    } catch (err) {
      for (const event of done) this.finished.set(event.id, event);
      throw err;
    }
    const { completed, claimed } = outcome;
    const ours = new Set(completed);
    for (const event of done) {
      const log = { event: event.id, kind: event.kind, ticket: event.ticketKey, attempt: event.attempts, worker: this.id };
      if (ours.has(event.id)) {
        this.deps.metrics.eventsProcessed.inc({ kind: event.kind });
        this.deps.logger.debug(log, 'event processed');
      } else {
        this.deps.logger.warn(log, 'event finished after its lease was taken over; the other worker owns it now');
      }
    }
    return claimed;
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
      this.finished.set(event.id, event);
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
      await renew(this.deps.store, [...this.inFlight.keys(), ...this.finished.keys()], this.id, this.clock(), this.settings.leaseMs);
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
