import path from 'node:path';
import type { ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../bot/logger';
import { JsonStateFile } from './JsonStateFile';

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

/** Durable state of announcements and follows. An interface so a database can replace the file. */
export interface AnnouncementStore {
  listSubscriptions(): Promise<readonly Subscription[]>;
  /** False when the conversation was already subscribed (its reference is refreshed). */
  subscribe(subscription: Subscription): Promise<boolean>;
  unsubscribe(conversationId: string): Promise<boolean>;
  listFollows(): Promise<readonly Follow[]>;
  follow(conversationId: string, reference: Reference, topic: string): Promise<boolean>;
  unfollow(conversationId: string, topic: string): Promise<boolean>;
  findAnnouncement(meetingKey: string, conversationId: string): Promise<AnnouncementRecord | undefined>;
  recordAnnouncement(record: AnnouncementRecord): Promise<void>;
  hasFollowDelivery(conversationId: string, file: string): Promise<boolean>;
  recordFollowDelivery(delivery: FollowDelivery): Promise<void>;
  /** file → content hash of papers already checked against follows; null before the first run. */
  seenPapers(): Promise<Readonly<Record<string, string>> | null>;
  markPapersSeen(papers: Readonly<Record<string, string>>): Promise<void>;
}

const ReferenceSchema = z.record(z.string(), z.unknown());
const StateSchema = z.object({
  version: z.literal(1),
  subscriptions: z.record(z.string(), z.object({ conversationId: z.string(), reference: ReferenceSchema, subscribedBy: z.string(), at: z.string() })),
  follows: z.record(z.string(), z.object({ conversationId: z.string(), reference: ReferenceSchema, topics: z.array(z.string()) })),
  announcements: z.record(
    z.string(),
    z.object({
      meetingKey: z.string(),
      conversationId: z.string(),
      activityId: z.string(),
      hash: z.string(),
      postedAt: z.string(),
      updatedAt: z.string().nullable(),
    }),
  ),
  followDeliveries: z.record(z.string(), z.object({ conversationId: z.string(), file: z.string(), hash: z.string(), at: z.string() })),
  seenPapers: z.record(z.string(), z.string()).nullable(),
});

type State = z.infer<typeof StateSchema>;

const emptyState = (): State => ({ version: 1, subscriptions: {}, follows: {}, announcements: {}, followDeliveries: {}, seenPapers: null });
const pairKey = (a: string, b: string): string => JSON.stringify([a, b]);

/** All of it in DATA_DIR/announcements.json, rewritten atomically on each change. */
export class FileAnnouncementStore implements AnnouncementStore {
  static readonly FILE_NAME = 'announcements.json';
  private readonly file: JsonStateFile<State>;

  constructor(dataDir: string, logger: Logger) {
    this.file = new JsonStateFile<State>({
      file: path.join(dataDir, FileAnnouncementStore.FILE_NAME),
      parse: (raw) => {
        const result = StateSchema.safeParse(raw);
        return result.success ? result.data : null;
      },
      empty: emptyState,
      logger,
    });
  }

  async listSubscriptions(): Promise<readonly Subscription[]> {
    return Object.values((await this.file.read()).subscriptions);
  }

  subscribe(subscription: Subscription): Promise<boolean> {
    return this.file.update((state) => {
      const existed = subscription.conversationId in state.subscriptions;
      state.subscriptions[subscription.conversationId] = { ...subscription, reference: { ...subscription.reference } };
      return !existed;
    });
  }

  unsubscribe(conversationId: string): Promise<boolean> {
    return this.file.update((state) => {
      const existed = conversationId in state.subscriptions;
      delete state.subscriptions[conversationId];
      return existed;
    });
  }

  async listFollows(): Promise<readonly Follow[]> {
    return Object.values((await this.file.read()).follows).filter((f) => f.topics.length > 0);
  }

  follow(conversationId: string, reference: Reference, topic: string): Promise<boolean> {
    return this.file.update((state) => {
      const topics = state.follows[conversationId]?.topics ?? [];
      state.follows[conversationId] = { conversationId, reference: { ...reference }, topics: [...new Set([...topics, topic])] };
      return !topics.includes(topic);
    });
  }

  unfollow(conversationId: string, topic: string): Promise<boolean> {
    return this.file.update((state) => {
      const entry = state.follows[conversationId];
      if (!entry?.topics.includes(topic)) return false;
      entry.topics = entry.topics.filter((t) => t !== topic);
      return true;
    });
  }

  async findAnnouncement(meetingKey: string, conversationId: string): Promise<AnnouncementRecord | undefined> {
    return (await this.file.read()).announcements[pairKey(meetingKey, conversationId)];
  }

  async recordAnnouncement(record: AnnouncementRecord): Promise<void> {
    await this.file.update((state) => {
      state.announcements[pairKey(record.meetingKey, record.conversationId)] = { ...record };
    });
  }

  async hasFollowDelivery(conversationId: string, file: string): Promise<boolean> {
    return pairKey(conversationId, file) in (await this.file.read()).followDeliveries;
  }

  async recordFollowDelivery(delivery: FollowDelivery): Promise<void> {
    await this.file.update((state) => {
      state.followDeliveries[pairKey(delivery.conversationId, delivery.file)] = { ...delivery };
    });
  }

  async seenPapers(): Promise<Readonly<Record<string, string>> | null> {
    return (await this.file.read()).seenPapers;
  }

  async markPapersSeen(papers: Readonly<Record<string, string>>): Promise<void> {
    await this.file.update((state) => {
      state.seenPapers = { ...(state.seenPapers ?? {}), ...papers };
    });
  }
}
