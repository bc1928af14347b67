import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { AnnouncementStore } from './AnnouncementStore';

/** This process in claims: host and pid for whoever reads the table, the random part so it is unique. */
export const THIS_INSTANCE = `${hostname()}/${process.pid}/${randomUUID().slice(0, 8)}`;

/**
 * How long a claim keeps other instances off a send. It must outlast one send with every retry
 * (ProactiveMessenger: 4 tries, each with the connector's own timeout), and is how long a send
 * waits when the instance that claimed it died mid-send.
 */
export const DEFAULT_CLAIM_TTL_MS = 5 * 60_000;

export interface SendClaim {
  readonly store: AnnouncementStore;
  readonly owner: string;
  readonly ttlMs: number;
}

/**
 * Makes one proactive send under a claim on `key`: claimed, sent and recorded by `send`, then marked
 * sent. Returns 'sent', or why this instance did not send it. A failed send gives the claim up and
 * throws, so the caller's retry (or another instance) can claim it again at once.
 */
export async function sendOnce(claim: SendClaim, key: string, send: () => Promise<void>): Promise<'sent' | 'already-sent' | 'held-by-other'> {
  const { store, owner, ttlMs } = claim;
  const outcome = await store.claimSend(key, owner, ttlMs);
  if (outcome !== 'claimed') return outcome;
  try {
    await send();
  } catch (error) {
    // If giving up fails too the claim still lapses after ttlMs; the send's error is the one to report.
    await store.releaseSend(key, owner).catch(() => undefined);
    throw error;
  }
  await store.markSent(key);
  return 'sent';
}

/** A claim key: the kind of send and what identifies it, unambiguous whatever the parts contain. */
export const claimKey = (...parts: readonly string[]): string => JSON.stringify(parts);
