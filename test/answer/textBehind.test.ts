import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion, papersGuide, readQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { builtIndexAsync } from '../helpers/builtIndex';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { isEverywhere } from '../../src/answer/compose/everywhereWords';
import { SHARED } from '../helpers/questionLists';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

/**
 * Every chain ends in the text: when a kind's records do not answer, the papers' words may, read
 * where the question points (the minutes of the meeting named, lines that record a decision), and
 * "not in the papers" only when no such passage holds the question's topic.
 */
const ask = (index: PaperIndex, text: string, asOf: string): Answer => answerQuestion(index, { text, asOf });
const SOULDERN = join(SHARED, 'councils', 'souldern', 'papers');

describe('the text behind a kind, on printed minutes the parser read no apologies from', () => {
  let souldern: PaperIndex | undefined;
  beforeAll(async () => {
    if (existsSync(SOULDERN)) souldern = await builtIndexAsync(SOULDERN);
    else console.warn(`skipped: ${SOULDERN} is absent (the shared councils' papers sit beside the project)`);
  }, 180_000);

  it('quotes the apologies from the minutes of the meeting named', () => {
    if (!souldern) return;
    const a = ask(souldern, 'who gave apologies at the november 2025 meeting?', '2026-06-10');
    expect(a.kind).not.toBe('not_found');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('Apologies had been received from Cllr David Rogers and Cllr Gareth Epps');
    expect(a.citations[0]?.meetingDate).toBe('2025-11-27');
    expectFaithful(souldern, a);
  });

  it('still says "not in the papers" for a meeting whose papers are not there, saying what text it read', () => {
    if (!souldern) return;
    const a = ask(souldern, 'who sent apologies to the 27 august 2026 meeting?', '2026-09-10');
    expect(a.kind).toBe('not_found');
    expect(a.text).toMatch(/I also read the text of the minutes and decision records of/u);
  });

  it('does not take a passage that only names the council for a decision on a topic the papers never mention', () => {
    if (!souldern) return;
    expect(ask(souldern, 'what did the parish council decide about the new skatepark?', '2026-06-10').kind).toBe('not_found');
  });

  it('counts the parish\'s own name, in every paper, as no topic word, and a topic word as one', () => {
    if (!souldern) return;
    expect(isEverywhere(souldern, 'souldern')).toBe(true);
    expect(isEverywhere(souldern, 'bridleway')).toBe(false);
    // In a handful of files a topic word may be in all of them: the rule keeps out of small corpora.
    expect(isEverywhere(sampleIndex(), 'children')).toBe(false);
  });

  it('greets a greeting with what the papers hold, not with "not in the papers"', () => {
    if (!souldern) return;
    const a = ask(souldern, 'hello', '2026-06-10');
    expect(a.kind).not.toBe('not_found');
    expect(a.text).toMatch(/^Hello!/u);
    expect(a.text.toLowerCase()).toContain('souldern');
    expect(a.text).not.toMatch(/exclusion/iu);
  });
});

describe('follow-ups and time words', () => {
  let kingston: PaperIndex;
  let bristol: PaperIndex;
  beforeAll(async () => {
    [kingston, bristol] = await Promise.all([councilIndex('kingston'), councilIndex('bristol')]);
  }, 180_000);

  it('reads "the meeting after next" as the one after the next', () => {
    expect(ask(kingston, 'when is the meeting after next?', '2026-01-10').text).toContain('29 January 2026');
    expect(ask(kingston, 'when is the next meeting?', '2026-01-10').text).toContain('15 January 2026');
  });

  it('reads "coming in may" as the next May, not the last', () => {
    expect(readQuestion('what is coming to committee in may?', '2026-04-01', []).dates[0]).toMatchObject({ from: '2026-05-01', to: '2026-05-31' });
    expect(ask(bristol, 'what is coming to committee in may?', '2026-04-01').text).toContain('14 May 2026');
  });
});

describe('"what else" after an answer', () => {
  it('reads "what else did they decide at that meeting?" as every decision of the previous answer\'s meeting', () => {
    const index = sampleIndex();
    const first = ask(index, 'what did the panel resolve on exclusions', '2023-07-20');
    const a = answerQuestion(index, { text: 'what else did they decide at that meeting?', asOf: '2023-07-20', previous: first.context });
    expect(a.kind).toBe('resolution');
    expect(a.text).toContain('Family Hubs');
    expect(new Set(a.citations.map((c) => c.meetingDate))).toEqual(new Set([first.citations[0]?.meetingDate]));
    expectFaithful(index, a);
  });
});

describe('papersGuide', () => {
  it('builds its examples from the papers served, each read as a question of its kind', () => {
    const guide = papersGuide(sampleIndex(), '2023-07-20');
    expect(guide.nextMeeting?.date).toBe('2023-07-27');
    expect(guide.examples.map((e) => e.text)).toContain('When is the next meeting?');
    for (const e of guide.examples) expect(readQuestion(e.text, '2023-07-20', []).kind).not.toBe('fact');
  });

  it('asks about the last meeting when no meeting is still to come', () => {
    expect(papersGuide(sampleIndex(), '2030-01-01').examples[0]?.text).toBe('When was the last meeting?');
  });
});
