import { PaperLinks, renderAnswer } from '../../src/bot';
import {
  ADAPTIVE_CARD_FORMAT,
  MAX_CITATION_ABSTRACT_CHARS,
  MAX_CITATION_KEYWORD_CHARS,
  MAX_CITATION_KEYWORDS,
  MAX_CITATION_NAME_CHARS,
  MAX_CITATIONS,
  type AiMessageEntity,
} from '../../src/bot/clientCitation';
import type { Answer, Citation, RecordedVote, Resolution } from '../../src/model';

/** An invented recorded vote on a resolution's lines. */
function voteOn(resolution: Resolution): RecordedVote {
  return { motion: 'the amendment', mover: 'Cllr Ann Example', seconder: null, for: 5, against: 4, abstain: 1, unanimous: false, outcome: 'CARRIED', text: 'The amendment was CARRIED (5 for, 4 against, 1 abstention).', source: resolution.source };
}
import { sampleIndex } from '../helpers/sampleIndex';

const BASE = 'http://127.0.0.1:3978';
const LINKS = PaperLinks.open(BASE);

function citation(n: number, overrides: Partial<Citation> = {}): Citation {
  return {
    file: '000_73aa9faf505450da.txt',
    lineStart: 100 + n,
    lineEnd: 102 + n,
    page: 7,
    title: `Minutes, 15 March 2023, item ${n} ${'School Exclusion and Suspensions '.repeat(4)}`,
    meetingDate: '2023-03-15',
    quote: 'The panel queried the link between the high rate of permanent exclusion and the lower rate of suspension. '.repeat(3),
    ...overrides,
  };
}

const entityOf = (activity: ReturnType<typeof renderAnswer>): AiMessageEntity => activity.entities?.[0] as unknown as AiMessageEntity;

