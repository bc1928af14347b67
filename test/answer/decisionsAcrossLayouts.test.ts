import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import { loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilPapers, sampleIndex } from '../helpers/sampleIndex';


describe('decisions, votes, facts and report covers on a ModernGov meeting page and report PDFs', () => {
  let index: PaperIndex;
  const ask = (text: string, asOf = '2026-02-01'): Answer => answerQuestion(index, { text, asOf });
  beforeAll(async () => {
    index = (await loadPaperIndexAsync(councilPapers('kingston'))).index;
  }, 120_000);

  it('states the decision and then who moved and seconded it, from the minutes text beside the decision', () => {
    const a = ask('how did the vote go on the Coombe Lane West zebra crossing?');
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.quote).toContain('be deferred to the Committee meeting in March 2026');
    expect(flat(a.text)).toContain('The proposal was seconded by Councillor Sadr-Hashemi, voted on and carried.');
    expect(a.text.indexOf('deferred to the Committee')).toBeLessThan(a.text.indexOf('The votes recorded'));
    expectFaithful(index, a);
  });

  it('names the point a "Voting: unanimous" line was under, and who was absent for the votes', () => {
    const a = ask('how did the vote on the neighbourhood community grants go, and were all councillors there?');
    expect(a.kind).toBe('resolution');
    expect(a.text).toMatch(/the application for £1,800 of Neighbourhood Community Grant funding[^\n]*: Voting: unanimous/u);
    expect(a.text).toContain('were not present for these votes');
    expectFaithful(index, a);
  });

  it('finds the decision a question about its vote means by the recorded votes, which the decision does not mention', () => {
    const a = ask('were the votes on the community grants unanimous and was anyone absent?');
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.quote).toContain('Barnfield Riding for the Disabled be approved');
    expect(a.text).toContain('Voting: unanimous');
  });

  it('gives the author and the portfolio holder from one report cover when both are asked', () => {
    const a = ask('for the Manorgate Road petition, who is the report author and who is the portfolio holder?');
    expect(a.kind).toBe('who');
    expect(a.text).toContain('Matthew Hill');
    expect(a.text).toContain('Councillor Nicola Nardelli');
    expect(flat(a.citations[0]!.quote)).toContain('Report by Matthew Hill');
    expect(flat(a.citations[0]!.quote)).toContain('Relevant Portfolio Holder: Councillor Nicola Nardelli');
    expectFaithful(index, a);
  });

  it('answers a results question with the sentences that carry the figures, not the title block', () => {
    const a = ask('what response did the Coombe Lane West zebra crossing consultation get?');
    expect(a.kind).toBe('fact');
    expect(a.text).toContain('60% of respondents supportive');
    expect(a.citations[0]?.quote).not.toMatch(/^Kingston and North Kingston Neighbourhood Committee 15 January 2026/u);
    expectFaithful(index, a);
  });
});

describe('decisions, votes, timelines and facts in printed minutes, decision notices and forward plans', () => {
  let index: PaperIndex;
  const ask = (text: string, asOf = '2026-04-01'): Answer => answerQuestion(index, { text, asOf });
  beforeAll(async () => {
    index = (await loadPaperIndexAsync(councilPapers('bristol'))).index;
  }, 120_000);

  it('quotes the printed minutes, not the decision notice of the same meeting, with the vote and the amounts', () => {
    const a = ask('was the vote close when the resident parking scheme expansion money was approved in october 2025?');
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.file).toBe('bristol-2025-10-23-minutes.pdf');
    expect(a.text).toContain('CARRIED (5 voting FOR, 4 voting AGAINST)');
    expect(flat(a.text)).toContain('total allocation of £7,502,000 for the RPS expansion programme of which £4,999,000');
    expect(a.citations.some((c) => c.file.includes('decision-notice'))).toBe(false);
    expectFaithful(index, a);
  });

  it('joins the lines a PDF wrapped mid-sentence, so a quoted decision reads as sentences', () => {
    const a = ask('what was approved for cycle hangars?');
    expect(a.text).toContain('> Following the discussion, the report recommendations were moved by Councillor Plowden and seconded by Councillor Edwards.');
  });

  it('says what was put to the meeting: the petition, its signatures and what was agreed', () => {
    const a = ask('what was the outcome of the Stop Southville Roadblocks petition?');
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.quote).toContain('It was AGREED that the Policy Committee debated and noted the petition');
    expect(a.text).toContain('signed by 1,870 petitioners of which 1,510 were Bristol residents');
    expectFaithful(index, a);
  });

  it('tells a topic across meetings in date order: the vote and decision, the updates noted, what the forward plan schedules', () => {
    const a = ask('how has the workplace parking levy progressed at the Transport and Connectivity Committee over the years?');
    expect(a.kind).toBe('timeline');
    const entries = a.text.split('\n').filter((l) => l.startsWith('- '));
    expect(entries[0]).toContain('12 September 2024');
    expect(entries[0]).toContain('CARRIED (8 voting FOR, 1 against)');
    expect(entries[0]).toContain('at a cost of up to £1m');
    expect(a.text).toContain('noted the update report');
    expect(a.text).toMatch(/9 July 2026: programmed as "Workplace Parking Levy Outline Business Case"/u);
    // One entry a meeting: the decision notice repeats the minutes.
    expect(entries.filter((e) => e.startsWith('- 12 September 2024'))).toHaveLength(1);
    expect(a.citations[0]).toMatchObject({ file: 'bristol-2024-09-12-minutes.pdf', meetingDate: '2024-09-12' });
    expect(a.citations[0]?.quote).toMatch(/^On the recommendation being put to the vote/u);
    expectFaithful(index, a);
  });

  it('answers a two-part figure question from two passages of one minute item', () => {
    const a = ask('how many roads does the 20mph review propose, and how much of the network is that?');
    expect(a.kind).toBe('fact');
    expect(a.text).toContain('20mph speed limit on 97 roads');
    expect(a.text).toContain('approximately 59 miles of road');
    expectFaithful(index, a);
  });

  it('quotes a decision notice when it is the only record of the meeting', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'notice-only-'));
    copyFileSync(join(councilPapers('bristol'), 'bristol-2025-10-23-decision-notice.pdf'), join(dir, 'notice.pdf'));
    const only = (await loadPaperIndexAsync(dir)).index;
    const a = answerQuestion(only, { text: 'what was decided on the cycle hangar policy?', asOf: '2026-04-01' });
    expect(a.kind).toBe('resolution');
    expect(a.citations[0]?.file).toBe('notice.pdf');
    expect(flat(a.text)).toContain('Approved the approach to future delivery and 2030 installation target');
  }, 120_000);
});

describe('the same behaviour on agenda packs', () => {
  const index = sampleIndex();
  const ask = (text: string, asOf = '2023-07-20'): Answer => answerQuestion(index, { text, asOf });

  it("reads the panel's own name in a question as where, not what about", () => {
    const named = ask('what did the Children and Young People Scrutiny Panel resolve on exclusions?');
    const plain = ask('what did the panel resolve on exclusions?');
    expect(named.kind).toBe('resolution');
    expect(named.text).toBe(plain.text);
  });

  it('still finds cabinet members by the cover label of an agenda-pack report', () => {
    const a = ask('who was the cabinet member on the report about the virtual school head?');
    expect(a.kind).toBe('who');
    expect(a.citations[0]?.quote).toMatch(/Cabinet member with lead responsibility/iu);
    expectFaithful(index, a);
  });
});
