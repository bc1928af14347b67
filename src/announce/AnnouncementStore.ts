import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../bot/logger';
import { FileStateStore, type ClaimOutcome, type StateStore } from '../state';

export type Reference = Partial<ConversationReference>;

/** A conversation that receives agenda-pack announcements. */
export interface Subscription {
  readonly conversationId: string;
  readonly reference: Reference;
  /** Entra object id (or channel user id) of who subscribed it, for the audit trail. */
  readonly subscribedBy: string;
  readonly at: string;
}

/** The topics one conversation follows. */
export interface Follow {
  readonly conversationId: string;
  readonly reference: Reference;
  readonly topics: readonly string[];
}

/** One card posted for one meeting in one conversation: updated in place while its hash changes. */
export interface AnnouncementRecord {
  readonly meetingKey: string;
  readonly conversationId: string;
  readonly activityId: string;
  /** Hash of the card and the pack files it was built from. */
  readonly hash: string;
  readonly postedAt: string;
  readonly updatedAt: string | null;
}

export interface FollowDelivery {
  readonly conversationId: string;
  readonly file: string;
  readonly hash: string;
  readonly at: string;
}

/** A conversation already follows as many topics as one may (FOLLOWS_PER_USER). */
export class FollowLimitError extends Error {
  override name = 'FollowLimitError';
  constructor(readonly max: number) {
    super(`already following ${max} topics`);
  }
}

/** Durable state of announcements and follows, shared by every instance when it is in a database. */
export interface AnnouncementStore {
  listSubscriptions(): Promise<readonly Subscription[]>;
  /** False when the conversation was already subscribed (its reference is refreshed). */
  subscribe(subscription: Subscription): Promise<boolean>;
  unsubscribe(conversationId: string): Promise<boolean>;
  listFollows(): Promise<readonly Follow[]>;
  /**
   * False when the topic was already followed.
   * @throws FollowLimitError when the conversation already follows `max` other topics
   */
  follow(conversationId: string, reference: Reference, topic: string, max?: number): Promise<boolean>;
  unfollow(conversationId: string, topic: string): Promise<boolean>;
  findAnnouncement(meetingKey: string, conversationId: string): Promise<AnnouncementRecord | undefined>;
  recordAnnouncement(record: AnnouncementRecord): Promise<void>;
  hasFollowDelivery(conversationId: string, file: string): Promise<boolean>;
  recordFollowDelivery(delivery: FollowDelivery): Promise<void>;
  /** file → content hash of papers already checked against follows; null before the first run. */
  seenPapers(): Promise<Readonly<Record<string, string>> | null>;
  markPapersSeen(papers: Readonly<Record<string, string>>): Promise<void>;
  /** Claims one proactive send before it is made, so no other instance makes it too (StateStore.claim). */
  claimSend(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome>;
  /** The send is made and recorded. */
  markSent(key: string): Promise<void>;
  /** The send failed: let another round (or instance) claim it at once. */
  releaseSend(key: string, owner: string): Promise<void>;
}

const ReferenceSchema = z.record(z.string(), z.unknown());
const SubscriptionSchema = z.object({ conversationId: z.string(), reference: ReferenceSchema, subscribedBy: z.string(), at: z.string() });
const FollowSchema = z.object({ conversationId: z.string(), reference: ReferenceSchema, topics: z.array(z.string()) });
const AnnouncementRecordSchema = z.object({
  meetingKey: z.string(),
  conversationId: z.string(),
  activityId: z.string(),
  hash: z.string(),
  postedAt: z.string(),
  updatedAt: z.string().nullable(),
});
const FollowDeliverySchema = z.object({ conversationId: z.string(), file: z.string(), hash: z.string(), at: z.string() });

/** Collection names, which are also the keys of announcements.json. */
const SUBSCRIPTIONS = 'subscriptions';
const FOLLOWS = 'follows';
const ANNOUNCEMENTS = 'announcements';
const FOLLOW_DELIVERIES = 'followDeliveries';
const SEEN_PAPERS = 'seenPapers';
/** Holds one record once the first follow round has taken the papers then present as its baseline. */
const BASELINE = 'followBaseline';

const pairKey = (a: string, b: string): string => JSON.stringify([a, b]);

/**
 * Announcements and follows as records in a StateStore: a file for one instance, PostgreSQL for
 * several. Each change is one atomic record update, so two instances never lose each other's.
 */
export class StateAnnouncementStore implements AnnouncementStore {
  constructor(
    private readonly state: StateStore,
    private readonly logger: Logger,
  ) {}

  async listSubscriptions(): Promise<readonly Subscription[]> {
    return this.listParsed(SUBSCRIPTIONS, SubscriptionSchema);
  }

