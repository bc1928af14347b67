import { TurnContext, type Activity } from 'botbuilder';
import type { BotCommands } from '../bot/BotCommands';
import type { Logger } from '../bot/logger';
import { quoteUserText } from '../bot/quoteUserText';
import type { PaperLinks } from '../bot/paperLink';
import { messageText } from '../bot/toQuestion';
import type { PaperIndexSource } from '../watch';
import { announcementActivity } from './announcementActivity';
import { announcementCard, cardHash } from './announcementCard';
import { FollowLimitError, type AnnouncementStore, type Reference } from './AnnouncementStore';
import { MAX_TOPIC_CHARS, parseCommand, type Command } from './parseCommand';
import { resolveMeeting } from './resolveMeeting';
import { claimKey, DEFAULT_CLAIM_TTL_MS, sendOnce, THIS_INSTANCE } from './sendOnce';
import { upcomingPacks } from './upcomingPacks';

export interface AnnouncementCommandsOptions {
  readonly papers: PaperIndexSource;
  readonly store: AnnouncementStore;
  /** Entra object ids allowed to manage announcements in shared conversations; empty = anyone. */
  readonly announcers: readonly string[];
  readonly today: () => string;
  readonly links: PaperLinks;
  readonly logger: Logger;
  /** Topics one conversation (in a 1:1 chat, one person) may follow (FOLLOWS_PER_USER; default 50). */
  readonly maxFollows?: number;
}

const DEFAULT_MAX_FOLLOWS = 50;
/** Topics listed by `following`: the reply stays short however many were followed before the cap. */
const MAX_FOLLOWING_SHOWN = 50;

/**
 * subscribe / unsubscribe / subscriptions, follow / unfollow / following, announce. Changing what
 * the bot posts into a channel or group chat, and announcing, need an announcer; in a 1:1 chat
 * people manage their own subscription and follows.
 */
export class AnnouncementCommands implements BotCommands {
  private readonly announcers: ReadonlySet<string>;

  constructor(private readonly options: AnnouncementCommandsOptions) {
    this.announcers = new Set(options.announcers);
  }

  async handle(context: TurnContext): Promise<boolean> {
    const command = parseCommand(messageText(context.activity));
    if (!command) return false;
    const { activity } = context;
    const refusal = this.refusal(command, activity);
    const reply = refusal ?? (await this.run(command, context));
    if (reply) await context.sendActivity({ text: reply, textFormat: 'markdown' });
    this.options.logger.info('command', { conversationId: activity.conversation?.id, command: command.kind, refused: refusal !== null });
    return true;
  }

  private async run(command: Command, context: TurnContext): Promise<string | null> {
    const { store } = this.options;
    const reference = toStoredReference(context.activity);
    const conversationId = reference.conversation?.id ?? '';
    const where = describeConversation(context.activity);
    switch (command.kind) {
      case 'invalid':
        return command.reply;
      case 'subscribe': {
        const subscribedBy = context.activity.from?.aadObjectId ?? context.activity.from?.id ?? 'unknown';
        const added = await store.subscribe({ conversationId, reference, subscribedBy, at: new Date().toISOString() });
        const text = added
          ? `Subscribed. When the agenda pack for a coming meeting is published, ${where} gets one card with the agenda; if the pack changes, that card is updated rather than posted again. Say \`unsubscribe\` to stop.`
          : `${capitalise(where)} is already subscribed to agenda announcements.`;
        await context.sendActivity({ text, textFormat: 'markdown' });
        // A pack already out would otherwise reach this conversation only when it next changes.
        await this.announceCurrentPacks(context, conversationId);
        return null;
      }
      case 'unsubscribe':
        return (await store.unsubscribe(conversationId))
          ? `Unsubscribed: no more agenda announcements in ${where}.`
          : `${capitalise(where)} was not subscribed.`;
      case 'subscriptions': {
        const subscribed = (await store.listSubscriptions()).some((s) => s.conversationId === conversationId);
        return subscribed
          ? `${capitalise(where)} is subscribed to agenda announcements. Say \`unsubscribe\` to stop.`
          : `${capitalise(where)} is not subscribed. Say \`subscribe\` to get a card when each agenda pack is published.`;
      }
      // Topics are the user's own words: quoted (escaped) wherever they are shown back.
      case 'follow': {
        const shown = quoteUserText(command.topic, MAX_TOPIC_CHARS);
        const max = this.options.maxFollows ?? DEFAULT_MAX_FOLLOWS;
        try {
          return (await store.follow(conversationId, reference, command.topic, max))
            ? `Following **${shown}**: when a new paper has a resolution, agenda item or work-programme entry on it, I'll post a short note here.`
            : `Already following **${shown}**.`;
        } catch (error) {
          if (!(error instanceof FollowLimitError)) throw error;
          return `Sorry, ${where} already follows ${error.max} topics, as many as I can keep for one chat. Say \`following\` to see them and \`unfollow <topic>\` to make room.`;
        }
      }
      case 'unfollow': {
        const shown = quoteUserText(command.topic, MAX_TOPIC_CHARS);
        return (await store.unfollow(conversationId, command.topic)) ? `Stopped following **${shown}**.` : `Not following **${shown}**.`;
      }
      case 'following': {
        const topics = (await store.listFollows()).find((f) => f.conversationId === conversationId)?.topics ?? [];
        if (topics.length === 0) return 'Not following any topics. Say `follow exclusions`, for example.';
        const listed = topics.slice(0, MAX_FOLLOWING_SHOWN).map((t) => `**${quoteUserText(t, MAX_TOPIC_CHARS)}**`).join(', ');
        const more = topics.length > MAX_FOLLOWING_SHOWN ? ` and ${topics.length - MAX_FOLLOWING_SHOWN} more` : '';
        return `Following: ${listed}${more}. Say \`unfollow <topic>\` to stop one.`;
      }
      case 'announce':
        return this.announceHere(context, conversationId, command.target);
    }
  }

