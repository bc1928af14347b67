import { join } from 'node:path';
import { cited, FIXTURES, KINGSTON, readPage } from './readPage';

describe('ModernGov meetings list (real page)', () => {
  const { doc, parsed } = readPage(join(KINGSTON, 'kingston-nodate-meetings-list.html'));

  it('gives every listed meeting of the committee, each citing its own line', () => {
    expect(parsed.layout).toBe('moderngov_meetings_list');
    expect(parsed.meetings).toHaveLength(15);
    expect(new Set(parsed.meetings.map((m) => m.committee))).toStrictEqual(new Set(['Kingston and North Kingston Neighbourhood Committee']));
    const jan29 = parsed.meetings.find((m) => m.date === '2026-01-29')!;
    expect(jan29.records[0]?.evidence).toBe('meetings_list');
    expect(cited(doc, jan29.records[0]!.source)).toBe('- 29 Jan 2026 7:30 pm - Agenda, Decisions');
    expect(cited(doc, parsed.meetings.find((m) => m.date === '2026-03-03')!.records[0]!.source)).toBe('- 3 Mar 2026 7:30 pm');
  });

  it('reads each status: cancelled as said, held when decisions or minutes are listed, scheduled otherwise', () => {
    const status = Object.fromEntries(parsed.meetings.map((m) => [m.date, m.status]));
    expect(status['2025-12-04']).toBe('cancelled');
    expect(status['2026-01-29']).toBe('held');
    expect(status['2026-03-03']).toBe('scheduled');
    expect(status['2026-06-15']).toBe('scheduled');
    expect(parsed.meetings.filter((m) => m.status === 'held')).toHaveLength(12);
    expect(parsed.meetings.find((m) => m.date === '2025-06-18')?.time).toBe('7:00 pm');
    expect(parsed.meetings.every((m) => !m.hasPapers)).toBe(true);
  });
});

describe('ModernGov meetings list (fixture)', () => {
  it('reads postponed meetings and an agenda-only meeting as scheduled', () => {
    const { parsed } = readPage(join(FIXTURES, 'meetings-list.html'));
    expect(parsed.meetings.map((m) => [m.date, m.time, m.status])).toStrictEqual([
      ['2026-06-09', '6:00 pm', 'scheduled'],
      ['2026-04-22', '6:00 pm', 'postponed'],
      ['2026-03-10', '6:00 pm', 'held'],
      ['2026-02-03', '6:00 pm', 'scheduled'],
    ]);
    expect(parsed.papers.map((p) => p.kind)).toStrictEqual(['meetings_list']);
  });
});
