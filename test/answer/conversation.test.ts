import { answerQuestion, readQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { expectFaithful } from '../helpers/expectFaithful';
import { sharedCouncil } from '../helpers/sharedCouncilIndex';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

/**
 * Follow-ups read from the previous answer's context, and time words, on more than one council's
 * papers: "and the vice chair?" is the vice-chair, "what else ..." the meeting's other decisions,
 * "the meeting after next" the second meeting ahead, "in may" asked in April the coming May.
 */
function converse(index: PaperIndex, asOf: string, ...questions: string[]): Answer[] {
  const answers: Answer[] = [];
  for (const text of questions) answers.push(answerQuestion(index, { text, asOf, previous: answers.at(-1)?.context }));
  return answers;
}

// Each council's index is built once for the file (councilIndex keeps it), however many tests await it.
describe('a conversation, on several councils', () => {

  it('reads "and the vice chair?" as the vice-chair, not the chair again', async () => {
    const kingston = await councilIndex('kingston');
    for (const [index, asOf, vice, chair] of [
      [sampleIndex(), '2023-07-20', 'Stephanie Haynes', 'Qaiser Azeem'],
      [kingston, '2026-04-01', 'Anne Owen', 'Olly Wehring'],
    ] as const) {
      const [first, second] = converse(index, asOf, 'who chairs the committee?', 'and the vice chair?');
      expect(first!.text).toContain(chair);
      expect(second!.kind).toBe('meeting_info');
      expect(second!.text).toMatch(new RegExp(`vice-chair .*Cllr ${vice}`, 'u'));
      expect(second!.text).not.toContain(`Cllr ${chair}`);
      expectFaithful(index, second!);
    }
  }, 180_000);

  it('still names both when both are asked', async () => {
    const kingston = await councilIndex('kingston');
    const [a] = converse(kingston, '2026-04-01', 'who is the chair and vice chair of the committee?');
    expect(a!.text).toContain('Olly Wehring');
    expect(a!.text).toContain('Anne Owen');
  }, 180_000);

  it('reads "what else did they decide at that meeting?" as the other decisions of that meeting', async () => {
    const [kingston, bristol] = await Promise.all([councilIndex('kingston'), councilIndex('bristol')]);
    for (const [index, first, other] of [
      [kingston, 'what did the committee decide on community grants in January 2026?', 'Manorgate Road'],
      [bristol, 'What did the committee decide on the 20mph Review on 19 March 2026?', 'Incentive Funding'],
    ] as const) {
      const [given, more] = converse(index, '2026-06-01', first, 'what else did they decide at that meeting?');
      const item = given!.resolutions?.[0]?.itemTitle;
      expect(item).toBeDefined();
      expect(more!.kind).toBe('resolution');
      expect(more!.text).toContain(other);
      expect(more!.resolutions?.map((r) => r.itemTitle)).not.toContain(item);
      expect(new Set(more!.citations.map((c) => c.meetingDate))).toEqual(new Set([given!.citations[0]?.meetingDate]));
      expectFaithful(index, more!);
    }
  }, 180_000);

  it('reads "the meeting after next" as the second meeting ahead, saying which is next', async () => {
    const bristol = await councilIndex('bristol');
    const [next, afterNext] = converse(bristol, '2026-01-10', 'when is the next meeting?', 'when is the meeting after next?');
    expect(next!.meeting?.date).toBe('2026-02-05');
    expect(afterNext!.meeting?.date).toBe('2026-03-19');
    expect(afterNext!.text).toContain('(the next is on 5 February 2026) is on Thursday 19 March 2026');
  }, 180_000);
});

describe('"in june" asked in April, on papers served as published', () => {
  const weca = sharedCouncil('weca');
  weca.itOn('reads it as the coming June, and lists that meeting\'s agenda', async () => {
    const [a] = converse(await weca.index(), '2026-04-01', 'what is coming to committee in june?');
    expect(a!.kind).toBe('agenda');
    expect(a!.meeting?.date).toMatch(/^2026-06-/u);
  }, 180_000);
});

describe('a greeting', () => {
  it('is answered as a greeting of its own kind, with what the papers hold and nothing to refer back to', () => {
    const [hi, next] = converse(sampleIndex(), '2023-07-20', 'hi', 'when is the next meeting?');
    expect(hi!.kind).toBe('greeting');
    expect(hi!.citations).toEqual([]);
    expect(hi!.context).toBeUndefined();
    expect(hi!.followUps.length).toBeGreaterThan(0);
    expect(next!.kind).toBe('next_meeting');
  });

  it('is read as the greeting kind, before any rule of the grammar', () => {
    const r = readQuestion('thanks', '2023-07-20', []);
    expect([r.kind, r.greeting, r.candidates[0]?.kind]).toEqual(['greeting', 'thanks', 'greeting']);
    expect(readQuestion('thanks for the agenda, who chairs it?', '2023-07-20', []).kind).not.toBe('greeting');
  });
});
