import type { Logger } from '../bot/logger';
import type { PaperIndexSource } from '../watch';
import type { AnnouncementStore } from './AnnouncementStore';
import { followMessage, type TopicMatches } from './followMessage';
import { matchTopic } from './matchTopic';
import type { Messenger } from './Messenger';
import { claimKey, DEFAULT_CLAIM_TTL_MS, sendOnce, THIS_INSTANCE, type SendClaim } from './sendOnce';
import { SerialRounds } from '../schedule/SerialRounds';

export interface FollowNotifierOptions {
  readonly papers: PaperIndexSource;
  readonly store: AnnouncementStore;
  readonly messenger: Messenger;
  readonly baseUrl: string;
  readonly logger: Logger;
  /** After a send failed for good, look again this much later. */
  readonly retryAfterMs?: number;
  /** Who this instance is in send claims (default: host, pid and a random part). */
  readonly owner?: string;
  /** How long a claimed send keeps other instances off it (DEFAULT_CLAIM_TTL_MS). */
  readonly claimTtlMs?: number;
}

/**
 * Tells followers about new papers on their topics: one message per paper and conversation,
 * never twice (deliveries are stored), nothing when nothing matched. "New" means not yet in
 * the stored list of seen papers, so papers added while the bot was stopped are caught too.
 */
export class FollowNotifier {
  private readonly rounds = new SerialRounds();
  private readonly claim: SendClaim;

  constructor(private readonly options: FollowNotifierOptions) {
    this.claim = { store: options.store, owner: options.owner ?? THIS_INSTANCE, ttlMs: options.claimTtlMs ?? DEFAULT_CLAIM_TTL_MS };
  }

  notify(): Promise<void> {
    return this.rounds.run(() => this.notifyOnce());
  }

  stop(): void {
    this.rounds.stop();
  }

  private async notifyOnce(): Promise<void> {
    const { store, logger } = this.options;
    const index = this.options.papers.current;
    const documents = index.corpus.documents;
    const seen = await store.seenPapers();
    if (seen === null) {
      // First run: the papers already here are the baseline, not news.
      await store.markPapersSeen(Object.fromEntries(documents.map((d) => [d.file, d.contentHash])));
      logger.info('follow_baseline', { papers: documents.length });
      return;
    }
    const fresh = documents.filter((d) => seen[d.file] !== d.contentHash);
    if (fresh.length === 0) return;
    const follows = await store.listFollows();
    const checked: Record<string, string> = {};
    let failed = 0;
    let held = false;
    for (const doc of fresh) {
      let delivered = true;
      const title = index.corpus.papers.find((p) => p.source.file === doc.file)?.title ?? doc.file;
      for (const follow of follows) {
        if (this.rounds.isStopped) return;
        if (await store.hasFollowDelivery(follow.conversationId, doc.file)) continue;
        const found: TopicMatches[] = follow.topics
          .map((topic) => ({ topic, matches: matchTopic(index, doc.file, topic) }))
          .filter((f) => f.matches.length > 0);
        if (found.length === 0) continue;
        try {
          // Claimed first, so two instances that both see the paper as new tell the follower once.
          const outcome = await sendOnce(this.claim, claimKey('follow', follow.conversationId, doc.file), async () => {
            await this.options.messenger.post(follow.reference, followMessage(title, found, this.options.baseUrl));
            await store.recordFollowDelivery({ conversationId: follow.conversationId, file: doc.file, hash: doc.contentHash, at: new Date().toISOString() });
            logger.info('follow_sent', { conversationId: follow.conversationId, file: doc.file, topics: found.map((f) => f.topic) });
          });
          if (outcome === 'held-by-other') {
            // Not ours to send now, but not known sent either: the paper stays new until it is.
            delivered = false;
            held = true;
          }
        } catch (error) {
          delivered = false;
          failed += 1;
          logger.error('follow_failed', { conversationId: follow.conversationId, file: doc.file, error });
        }
      }
      // A paper stays "new" until every follower who should hear about it has.
      if (delivered) checked[doc.file] = doc.contentHash;
    }
    await store.markPapersSeen(checked);
    if (failed > 0) {
      this.rounds.retryLater(() => this.notify(), this.options.retryAfterMs ?? 60_000);
    } else if (held) {
      this.rounds.retryLater(() => this.notify(), this.claim.ttlMs + 1_000);
    }
  }
}
