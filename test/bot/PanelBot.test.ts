import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TestAdapter, type Activity } from 'botbuilder';
import { loadPaperIndex } from '../../src/search';
import { IndexHolder } from '../../src/watch';
import { MemoryConversationStore, MemoryFeedbackStore, PanelBot, PaperLinks, RateLimiter, SILENT_LOGGER, createOnTurnError, type BotCommands, type Logger } from '../../src/bot';
import type { AiMessageEntity } from '../../src/bot/clientCitation';
import { sampleIndex } from '../helpers/sampleIndex';
import { BOT, USER, channelMention, teamsMessage } from '../helpers/teamsActivity';

const BASE = 'http://127.0.0.1:3978';

function setup(options: { rateLimiter?: RateLimiter; logger?: Logger; commands?: BotCommands } = {}) {
  const conversations = new MemoryConversationStore();
  const feedback = new MemoryFeedbackStore();
  const bot = new PanelBot({
    index: sampleIndex(),
    today: () => '2023-07-20',
    links: PaperLinks.open(BASE),
    conversations,
    feedback,
    logger: options.logger ?? SILENT_LOGGER,
    ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
    ...(options.commands ? { commands: options.commands } : {}),
  });
  const adapter = new TestAdapter(async (context) => bot.run(context));
  adapter.onTurnError = createOnTurnError(options.logger ?? SILENT_LOGGER);
  return { adapter, bot, conversations, feedback };
}