describe('renderAnswer', () => {
  const answer: Answer = {
    kind: 'resolution',
    text: 'The panel resolved to note the report [1] and asked for a follow-up [2].',
    citations: [citation(1), citation(2)],
    followUps: ['When is the next meeting?', 'Who presented the report?', 'What else was resolved?', 'A fourth one'],
  };

  it('keeps the markdown text with its [n] markers and asks for feedback buttons', () => {
    const activity = renderAnswer(answer, { links: LINKS });
    expect(activity).toMatchObject({ type: 'message', text: answer.text, textFormat: 'markdown', channelData: { feedbackLoop: { type: 'default' } } });
    expect(activity.channelData).not.toHaveProperty('feedbackLoopEnabled');
  });

  it('puts the AI label and every citation on ONE root Message entity', () => {
    const activity = renderAnswer(answer, { links: LINKS });
    expect(activity.entities).toHaveLength(1);
    expect(entityOf(activity)).toMatchObject({
      type: 'https://schema.org/Message',
      '@type': 'Message',
      '@context': 'https://schema.org',
      '@id': '',
      additionalType: ['AIGeneratedContent'],
    });
    expect(entityOf(activity).citation?.map((c) => c.position)).toEqual([1, 2]);
  });

  it('links each citation to the paper view at the cited lines', () => {
    const first = entityOf(renderAnswer(answer, { links: LINKS })).citation?.[0];
    expect(first?.appearance.url).toBe(`${BASE}/papers/000_73aa9faf505450da.txt?lines=101-103#L101`);
  });

  it('sends no paper links when the paper view is off: no citation url, no open button', () => {
    const resolution = sampleIndex().corpus.resolutions[0]!;
    const activity = renderAnswer({ kind: 'resolution', text: 'Resolved [1]', citations: [citation(1)], resolutions: [resolution], followUps: [] }, { links: PaperLinks.off(), votesOf: () => [voteOn(resolution)] });
    expect(activity.attachments).toHaveLength(1);
    const [first] = entityOf(activity).citation ?? [];
    expect(first?.appearance).not.toHaveProperty('url');
    expect(first?.appearance.text).not.toContain('Action.OpenUrl');
    expect(JSON.stringify(activity.attachments)).not.toContain('Action.OpenUrl');
  });

  it("keeps within Teams' citation limits", () => {
    const many: Answer = { ...answer, text: Array.from({ length: 12 }, (_, i) => `claim [${i + 1}]`).join(' '), citations: Array.from({ length: 12 }, (_, i) => citation(i + 1)) };
    const citations = entityOf(renderAnswer(many, { links: LINKS })).citation ?? [];
    expect(citations).toHaveLength(MAX_CITATIONS);
    for (const c of citations) {
      expect(c.appearance.name.length).toBeLessThanOrEqual(MAX_CITATION_NAME_CHARS);
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(MAX_CITATION_ABSTRACT_CHARS);
      expect(c.appearance.keywords.length).toBeLessThanOrEqual(MAX_CITATION_KEYWORDS);
      for (const k of c.appearance.keywords) expect(k.length).toBeLessThanOrEqual(MAX_CITATION_KEYWORD_CHARS);
    }
  });

  it('drops a citation whose [n] is not in the text', () => {
    const positions = entityOf(renderAnswer({ ...answer, text: 'Only the second [2].' }, { links: LINKS })).citation?.map((c) => c.position);
    expect(positions).toEqual([2]);
  });

  it('carries the full cited passage in an Adaptive Card 1.5', () => {
    const passage = 'line one\nline two: the full passage';
    const c = entityOf(renderAnswer(answer, { links: LINKS, passageOf: () => passage })).citation?.[0];
    expect(c?.appearance.encodingFormat).toBe(ADAPTIVE_CARD_FORMAT);
    const card = JSON.parse(c?.appearance.text ?? '{}') as { version: string; body: { text?: string }[] };
    expect(card.version).toBe('1.5');
    expect(card.body.some((element) => element.text === passage)).toBe(true);
  });

  it('offers at most three follow-ups as suggested actions', () => {
    const actions = renderAnswer(answer, { links: LINKS, userId: 'u1' }).suggestedActions;
    expect(actions?.actions.map((a) => a.value)).toEqual(answer.followUps.slice(0, 3));
    expect(actions?.to).toEqual(['u1']);
  });

  it('still labels an answer without citations as AI generated', () => {
    const activity = renderAnswer({ kind: 'not_found', text: 'The papers do not say.', citations: [], followUps: [] }, { links: LINKS });
    expect(entityOf(activity)).toMatchObject({ additionalType: ['AIGeneratedContent'] });
    expect(entityOf(activity).citation).toBeUndefined();
    expect(activity.suggestedActions).toBeUndefined();
  });

  it('adds a meeting card for a next-meeting answer', () => {
    const meeting = sampleIndex().corpus.meetings.find((m) => m.venue);
    expect(meeting).toBeDefined();
    if (!meeting) return;
    const items = sampleIndex().corpus.agendaItems.filter((i) => i.meetingDate === meeting.date);
    const activity = renderAnswer({ kind: 'next_meeting', text: 'The next meeting is ... [1]', citations: [citation(1)], meeting, agendaItems: items, followUps: [] }, { links: LINKS });
    expect(activity.attachments).toHaveLength(1);
    expect(activity.attachments?.[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const json = JSON.stringify(activity.attachments?.[0]?.content);
    expect(json).toContain(meeting.committee);
    expect(json).toContain(JSON.stringify(meeting.venue).slice(1, -1));
  });

  it("leaves out of a meeting's card what the text says, and sends none when the text says it all", () => {
    const meeting = sampleIndex().corpus.meetings.find((m) => m.date === '2023-07-27')!;
    const items = sampleIndex().corpus.agendaItems.filter((i) => i.meetingDate === meeting.date);
    expect(items.length).toBeGreaterThan(0);
    const said = `The next meeting is on Thursday 27 July 2023 at ${meeting.time} in ${meeting.venue} [1].`;
    const next = renderAnswer({ kind: 'next_meeting', text: said, citations: [citation(1)], meeting, agendaItems: items, followUps: [] }, { links: LINKS });
    const json = JSON.stringify(next.attachments?.[0]?.content);
    expect(json).toContain(items[0]!.title);
    expect(json).not.toContain(JSON.stringify(meeting.venue).slice(1, -1));
    const agenda = `${said}\n\n${items.map((i) => `- ${i.number}. ${i.title}`).join('\n')}`;
    const all = renderAnswer({ kind: 'agenda', text: agenda, citations: [citation(1)], meeting, agendaItems: items, followUps: [] }, { links: LINKS });
    // The chairs are what the agenda's text leaves out.
    const rest = JSON.stringify(all.attachments?.[0]?.content);
    expect(rest).toContain(meeting.chair!);
    expect(rest).not.toContain(items[0]!.title);
    const everything = `${agenda}\nChair: ${meeting.chair}. Vice-chair: ${meeting.viceChair}.`;
    expect(renderAnswer({ kind: 'agenda', text: everything, citations: [citation(1)], meeting, agendaItems: items, followUps: [] }, { links: LINKS }).attachments).toBeUndefined();
  });

  it('sends no card repeating a resolution the text already quotes', () => {
    const resolution = sampleIndex().corpus.resolutions[0]!;
    const activity = renderAnswer(
      { kind: 'resolution', text: `Resolved: ${resolution.text} [1]`, citations: [citation(1)], resolutions: [resolution], followUps: [] },
      { links: LINKS, votesOf: () => [] },
    );
    expect(activity.attachments).toBeUndefined();
    expect(activity.text).toContain(resolution.text);
  });

  it('adds a vote table, and only that, when the decision has recorded votes', () => {
    const resolution = sampleIndex().corpus.resolutions[0]!;
    const vote = voteOn(resolution);
    const activity = renderAnswer(
      { kind: 'resolution', text: `Resolved: ${resolution.text} [1]`, citations: [citation(1)], resolutions: [resolution], followUps: [] },
      { links: LINKS, votesOf: (r) => (r === resolution ? [vote] : []) },
    );
    expect(activity.attachments).toHaveLength(1);
    const card = activity.attachments?.[0]?.content as { version: string; body: { type: string; rows?: { cells: { items: { text: string }[] }[] }[] }[] };
    expect(card.version).toBe('1.5');
    const table = card.body.find((e) => e.type === 'Table');
    expect(table?.rows?.map((r) => r.cells.map((c) => c.items[0]?.text))).toEqual([
      ['Motion', 'For', 'Against', 'Abstain', 'Outcome'],
      ['the amendment', '5', '4', '1', 'CARRIED'],
    ]);
    expect(JSON.stringify(card)).not.toContain(JSON.stringify(resolution.text).slice(1, -1));
  });

  it('stays under 80 KB with ten long citations', () => {
    const long = 'x'.repeat(20_000);
    const many: Answer = { ...answer, text: Array.from({ length: 10 }, (_, i) => `[${i + 1}]`).join(' '), citations: Array.from({ length: 10 }, (_, i) => citation(i + 1)) };
    const size = Buffer.byteLength(JSON.stringify(renderAnswer(many, { links: LINKS, passageOf: () => long })));
    expect(size).toBeLessThan(80 * 1024);
  });
});
