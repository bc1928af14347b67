import type { FollowUpContext } from '../model';

/** Enough for every busy conversation of a council; the oldest is forgotten first. */
const MAX_CONVERSATIONS = 10_000;
/** A follow-up comes soon after its question; after this, "it" no longer means the old topic. */
const TIME_TO_LIVE_MS = 30 * 60 * 1000;

/**
 * The last answer's context per conversation, so "who presented it?" means the item just answered.
 * In memory only and bounded: the questions people ask are personal data, never written to disk.
 */
export class FollowUpMemory {
  private readonly entries = new Map<string, { readonly context: FollowUpContext; readonly at: number }>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxConversations = MAX_CONVERSATIONS,
    private readonly timeToLiveMs = TIME_TO_LIVE_MS,
  ) {}

  get(conversationId: string): FollowUpContext | undefined {
    const entry = this.entries.get(conversationId);
    if (!entry) return undefined;
    if (this.now() - entry.at > this.timeToLiveMs || this.now() < entry.at) {
      this.entries.delete(conversationId);
      return undefined;
    }
    return entry.context;
  }

  /** No context (a not-found answer) forgets the conversation's last one: "it" has nothing to mean. */
  set(conversationId: string, context: FollowUpContext | undefined): void {
    // Deleted first so a set moves the conversation to the newest end of the Map's order.
    this.entries.delete(conversationId);
    if (!context) return;
    this.entries.set(conversationId, { context, at: this.now() });
    if (this.entries.size > this.maxConversations) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
