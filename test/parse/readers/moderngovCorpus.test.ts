import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readPaperFile } from '../../../src/ingest';
import { parsePapers } from '../../../src/parse';
import { KINGSTON } from './readPage';

describe('ModernGov pages read together (real pages of one committee)', () => {
  const docs = readdirSync(KINGSTON)
    .filter((f) => f.endsWith('.html'))
    .map((f) => readPaperFile(join(KINGSTON, f), f).document!);
  const corpus = parsePapers(docs);
  const name = 'Kingston and North Kingston Neighbourhood Committee';

  it('merges the list, the meeting pages and the committee pages into one calendar without issues', () => {
    expect(corpus.issues).toStrictEqual([]);
    const meetings = corpus.meetings.filter((m) => m.canonicalCommittee === name);
    expect(meetings).toHaveLength(15);
    expect(meetings.find((m) => m.date === '2025-12-04')).toMatchObject({ status: 'cancelled', venue: 'Guildhall, Kingston upon Thames' });
    const jan15 = meetings.find((m) => m.date === '2026-01-15')!;
    expect(jan15).toMatchObject({ status: 'held', hasPapers: true, venue: 'Guildhall, Kingston upon Thames' });
    expect(jan15.records.map((r) => r.evidence).sort()).toStrictEqual(['meeting_page', 'meetings_list']);
  });

  it('keeps the committee details over the bare structure entry of the same committee', () => {
    const committee = corpus.committees.find((c) => c.canonical === name)!;
    expect(committee.chair).toBe('Olly Wehring');
    expect(committee.members).toHaveLength(15);
    expect(corpus.committees.length).toBeGreaterThanOrEqual(30);
  });

  it('collects the meeting page resolutions', () => {
    expect(corpus.resolutions.map((r) => r.itemNumber)).toStrictEqual(['58', '59', '60', '63']);
  });
});