  /** Posts the card now. A published pack is recorded, so later changes update this card. */
  private async announceHere(context: TurnContext, conversationId: string, target: string): Promise<string | null> {
    const index = this.options.papers.current;
    const today = this.options.today();
    const meeting = resolveMeeting(index.corpus.meetings, target, today);
    if (!meeting) {
      return target === 'next'
        ? 'I know of no meeting after today in the papers.'
        : `I found no meeting on "${quoteUserText(target)}" in the papers. Try \`announce next meeting\` or a date such as \`announce 27 July 2023\`.`;
    }
    const pack = upcomingPacks(index, today).find((p) => p.meeting === meeting);
    const items = pack?.items ?? index.corpus.agendaItems.filter((i) => i.meetingDate === meeting.date);
    const input = { meeting, items, packFile: pack?.packFile ?? null, links: this.options.links };
    const card = announcementCard(input);
    const sent = await context.sendActivity(announcementActivity(meeting, card));
    if (pack && sent?.id) {
      const now = new Date().toISOString();
      await this.options.store.recordAnnouncement({ meetingKey: pack.key, conversationId, activityId: sent.id, hash: cardHash(input, pack.contentHash), postedAt: now, updatedAt: null });
    }
    return null;
  }

  private async announceCurrentPacks(context: TurnContext, conversationId: string): Promise<void> {
    // Claimed as the Announcer claims its first post, so another instance announcing the same pack
    // to the new subscriber at this moment cannot post a second card.
    const claim = { store: this.options.store, owner: THIS_INSTANCE, ttlMs: DEFAULT_CLAIM_TTL_MS };
    for (const pack of upcomingPacks(this.options.papers.current, this.options.today())) {
      if (await this.options.store.findAnnouncement(pack.key, conversationId)) continue;
      await sendOnce(claim, claimKey('announcement', pack.key, conversationId), async () => {
        await this.announceHere(context, conversationId, pack.meeting.date);
      });
    }
  }

  private refusal(command: Command, activity: Partial<Activity>): string | null {
    if (this.announcers.size === 0 || this.announcers.has(activity.from?.aadObjectId ?? '')) return null;
    const shared = (activity.conversation?.conversationType ?? 'personal') !== 'personal';
    const changesSharedPosts = shared && ['subscribe', 'unsubscribe', 'follow', 'unfollow'].includes(command.kind);
    if (command.kind !== 'announce' && !changesSharedPosts) return null;
    const what = command.kind === 'announce' ? 'post announcements' : `${command.kind} ${describeConversation(activity)}`;
    return (
      `Sorry, only the scrutiny team's announcers can ${what}. ` +
      `Please ask a scrutiny officer (someone listed in the bot's ANNOUNCERS setting) to do it, or the bot's administrator to add you. ` +
      'In a 1:1 chat with me you can `subscribe` and `follow` topics for yourself.'
    );
  }
}

/**
 * The reference announcements are sent to. Without the command's activity id, and in a channel
 * without the thread Teams puts in the id (";messageid=…"), a card is a new post of its own
 * rather than a reply to the `subscribe` message.
 */
function toStoredReference(activity: Partial<Activity>): Reference {
  const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(activity);
  if (activity.conversation?.conversationType !== 'channel' || !reference.conversation) return reference;
  return { ...reference, conversation: { ...reference.conversation, id: reference.conversation.id.replace(/;messageid=\d+$/u, '') } };
}

function describeConversation(activity: Partial<Activity>): string {
  switch (activity.conversation?.conversationType) {
    case 'channel':
      return 'this channel';
    case 'groupChat':
      return 'this group chat';
    default:
      return 'this chat';
  }
}

function capitalise(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}
