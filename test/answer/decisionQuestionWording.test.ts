import { answerQuestion } from '../../src/answer';
import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';
import { sharedCouncil } from '../helpers/sharedCouncilIndex';
import { expectFaithful, flat } from '../helpers/expectFaithful';
import { councilIndex } from '../helpers/sampleIndex';

/**
 * "did <a body> back / support ... X?" asks for the decision on X, whoever the body is (the committee,
 * "councillors", the authority's own short name): it is answered with the resolution, quoted verbatim.
 */
const ask = (index: PaperIndex, text: string, asOf: string): Answer => answerQuestion(index, { text, asOf });

describe('a "did X back/support ..." question is answered with the decision', () => {
  it('answers "did the committee back" with the resolution on a ModernGov meeting page', async () => {
    const index = await councilIndex('kingston');
    const a = ask(index, 'did the neighbourhood committee back the Coombe Lane West zebra crossing?', '2026-02-01');
    expect(a.kind).toBe('resolution');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('be deferred to the Committee meeting in March 2026');
    expectFaithful(index, a);
  }, 60_000);

  it('answers "did councillors support" with the resolution that approved it', async () => {
    const index = await councilIndex('kingston');
    const a = ask(index, 'did councillors support the Barnfield Riding for the Disabled grant?', '2026-02-01');
    expect(a.kind).toBe('resolution');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('Barnfield Riding for the Disabled be approved');
    expectFaithful(index, a);
  }, 60_000);

  const weca = sharedCouncil('weca');
  weca.itOn('answers "did <the authority> back applying for" with the committee decision', async () => {
    const index = await weca.index();
    const a = ask(index, 'did weca back applying for established mayoral strategic authority status', '2026-06-10');
    expect(a.kind).toBe('resolution');
    expect(flat(a.citations[0]?.quote ?? '')).toContain('Committee supported the Mayor’s intention to make a formal application');
    expectFaithful(index, a);
  }, 120_000);

  weca.itOn('reads a "horizon" as the "time period" the resolution approved (a glossary synonym)', async () => {
    const index = await weca.index();
    const a = ask(index, 'has the sds horizon been agreed?', '2026-06-10');
    expect(a.kind).toBe('resolution');
    expect(flat(a.text)).toContain('Approved the proposed 30-year time period for the SDS');
    expectFaithful(index, a);
  }, 120_000);
});
