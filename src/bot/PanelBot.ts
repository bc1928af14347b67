import {
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type InvokeResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';
import { AnswerCache } from '../answer';
import type { PaperIndex } from '../search';
import { toIndexSource, type PaperIndexSource } from '../watch';
import type { BotCommands } from './BotCommands';
import type { PaperLinks } from './paperLink';
import type { ConversationStore } from './ConversationStore';
import { summarisePapers, welcomeText, helpText, type PapersSummary } from './describePapers';
import { examplesFor } from './examples';
import type { FeedbackStore } from './FeedbackStore';
import { fitReply } from './fitReply';
import { FollowUpMemory } from './FollowUpMemory';
import type { Logger } from './logger';
import { parseFeedbackInvoke } from './parseFeedbackInvoke';
import { readSearchQuery } from './readSearchQuery';
import { RateLimiter } from './RateLimiter';
import { renderAnswer } from './renderAnswer';
import { searchPapers } from './searchPapers';
import { resolutionVotes } from './resolutionVotes';
import { toQuestion } from './toQuestion';
import { welcomeCard } from './welcomeCard';

export interface PanelBotOptions {
  /** A fixed index, or a holder whose index may be swapped while the bot runs (read each turn). */
  readonly index: PaperIndex | PaperIndexSource;
  /** Today's date (YYYY-MM-DD, Europe/London), or the fixed AS_OF_DATE. Read at most once a second. */
  readonly today: () => string;
  /** Citation links to the paper view (signed when an app id is set). */
  readonly links: PaperLinks;
  readonly conversations: ConversationStore;
  readonly feedback: FeedbackStore;
  readonly logger: Logger;
  readonly rateLimiter?: RateLimiter;
  /** Commands (subscribe, follow, ...) tried before a message is answered as a question. */
  readonly commands?: BotCommands;
  /** The last answer's context per conversation, for follow-ups (default: in memory, 10,000 conversations, 30 minutes). */
  readonly followUps?: FollowUpMemory;
  /** Recent answers (default: 1,000 per index); `new AnswerCache(0)` answers every question afresh. */
  readonly answers?: AnswerCache;
}

/** Remembers the answer kind of recent replies so feedback can say what it was about. */
const MAX_REMEMBERED_REPLIES = 1_000;
/** How long one reading of `today` serves: asking luxon for the London date took about 0.1 ms of every turn. */
const TODAY_REUSE_MS = 1_000;

/** The Teams bot. Handlers are thin: everything they call is testable without botbuilder. */
export class PanelBot extends TeamsActivityHandler {
  private readonly papers: PaperIndexSource;
  private summarised: { readonly index: PaperIndex; readonly summary: PapersSummary } | undefined;
  private readonly rateLimiter: RateLimiter;
  private readonly followUps: FollowUpMemory;
  private readonly answers: AnswerCache;
  private readonly replyKinds = new Map<string, string>();
  private todayRead: { readonly at: number; readonly date: string } | undefined;

  constructor(private readonly options: PanelBotOptions) {
    super();
    this.papers = toIndexSource(options.index);
    this.rateLimiter = options.rateLimiter ?? new RateLimiter();
    this.followUps = options.followUps ?? new FollowUpMemory();
    this.answers = options.answers ?? new AnswerCache();

    this.onTurn(async (context, next) => {
      // Every reply of every handler and command is kept within Teams' message size.
      context.onSendActivities(async (_context, activities, send) => {
        for (const [i, activity] of activities.entries()) {
          const fitted = fitReply(activity);
          if (!fitted.shortened) continue;
          activities[i] = fitted.activity;
          this.options.logger.warn('reply_shortened', { conversationId: context.activity.conversation?.id, kept: Object.keys(fitted.activity) });
        }
        return send();
      });
      await next();
    });
    this.onMessage(async (context, next) => {
      // Saved beside the answer, never before it: a slow or stalled store must not hold the reply.
      void this.saveReference(context);
      // Commands take from the same allowance as questions: each can cost a store write and a long reply.
      if (!this.rateLimiter.tryTake(context.activity.from?.id ?? 'anonymous')) await this.tooFast(context);
      else if (!((await this.options.commands?.handle(context)) ?? false)) await this.answer(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      void this.saveReference(context);
      if (isWelcomeDue(context)) await context.sendActivity(this.welcome());
      await next();
    });
    this.onInstallationUpdateAdd(async (context, next) => {
      // Teams also sends conversationUpdate (membersAdded) on install, which welcomes.
      void this.saveReference(context);
      await next();
    });
  }

  private async answer(context: TurnContext): Promise<void> {
    const started = Date.now();
    const { activity } = context;
    const inbound = toQuestion(activity, this.today());
    let answerKind: string = inbound.kind;
    if (inbound.kind === 'help') {
      await context.sendActivity({ text: helpText(this.summary, examplesFor(this.index, this.today())), textFormat: 'markdown' });
    } else if (inbound.kind === 'refused') {
      answerKind = `refused:${inbound.reason}`;
      await context.sendActivity(inbound.reply);
    } else {
      // Per conversation (a channel thread is its own), so "who presented it?" means this chat's last item.
      const conversationId = activity.conversation?.id ?? '';
      const answer = this.answers.answer(this.index, { ...inbound.question, previous: this.followUps.get(conversationId) });
      this.followUps.set(conversationId, answer.context);
      answerKind = answer.kind;
      const sent = await context.sendActivity(
        renderAnswer(answer, {
          links: this.options.links,
          passageOf: (c) => this.passage(c.file, c.lineStart, c.lineEnd),
          userId: activity.from?.id,
          votesOf: resolutionVotes(this.index.corpus.minutes),
        }),
      );
      if (sent?.id) this.rememberReply(sent.id, answer.kind);
    }
    this.options.logger.info('turn', {
      conversationId: activity.conversation?.id,
      conversationType: activity.conversation?.conversationType ?? null,
      questionKind: inbound.kind === 'refused' ? `refused:${inbound.reason}` : inbound.kind,
      answerKind,
      ms: Date.now() - started,
    });
    // The user's words are personal data: only at debug level.
    this.options.logger.debug('turn_text', { conversationId: activity.conversation?.id, text: activity.text });
  }

  private async tooFast(context: TurnContext): Promise<void> {
    await context.sendActivity('You are asking faster than I can keep up. Please wait a minute and ask again.');
    this.options.logger.info('turn', { conversationId: context.activity.conversation?.id, conversationType: context.activity.conversation?.conversationType ?? null, answerKind: 'rate_limited' });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const { name } = context.activity;
    if (name === 'composeExtension/query') return super.onInvokeActivity(context);
    if (name !== 'message/submitAction') {
      // botbuilder answers every other invoke 501, or throws on a value of the wrong shape (500): the
      // manifest offers nothing else, so a client sending one has sent a bad request.
      this.options.logger.warn('invoke_unsupported', { conversationId: context.activity.conversation?.id, name: typeof name === 'string' ? name.slice(0, 64) : null });
      return { status: 400, body: { error: 'this bot does not handle that request' } };
    }
    const feedback = parseFeedbackInvoke(context.activity.value);
    if (!feedback) {
      this.options.logger.warn('feedback_unreadable', { conversationId: context.activity.conversation?.id });
      return { status: 400, body: { error: 'not a feedback submission' } };
    }
    const messageId = context.activity.replyToId ?? null;
    await this.options.feedback.record({
      time: new Date().toISOString(),
      conversationId: context.activity.conversation?.id ?? '',
      messageId,
      reaction: feedback.reaction,
      text: feedback.text,
      answerKind: messageId ? (this.replyKinds.get(messageId) ?? null) : null,
    });
    this.options.logger.info('feedback', { conversationId: context.activity.conversation?.id, reaction: feedback.reaction });
    return { status: 200, body: {} };
  }

  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    const result = searchPapers(this.index, readSearchQuery(query), this.today(), this.options.links);
    this.options.logger.info('search', { conversationId: context.activity.conversation?.id, results: result.attachments?.length ?? 0 });
    return { composeExtension: result };
  }

  /** Read once per use: a re-index may have swapped it since the last turn. */
  private get index(): PaperIndex {
    return this.papers.current;
  }

  /** At most a second late at midnight; read afresh if the clock was set back. */
  private today(): string {
    const now = Date.now();
    if (!this.todayRead || now - this.todayRead.at >= TODAY_REUSE_MS || now < this.todayRead.at) {
      this.todayRead = { at: now, date: this.options.today() };
    }
    return this.todayRead.date;
  }

  /** Recomputed only when the index has been swapped. */
  private get summary(): PapersSummary {
    const index = this.index;
    if (this.summarised?.index !== index) this.summarised = { index, summary: summarisePapers(index.corpus) };
    return this.summarised.summary;
  }

  private welcome(): Partial<Activity> {
    const { links } = this.options;
    const examples = examplesFor(this.index, this.today());
    return {
      attachments: [CardFactory.adaptiveCard(welcomeCard(welcomeText(this.summary, examples), links.access === 'off' ? null : links.toTab()))],
      suggestedActions: { actions: examples.map((q) => ({ type: 'imBack', title: q.title, value: q.text })), to: [] },
    };
  }

  private passage(file: string, lineStart: number, lineEnd: number): string | undefined {
    return this.index.lines(file)?.slice(lineStart - 1, lineEnd).join('\n');
  }

  /** Never rejects, and nothing waits for it: a failure is logged (see PostgresStateStore's timeouts for the bound). */
  private async saveReference(context: TurnContext): Promise<void> {
    // Read now: nothing waits for the save, and the turn's context is revoked once the turn ends.
    const conversationId = context.activity.conversation?.id;
    try {
      // Without the id of the message it came with: a proactive message replies to nothing, and
      // that id would make every message look like a changed reference (the store skips unchanged ones).
      const { activityId: _replyTo, ...reference } = TurnContext.getConversationReference(context.activity);
      await this.options.conversations.save(reference);
    } catch (error) {
      // Losing a reference only costs a future announcement; answering the user matters more.
      this.options.logger.error('conversation_save_failed', { conversationId, error });
    }
  }

  private rememberReply(id: string, kind: string): void {
    this.replyKinds.set(id, kind);
    if (this.replyKinds.size > MAX_REMEMBERED_REPLIES) {
      const oldest = this.replyKinds.keys().next().value;
      if (oldest !== undefined) this.replyKinds.delete(oldest);
    }
  }
}

/** Welcome once when the bot itself is added (install), or when someone joins a 1:1 chat. */
function isWelcomeDue(context: TurnContext): boolean {
  const { activity } = context;
  const added = activity.membersAdded ?? [];
  const botAdded = added.some((m) => m.id === activity.recipient?.id);
  const personal = (activity.conversation?.conversationType ?? 'personal') === 'personal';
  return botAdded || (personal && added.some((m) => m.id !== activity.recipient?.id));
}
