import { join } from 'node:path';
import { cited, FIXTURES, readPage } from './readPage';

describe('ModernGov decision details (fixture)', () => {
  const { doc, parsed } = readPage(join(FIXTURES, 'decision-details.html'));

  it('reads the decision verbatim as a resolution of its decision maker, dated the day it was taken', () => {
    expect(parsed.layout).toBe('moderngov_decision_details');
    const minutes = parsed.minutes[0]!;
    expect(minutes.committee).toBe('Cabinet');
    expect(minutes.meetingDate).toBe('2026-02-11');
    const r = minutes.items[0]!.resolutions[0]!;
    expect(r.itemTitle).toBe('Riverside Library refurbishment contract award');
    expect(r.points).toStrictEqual([
      'That the contract for the refurbishment of Riverside Library be awarded to Harbour Build Ltd for £1,240,000.',
      'That authority be delegated to the Director of Place to agree the final terms of the contract.',
    ]);
    expect(cited(doc, r.source)).toBe(r.text);
    expect(minutes.items[0]!.body).toContain('The tender from Harbour Build Ltd was the most economically advantageous of the four received.');
  });

  it('dates the meeting it was decided at, as a decision notice', () => {
    expect(parsed.meetings.map((m) => [m.committee, m.date, m.status, m.records[0]?.evidence])).toStrictEqual([['Cabinet', '2026-02-11', 'held', 'decision_notice']]);
    expect(parsed.papers.map((p) => p.kind)).toStrictEqual(['decision_notice']);
  });
});
