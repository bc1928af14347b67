/**
 * The bot's durable state, shared by every instance that serves one council: keyed JSON records in
 * named collections (subscriptions, follows, announcement records, ...) and claims on sends.
 *
 * A proactive send is claimed before it is sent and marked sent after it is recorded, so two
 * instances never send it twice; a claim whose holder died mid-send lapses after its time to live
 * and another instance sends it. (A holder that dies after the send but before marking it sent is
 * the one case that can repeat a message; nothing short of the connector itself can prevent that.)
 */
export interface StateStore {
  /** Every record of a collection, keyed; values are JSON as they were stored (parse them). */
  list(collection: string): Promise<ReadonlyMap<string, unknown>>;
  get(collection: string, key: string): Promise<unknown>;
  /**
   * Changes one record atomically against every other instance: `change` gets the current value
   * (undefined when there is none) and returns the new one (undefined removes the record).
   */
  update(collection: string, key: string, change: (current: unknown) => unknown): Promise<RecordChange>;
  /** Takes the right to send `key` for `ttlMs` (see ClaimOutcome). */
  claim(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome>;
  /** The send behind `key` is done and recorded: nobody may claim it again. */
  markSent(key: string): Promise<void>;
  /** The send failed: `owner` gives the claim up at once so a retry need not wait for it to lapse. */
  release(key: string, owner: string): Promise<void>;
  close(): Promise<void>;
}

export interface RecordChange {
  readonly before: unknown;
  readonly after: unknown;
}

/**
 * `claimed`: the caller may send now (it was never claimed, its claim lapsed, or the caller already
 * held it). `already-sent`: someone sent it. `held-by-other`: another instance is sending it now.
 */
export type ClaimOutcome = 'claimed' | 'already-sent' | 'held-by-other';

/** One claim as both stores keep it; `expiresAt` and `sentAt` are epoch milliseconds. */
export interface ClaimRecord {
  readonly owner: string;
  readonly expiresAt: number;
  readonly sentAt: number | null;
}

/** Only what the stores need to report a state file set aside; the bot's Logger fits. */
export interface StateLogger {
  error(event: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Failures of the state store itself (unreachable database, failed migration), naming what failed. */
export class StateStoreError extends Error {
  override name = 'StateStoreError';
}

/**
 * The store did not answer in time or at all (a database stalled, down or unreachable): nothing was
 * changed that the caller can count on. Users are told their records are unavailable for now.
 */
export class StateUnavailableError extends StateStoreError {
  override name = 'StateUnavailableError';
}