  async subscribe(subscription: Subscription): Promise<boolean> {
    const { before } = await this.state.update(SUBSCRIPTIONS, subscription.conversationId, () => ({ ...subscription, reference: { ...subscription.reference } }));
    return before === undefined;
  }

  async unsubscribe(conversationId: string): Promise<boolean> {
    const { before } = await this.state.update(SUBSCRIPTIONS, conversationId, () => undefined);
    return before !== undefined;
  }

  async listFollows(): Promise<readonly Follow[]> {
    return (await this.listParsed(FOLLOWS, FollowSchema)).filter((f) => f.topics.length > 0);
  }

  async follow(conversationId: string, reference: Reference, topic: string, max = Infinity): Promise<boolean> {
    const { before } = await this.state.update(FOLLOWS, conversationId, (current) => {
      const topics = FollowSchema.safeParse(current).data?.topics ?? [];
      // Checked inside the atomic update, so two follows at once cannot both take the last place.
      if (!topics.includes(topic) && topics.length >= max) throw new FollowLimitError(max);
      return { conversationId, reference: { ...reference }, topics: [...new Set([...topics, topic])] };
    });
    return !(FollowSchema.safeParse(before).data?.topics ?? []).includes(topic);
  }

  async unfollow(conversationId: string, topic: string): Promise<boolean> {
    const { before } = await this.state.update(FOLLOWS, conversationId, (current) => {
      const entry = FollowSchema.safeParse(current).data;
      return entry ? { ...entry, topics: entry.topics.filter((t) => t !== topic) } : current;
    });
    return (FollowSchema.safeParse(before).data?.topics ?? []).includes(topic);
  }

  async findAnnouncement(meetingKey: string, conversationId: string): Promise<AnnouncementRecord | undefined> {
    return this.getParsed(ANNOUNCEMENTS, pairKey(meetingKey, conversationId), AnnouncementRecordSchema);
  }

  async recordAnnouncement(record: AnnouncementRecord): Promise<void> {
    await this.state.update(ANNOUNCEMENTS, pairKey(record.meetingKey, record.conversationId), () => ({ ...record }));
  }

  async hasFollowDelivery(conversationId: string, file: string): Promise<boolean> {
    return (await this.getParsed(FOLLOW_DELIVERIES, pairKey(conversationId, file), FollowDeliverySchema)) !== undefined;
  }

  async recordFollowDelivery(delivery: FollowDelivery): Promise<void> {
    await this.state.update(FOLLOW_DELIVERIES, pairKey(delivery.conversationId, delivery.file), () => ({ ...delivery }));
  }

  async seenPapers(): Promise<Readonly<Record<string, string>> | null> {
    const seen = await this.state.list(SEEN_PAPERS);
    // A file written before the baseline record existed has seen papers but no baseline: count it.
    if (seen.size === 0 && (await this.state.get(BASELINE, 'done')) === undefined) return null;
    return Object.fromEntries([...seen].filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }

  async markPapersSeen(papers: Readonly<Record<string, string>>): Promise<void> {
    // One record a paper: two instances marking different papers at once cannot undo each other.
    for (const [file, hash] of Object.entries(papers)) await this.state.update(SEEN_PAPERS, file, () => hash);
    await this.state.update(BASELINE, 'done', () => true);
  }

  claimSend(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome> {
    return this.state.claim(key, owner, ttlMs);
  }

  markSent(key: string): Promise<void> {
    return this.state.markSent(key);
  }

  releaseSend(key: string, owner: string): Promise<void> {
    return this.state.release(key, owner);
  }

  private async listParsed<T>(collection: string, schema: z.ZodType<T>): Promise<T[]> {
    const records: T[] = [];
    for (const [key, value] of await this.state.list(collection)) {
      const parsed = this.parse(collection, key, value, schema);
      if (parsed) records.push(parsed);
    }
    return records;
  }

  private async getParsed<T>(collection: string, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const value = await this.state.get(collection, key);
    return value === undefined ? undefined : this.parse(collection, key, value, schema);
  }

  /** A record this version cannot read (edited by hand, say) is reported and skipped, not fatal. */
  private parse<T>(collection: string, key: string, value: unknown, schema: z.ZodType<T>): T | undefined {
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    this.logger.error('state_record_invalid', { collection, key, problem: z.prettifyError(result.error) });
    return undefined;
  }
}

/** The embedded default: all of it in DATA_DIR/announcements.json, rewritten atomically on each change. */
export class FileAnnouncementStore extends StateAnnouncementStore {
  static readonly FILE_NAME = 'announcements.json';

  constructor(dataDir: string, logger: Logger) {
    super(new FileStateStore(path.join(dataDir, FileAnnouncementStore.FILE_NAME), logger), logger);
  }
}
