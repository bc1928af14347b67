import { TestAdapter } from 'botbuilder';
import { FollowUpMemory, MemoryConversationStore, MemoryFeedbackStore, PanelBot, PaperLinks, SILENT_LOGGER } from '../../src/bot';
import type { FollowUpContext } from '../../src/model';
import { sampleIndex } from '../helpers/sampleIndex';
import { teamsMessage } from '../helpers/teamsActivity';

function adapterFor(followUps = new FollowUpMemory()) {
  const bot = new PanelBot({
    index: sampleIndex(),
    today: () => '2023-07-20',
    links: PaperLinks.open('http://127.0.0.1:3978'),
    conversations: new MemoryConversationStore(),
    feedback: new MemoryFeedbackStore(),
    logger: SILENT_LOGGER,
    followUps,
  });
  return new TestAdapter(async (context) => bot.run(context));
}

const inChat = (text: string, id: string) => teamsMessage(text, { conversation: { id, conversationType: 'personal', isGroup: false, name: '' } });

describe('PanelBot follow-ups', () => {
  it('answers "and who presented it?" about the item the conversation just asked about', async () => {
    await adapterFor()
      .send(inChat('what did the panel resolve on exclusions', 'a:chat-one'))
      .assertReply((reply) => expect(reply.text).toContain('School Exclusion and Suspensions'))
      .send(inChat('and who presented it?', 'a:chat-one'))
      .assertReply((reply) => {
        expect(reply.text).toContain('School Exclusion and Suspensions');
        expect(reply.text).toContain('Brenda Wile');
      })
      .startTest();
  });

  it('another conversation does not see the first one\'s item', async () => {
    await adapterFor()
      .send(inChat('what did the panel resolve on exclusions', 'a:chat-one'))
      .assertReply((reply) => expect(reply.text).toContain('School Exclusion and Suspensions'))
      .send(inChat('and who presented it?', 'a:chat-two'))
      .assertReply((reply) => expect(reply.text).not.toContain('Brenda Wile'))
      .startTest();
  });
});

describe('FollowUpMemory', () => {
  const context = (topic: string): FollowUpContext => ({ meetingDate: '2023-03-15', committee: null, itemTitle: null, itemNumber: null, topic: [topic] });

  it('forgets a conversation after its time to live', () => {
    let now = 0;
    const memory = new FollowUpMemory(() => now, 10, 1_000);
    memory.set('c1', context('exclusions'));
    now = 1_000;
    expect(memory.get('c1')?.topic).toEqual(['exclusions']);
    now = 1_001;
    expect(memory.get('c1')).toBeUndefined();
  });

  it('keeps at most its bound, forgetting the least recently answered conversation', () => {
    const memory = new FollowUpMemory(() => 0, 2, 1_000);
    memory.set('c1', context('one'));
    memory.set('c2', context('two'));
    memory.set('c1', context('one again'));
    memory.set('c3', context('three'));
    expect(memory.size).toBe(2);
    expect(memory.get('c2')).toBeUndefined();
    expect(memory.get('c1')?.topic).toEqual(['one again']);
  });

  it('an answer with no context clears the conversation\'s last one', () => {
    const memory = new FollowUpMemory(() => 0);
    memory.set('c1', context('exclusions'));
    memory.set('c1', undefined);
    expect(memory.get('c1')).toBeUndefined();
  });
});
