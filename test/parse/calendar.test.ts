import type { Meeting, MeetingEvidence, MeetingStatus } from '../../src/model';
import { mergeMeetings } from '../../src/parse';

function draft(evidence: MeetingEvidence, fields: { date?: string; committee?: string; time?: string | null; status?: MeetingStatus; hasPapers?: boolean } = {}): Meeting {
  const committee = fields.committee ?? 'Example Committee';
  return {
    committee,
    canonicalCommittee: committee,
    date: fields.date ?? '2026-03-03',
    time: fields.time ?? null,
    venue: null,
    chair: null,
    viceChair: null,
    members: [],
    coopted: [],
    quorum: null,
    contact: null,
    status: fields.status ?? 'scheduled',
    hasPapers: fields.hasPapers ?? false,
    records: [{ evidence, source: { file: `${evidence}.txt`, lineStart: 1, lineEnd: 1, page: null } }],
    conflicts: [],
  };
}

describe('mergeMeetings: the calendar', () => {
  it('makes one meeting per committee and date from every record, keeping each record', () => {
    const merged = mergeMeetings([draft('meetings_list'), draft('forward_plan'), draft('meetings_list', { committee: 'Other Committee' })]);
    expect(merged).toHaveLength(2);
    expect(merged.find((m) => m.committee === 'Example Committee')?.records.map((r) => r.evidence)).toEqual(['meetings_list', 'forward_plan']);
  });

  it('takes the details of the meeting page or front sheet over a list, and papers from any record', () => {
    const [m] = mergeMeetings([draft('meetings_list', { time: '7:30 pm' }), draft('meeting_page', { time: '7:30 pm', status: 'held', hasPapers: true })]);
    expect(m).toMatchObject({ status: 'held', hasPapers: true, time: '7:30 pm', conflicts: [] });
  });

  it('says where the sources give different times, and reads 7.30pm and 7:30 pm as one time', () => {
    const same = mergeMeetings([draft('meetings_list', { time: '7:30 pm' }), draft('front_sheet', { time: '7.30pm' })]);
    expect(same[0]?.conflicts).toEqual([]);
    const [m] = mergeMeetings([draft('meetings_list', { time: '7:30 pm' }), draft('front_sheet', { time: '6.00 pm' })]);
    expect(m?.time).toBe('6.00 pm');
    expect(m?.conflicts).toEqual(['The papers give different times: 6.00 pm in the agenda front sheet (front_sheet.txt), 7:30 pm in the meetings list (meetings_list.txt).']);
  });

  it('keeps a cancellation over a published agenda, and says so when minutes record the meeting anyway', () => {
    expect(mergeMeetings([draft('front_sheet', { hasPapers: true }), draft('meetings_list', { status: 'cancelled' })])[0]).toMatchObject({ status: 'cancelled', hasPapers: true, conflicts: [] });
    const [m] = mergeMeetings([draft('meetings_list', { status: 'cancelled' }), draft('minutes', { status: 'held', hasPapers: true })]);
    expect(m?.status).toBe('cancelled');
    expect(m?.conflicts).toEqual(['The meeting is cancelled in the meetings list (meetings_list.txt), but the minutes (minutes.txt) records it taking place.']);
  });

  it('orders the calendar by date', () => {
    expect(mergeMeetings([draft('forward_plan', { date: '2026-05-14' }), draft('forward_plan', { date: '2026-03-19' })]).map((m) => m.date)).toEqual(['2026-03-19', '2026-05-14']);
  });
});
