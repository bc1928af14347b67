import type { Logger } from '../bot/logger';
import type { PaperIndexSource } from '../watch';
import { announcementActivity } from './announcementActivity';
import { announcementCard, cardHash } from './announcementCard';
import type { AnnouncementStore, Subscription } from './AnnouncementStore';
import type { Messenger } from './Messenger';
import { claimKey, DEFAULT_CLAIM_TTL_MS, sendOnce, THIS_INSTANCE, type SendClaim } from './sendOnce';
import { upcomingPacks, type UpcomingPack } from './upcomingPacks';
import { SerialRounds } from '../schedule/SerialRounds';

export interface AnnouncerOptions {
  readonly papers: PaperIndexSource;
  readonly store: AnnouncementStore;
  readonly messenger: Messenger;
  /** YYYY-MM-DD, Europe/London or AS_OF_DATE. */
  readonly today: () => string;
  readonly baseUrl: string;
  readonly logger: Logger;
  /** After a send failed for good, try the whole round again this much later. */
  readonly retryAfterMs?: number;
  /** Who this instance is in send claims (default: host, pid and a random part). */
  readonly owner?: string;
  /** How long a claimed send keeps other instances off it (DEFAULT_CLAIM_TTL_MS). */
  readonly claimTtlMs?: number;
}

export interface ReconcileResult {
  readonly posted: number;
  readonly updated: number;
  readonly failed: number;
}

/**
 * Brings every subscribed conversation in line with the published packs: one card per upcoming
 * meeting, posted once, then updated in place when the pack changes. It works from stored
 * records rather than from "what just changed", so a restart or re-index can never repeat a card.
 */
export class Announcer {
  private readonly rounds = new SerialRounds();
  private readonly claim: SendClaim;

  constructor(private readonly options: AnnouncerOptions) {
    this.claim = { store: options.store, owner: options.owner ?? THIS_INSTANCE, ttlMs: options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS };
  }

  /** Runs one round; rounds never overlap, so two re-indexes cannot post the same card twice. */
  reconcile(): Promise<ReconcileResult> {
    return this.rounds.run(() => this.reconcileOnce());
  }

  stop(): void {
    this.rounds.stop();
  }

  private async reconcileOnce(): Promise<ReconcileResult> {
    const { store, logger } = this.options;
    const packs = upcomingPacks(this.options.papers.current, this.options.today());
    const subscriptions = packs.length > 0 ? await store.listSubscriptions() : [];
    const result = { posted: 0, updated: 0, failed: 0 };
    let held = false;
    for (const pack of packs) {
      for (const subscription of subscriptions) {
        if (this.rounds.isStopped) return result;
        try {
          const outcome = await this.deliver(pack, subscription);
          if (outcome === 'held') held = true;
          else if (outcome !== 'unchanged') result[outcome] += 1;
        } catch (error) {
          result.failed += 1;
          logger.error('announcement_failed', { meeting: pack.key, conversationId: subscription.conversationId, error });
        }
      }
    }
    if (result.failed > 0) {
      this.rounds.retryLater(() => this.reconcile(), this.options.retryAfterMs ?? 60_000);
    } else if (held) {
      // Another instance is sending; should it die mid-send, its claim lapses and this round sends.
      this.rounds.retryLater(() => this.reconcile(), this.claim.ttlMs + 1_000);
    }
    return result;
  }

  /**
   * Posts or updates one card, under a claim so no other instance sends it too. The record is
   * written only after the connector accepted it, and the claim marked sent only after the record.
   * `again` is set on the second look after another instance turned out to have sent first.
   */
  private async deliver(pack: UpcomingPack, subscription: Subscription, again = false): Promise<'posted' | 'updated' | 'unchanged' | 'held'> {
    const { store, messenger, logger } = this.options;
    const { conversationId } = subscription;
    const card = announcementCard({ meeting: pack.meeting, items: pack.items, packFile: pack.packFile, baseUrl: this.options.baseUrl });
    const hash = cardHash(card, pack.contentHash);
    const record = await store.findAnnouncement(pack.key, conversationId);
    if (record?.hash === hash) return 'unchanged';
    const activity = announcementActivity(pack.meeting, card);
    const now = new Date().toISOString();
    // The first post is claimed per meeting and conversation whatever the card, so two instances
    // holding different versions of a pack still post one card; each update, per change of hash.
    const key = record
      ? claimKey('announcement-update', pack.key, conversationId, record.hash, hash)
      : claimKey('announcement', pack.key, conversationId);
    const outcome = await sendOnce(this.claim, key, async () => {
      if (record) {
        await messenger.update(subscription.reference, record.activityId, activity);
        await store.recordAnnouncement({ ...record, hash, updatedAt: now });
        logger.info('announcement_updated', { meeting: pack.key, conversationId, activityId: record.activityId });
      } else {
        const activityId = await messenger.post(subscription.reference, activity);
        await store.recordAnnouncement({ meetingKey: pack.key, conversationId, activityId, hash, postedAt: now, updatedAt: null });
        logger.info('announcement_posted', { meeting: pack.key, conversationId, activityId });
      }
    });
    if (outcome === 'sent') return record ? 'updated' : 'posted';
    if (outcome === 'held-by-other') {
      logger.debug('announcement_held_elsewhere', { meeting: pack.key, conversationId });
      return 'held';
    }
    // Sent by another instance, which recorded it first: what it sent may be an older card.
    return again ? 'unchanged' : this.deliver(pack, subscription, true);
  }
}
