import type { Store } from './database.js';
import { insertEvents, type Enqueued, type NewEvent } from './inbox.js';

export interface BatchSettings {
  /** Events stored in one transaction at most: bounds how long one commit holds the database (and, on SQLite, the event loop). */
  maxBatch: number;
  /**
   * How long the first event of a batch waits for others before the batch starts. 0: until the
   * events the current turn of the event loop brought in are queued (setImmediate). Either way,
   * events arriving while a batch commits wait for that commit and go into the next batch.
   */
  maxWaitMs: number;
  /**
   * Batches committing at once. Over a network each statement is a round trip: with one batch at
   * a time, events would queue behind a commit in flight; a few in parallel (each on a pool
   * connection of its own) keep the wait to about one round trip. On SQLite, whose driver is
   * synchronous, a batch is over before the next starts anyway.
   */
  maxInFlight: number;
}

export const DEFAULT_BATCH_SETTINGS: BatchSettings = { maxBatch: 32, maxWaitMs: 0, maxInFlight: 4 };

/**
 * Postgres: a batch is one multi-row insert (plus one update when events are debounced), so it
 * costs about one round trip whatever its size; a few batches at once (each on a connection of
 * the intake pool) keep an event from waiting for more than the commit in flight.
 */
export const POSTGRES_BATCH_SETTINGS: Partial<BatchSettings> = { maxBatch: 64, maxInFlight: 4 };

interface Waiting {
  event: NewEvent;
  now: number;
  resolve: (stored: Enqueued) => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for the inbox: the events that arrive together are stored in one transaction (one
 * fsync, one commit) and each caller is answered once its batch is committed, so an
 * acknowledgement still means "stored". The batch is stored as `enqueue` would store its events
 * in arrival order (insertEvents: one multi-row insert): duplicates (also two copies within one
 * batch) answer `{ duplicate: true }` and the debounce update applies. When the transaction fails
 * nothing of the batch is stored and every caller of the batch gets the error (the webhook answers
 * 503, and Jira delivers again). A few batches may commit at once (maxInFlight).
 */
export class InboxBatcher {
  private readonly settings: BatchSettings;
  private waiting: Waiting[] = [];
  private inFlight = 0;
  private scheduled = false;
  private idle: Array<() => void> = [];

  constructor(
    private readonly store: Store,
    settings: Partial<BatchSettings> = {},
  ) {
    this.settings = { ...DEFAULT_BATCH_SETTINGS, ...(store.dialect === 'postgres' ? POSTGRES_BATCH_SETTINGS : {}), ...settings };
  }

  /** Stores the event with the others of its batch; resolves once that batch is committed. */
  enqueue(event: NewEvent, now: number): Promise<Enqueued> {
    return new Promise<Enqueued>((resolve, reject) => {
      this.waiting.push({ event, now, resolve, reject });
      this.schedule();
    });
  }

  /** Resolves when every event handed over so far is committed or failed (before the store closes). */
  drain(): Promise<void> {
    if (this.inFlight === 0 && !this.scheduled && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.waiting.length === 0 || this.inFlight >= this.settings.maxInFlight) return;
    this.scheduled = true;
    const start = () => {
      this.scheduled = false;
      void this.next();
    };
    if (this.settings.maxWaitMs > 0) setTimeout(start, this.settings.maxWaitMs);
    else setImmediate(start);
  }

  /** Commits the events waiting now as one batch; then what came meanwhile, as the next one. */
  private async next(): Promise<void> {
    const batch = this.waiting.splice(0, this.settings.maxBatch);
    if (batch.length > 0) {
      this.inFlight++;
      this.schedule(); // more than maxBatch were waiting: the rest as a batch of its own, at once
      await this.commit(batch);
      this.inFlight--;
    }
    this.schedule();
    if (this.inFlight === 0 && !this.scheduled && this.waiting.length === 0) for (const resolve of this.idle.splice(0)) resolve();
  }

  private async commit(batch: Waiting[]): Promise<void> {
    let stored: Enqueued[];
    try {
      const db = this.store.intake ?? this.store.db;
      // One statement is its own transaction: BEGIN and COMMIT only when a debounce update (or an
      // event without delivery id nor identity, stored on its own) adds statements.
      const oneStatement = batch.every(({ event, now }) => (event.deliveryId || event.identity) && !(event.ticketKey && (event.notBefore ?? now) > now));
      stored = oneStatement ? await insertEvents(db, batch) : await db.transaction().execute((trx) => insertEvents(trx, batch));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => w.resolve(stored[i]!));
  }
}