describe('PanelBot', () => {
  describe('messages', () => {
    it('answers a question asked again after a re-index from the new papers, not from its answer cache', async () => {
      const empty = mkdtempSync(path.join(tmpdir(), 'panel-empty-'));
      try {
        const holder = new IndexHolder(loadPaperIndex(empty).index);
        const bot = new PanelBot({ index: holder, today: () => '2023-07-20', links: PaperLinks.open(BASE), conversations: new MemoryConversationStore(), feedback: new MemoryFeedbackStore(), logger: SILENT_LOGGER });
        const adapter = new TestAdapter(async (context) => bot.run(context));
        const question = 'what did the panel resolve on exclusions';
        await adapter.send(teamsMessage(question)).assertReply((reply) => expect(reply.text).not.toMatch(/\[1\]/u)).startTest();
        holder.swap(sampleIndex());
        await adapter.send(teamsMessage(question)).assertReply((reply) => expect(reply.text).toMatch(/\[1\]/u)).startTest();
      } finally {
        rmSync(empty, { recursive: true, force: true });
      }
    });

    it('answers a question with text markers, citations and the AI label', async () => {
      const { adapter } = setup();
      await adapter
        .send(teamsMessage('what did the panel resolve on exclusions'))
        .assertReply((reply) => {
          expect(reply.text).toMatch(/\[1\]/u);
          const entity = reply.entities?.[0] as unknown as AiMessageEntity;
          expect(entity.additionalType).toEqual(['AIGeneratedContent']);
          expect(entity.citation?.length).toBeGreaterThan(0);
          expect(reply.channelData).toEqual({ feedbackLoop: { type: 'default' } });
        })
        .startTest();
    });

    it('answers a channel question addressed with an @mention', async () => {
      const { adapter } = setup();
      await adapter
        .send(channelMention('what did the panel resolve on exclusions'))
        .assertReply((reply) => expect(reply.text).toMatch(/\[1\]/u))
        .startTest();
    });

    it('answers help with what it covers and example questions', async () => {
      const { adapter } = setup();
      await adapter
        .send(teamsMessage('help'))
        .assertReply((reply) => {
          expect(reply.text).toContain('When is the next meeting?');
          expect(reply.text).toMatch(/published papers/u);
        })
        .startTest();
    });

    it('refuses an over-long question politely without searching', async () => {
      const { adapter } = setup();
      await adapter
        .send(teamsMessage('exclusion '.repeat(80)))
        .assertReply((reply) => expect(reply.text).toMatch(/^Sorry, that question is too long/u))
        .startTest();
    });

    it('asks for a question when the text is empty', async () => {
      const { adapter } = setup();
      await adapter
        .send(channelMention(''))
        .assertReply((reply) => expect(reply.text).toMatch(/^Please type a question/u))
        .startTest();
    });

    it('limits how fast one user can ask', async () => {
      const { adapter } = setup({ rateLimiter: new RateLimiter({ capacity: 1, perMinute: 1, now: () => 0 }) });
      await adapter
        .send(teamsMessage('exclusions'))
        .assertReply((reply) => expect(reply.text).not.toMatch(/faster than/u))
        .send(teamsMessage('exclusions'))
        .assertReply((reply) => expect(reply.text).toMatch(/faster than I can keep up/u))
        .startTest();
    });

    it('limits commands with the same allowance as questions', async () => {
      const following: BotCommands = {
        handle: async (context) => {
          if (context.activity.text !== 'following') return false;
          await context.sendActivity('You follow nothing yet.');
          return true;
        },
      };
      const { adapter } = setup({ rateLimiter: new RateLimiter({ capacity: 2, perMinute: 1, now: () => 0 }), commands: following });
      await adapter
        .send(teamsMessage('following'))
        .assertReply('You follow nothing yet.')
        .send(teamsMessage('exclusions'))
        .assertReply((reply) => expect(reply.text).not.toMatch(/faster than/u))
        .send(teamsMessage('following'))
        .assertReply((reply) => expect(reply.text).toMatch(/faster than I can keep up/u))
        .startTest();
    });

    it('keeps every reply, commands\' too, within Teams\' message size', async () => {
      const long: BotCommands = {
        handle: async (context) => {
          await context.sendActivity(`Following: ${'**topic**, '.repeat(20_000)}`);
          return true;
        },
      };
      const { adapter } = setup({ commands: long });
      await adapter
        .send(teamsMessage('following'))
        .assertReply((reply) => {
          expect(Buffer.byteLength(JSON.stringify(reply))).toBeLessThanOrEqual(80 * 1024);
          expect(reply.text).toMatch(/Shortened/u);
        })
        .startTest();
    });

    it('answers without waiting for the conversation reference to be saved', async () => {
      const { adapter, conversations } = setup();
      // A store that never answers: a database that stalled.
      conversations.save = () => new Promise<void>(() => undefined);
      await adapter.send(teamsMessage('exclusions')).assertReply((reply) => expect(reply.text).toMatch(/exclusion/iu)).startTest();
    });

    it('saves the conversation reference, without the id of the message it came with', async () => {
      const { adapter, conversations } = setup();
      await adapter.send(teamsMessage('help')).assertReply(() => undefined).startTest();
      const saved = conversations.saved.get('a:personal-conversation');
      expect(saved).toMatchObject({ conversation: { id: 'a:personal-conversation' }, bot: BOT, user: { id: USER.id } });
      // Each message has its own id: kept, it would make every message a changed reference.
      expect(saved).not.toHaveProperty('activityId');
    });

    it('logs one line per turn without the question text at info level', async () => {
      const lines: { event: string; fields?: Record<string, unknown> }[] = [];
      const logger: Logger = { ...SILENT_LOGGER, info: (event, fields) => lines.push({ event, fields: { ...fields } }) };
      const { adapter } = setup({ logger });
      await adapter.send(teamsMessage('what did the panel resolve on exclusions')).assertReply(() => undefined).startTest();
      const turn = lines.find((l) => l.event === 'turn');
      expect(turn?.fields).toMatchObject({ conversationId: 'a:personal-conversation', questionKind: 'question' });
      expect(typeof turn?.fields?.ms).toBe('number');
      expect(JSON.stringify(lines)).not.toContain('exclusions');
    });
  });

  describe('welcome', () => {
    const added = (members: { id: string; name: string }[], conversationType = 'personal'): Partial<Activity> => ({
      type: 'conversationUpdate',
      channelId: 'msteams',
      from: { ...USER },
      recipient: { ...BOT },
      conversation: { id: 'a:welcome', conversationType, isGroup: conversationType !== 'personal', name: '' },
      membersAdded: members,
    });

    it('welcomes once when the bot is installed, saying what the papers cover', async () => {
      const { adapter, conversations } = setup();
      await adapter
        .send(added([{ ...BOT }, { id: USER.id, name: USER.name }]))
        .assertReply((reply) => {
          // One card, no text beside it: the welcome arrives as one message, its markdown rendered by Teams.
          expect(reply.text).toBeUndefined();
          expect(reply.attachments).toHaveLength(1);
          const card = reply.attachments?.[0]?.content as { body: { text: string }[]; actions: { type: string; url: string }[] };
          expect(card.body[0]?.text).toMatch(/^Hello! I'm Panel Papers/u);
          expect(card.body.map((b) => b.text).join('\n')).toMatch(/meetings from .+ to /u);
          expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: expect.stringMatching(/\/$/u) })]);
          expect(reply.suggestedActions?.actions).toHaveLength(3);
        })
        .assertNoReply()
        .startTest();
      expect(conversations.saved.has('a:welcome')).toBe(true);
    });

    it('does not welcome when a member joins a channel', async () => {
      const { adapter } = setup();
      await adapter.send(added([{ id: '29:someone', name: 'Someone' }], 'channel')).assertNoReply().startTest();
    });
  });

  describe('feedback', () => {
    it('records a thumbs-down with its text and answers 200 {}', async () => {
      const { adapter, feedback } = setup();
      await adapter
        .send({
          type: 'invoke',
          name: 'message/submitAction',
          channelId: 'msteams',
          replyToId: 'bot-message-1',
          value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"Wrong meeting"}' } },
        })
        .assertReply((reply) => {
          expect(reply.type).toBe('invokeResponse');
          expect(reply.value).toEqual({ status: 200, body: {} });
        })
        .startTest();
      expect(feedback.records).toEqual([expect.objectContaining({ reaction: 'dislike', text: 'Wrong meeting', messageId: 'bot-message-1' })]);
    });

    it('answers 400 to a malformed submission and records nothing', async () => {
      const { adapter, feedback } = setup();
      await adapter
        .send({ type: 'invoke', name: 'message/submitAction', channelId: 'msteams', value: { actionValue: { reaction: 'meh' } } })
        .assertReply((reply) => expect(reply.value).toMatchObject({ status: 400 }))
        .startTest();
      expect(feedback.records).toEqual([]);
    });
  });

  describe('search message extension', () => {
    const query = (text: string): Partial<Activity> => ({
      type: 'invoke',
      name: 'composeExtension/query',
      channelId: 'msteams',
      value: { commandId: 'searchPapers', parameters: [{ name: 'searchQuery', value: text }], queryOptions: { skip: 0, count: 10 } },
    });

    it('returns matching papers as cards with previews', async () => {
      const { adapter } = setup();
      await adapter
        .send(query('exclusions'))
        .assertReply((reply) => {
          const result = (reply.value as { status: number; body: { composeExtension: { type: string; attachments: { contentType: string; preview?: unknown }[] } } });
          expect(result.status).toBe(200);
          expect(result.body.composeExtension.type).toBe('result');
          expect(result.body.composeExtension.attachments.length).toBeGreaterThan(0);
          for (const a of result.body.composeExtension.attachments) {
            expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
            expect(a.preview).toBeDefined();
          }
        })
        .startTest();
    });

    it('asks for a topic when the box is empty', async () => {
      const { adapter } = setup();
      await adapter
        .send(query(''))
        .assertReply((reply) => expect(reply.value).toMatchObject({ body: { composeExtension: { type: 'message' } } }))
        .startTest();
    });
  });

  describe('errors', () => {
    it('replies politely and logs the error with the conversation id', async () => {
      const errors: Record<string, unknown>[] = [];
      const logger: Logger = { ...SILENT_LOGGER, error: (_event, fields) => errors.push({ ...fields }) };
      const { adapter, conversations } = setup({ logger });
      conversations.save = async () => {
        throw new Error('disk full');
      };
      // A failing store is logged but the user still gets the answer.
      await adapter.send(teamsMessage('help')).assertReply((reply) => expect(reply.text).toMatch(/published papers/u)).startTest();
      expect(errors[0]).toMatchObject({ conversationId: 'a:personal-conversation' });
    });

    it('turns an unexpected failure into a polite reply', async () => {
      const errors: Record<string, unknown>[] = [];
      const logger: Logger = { ...SILENT_LOGGER, error: (_event, fields) => errors.push({ ...fields }) };
      const { adapter, bot } = setup({ logger });
      // Simulate a bug in the turn itself.
      (bot as unknown as { answer: () => Promise<void> }).answer = async () => {
        throw new Error('boom');
      };
      await adapter
        .send(teamsMessage('anything'))
        .assertReply((reply) => expect(reply.text).toBe('Sorry, something went wrong while answering that. Please try again in a moment.'))
        .startTest();
      expect(errors[0]).toMatchObject({ conversationId: 'a:personal-conversation', activityType: 'message' });
      expect((errors[0]?.error as Error).message).toBe('boom');
    });
  });
});
