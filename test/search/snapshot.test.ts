import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndex, type PaperIndex, type Passage } from '../../src/search';
import { MIN_PASSAGES_FOR_FREQUENT_TERMS } from '../../src/search/frequentTerms';
import { SNAPSHOT_FILE, SNAPSHOT_VERSION } from '../../src/search/snapshot';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';

const QUERIES = ['school exclusions', 'social work health check', 'holiday activities food funding', 'children in care'];
const QUESTIONS: [string, string][] = [
  ['what did the panel resolve on the 2022 social work health check', '2023-08-01'],
  ['next panel meeting?', '2023-08-10'],
  ['who presented exclusions in march', '2023-07-20'],
  ['how much did wolves get for headstart phase 3', '2023-08-01'],
];

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'snapshot-test-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/**
 * The sample papers' index as first built with a snapshot, made once for this file: a test that starts
 * from a saved snapshot copies this one instead of building its own (each build parses every paper).
 */
let first: { papers: string; snapshotDir: string; built: PaperIndex };
beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), 'snapshot-first-'));
  const papers = path.join(dir, 'papers');
  mkdirSync(papers);
  for (const f of readdirSync(SAMPLE_PAPERS_DIR)) copyFileSync(path.join(SAMPLE_PAPERS_DIR, f), path.join(papers, f));
  const snapshotDir = path.join(dir, 'index');
  first = { papers, snapshotDir, built: loadPaperIndex(papers, { snapshotDir }).index };
});
afterAll(() => rmSync(path.dirname(first.papers), { recursive: true, force: true }));

/** A copy of the first snapshot in this test's folder, as a bot that saved it at its last start finds it. */
function savedSnapshot(): string {
  const snapshotDir = path.join(work, 'index');
  mkdirSync(snapshotDir);
  copyFileSync(path.join(first.snapshotDir, SNAPSHOT_FILE), path.join(snapshotDir, SNAPSHOT_FILE));
  return snapshotDir;
}

/** A papers folder holding the sample papers `copies` times over (copies past the first get a prefix). */
function papersFolder(copies = 1): string {
  const dir = path.join(work, 'papers');
  mkdirSync(dir);
  for (let k = 0; k < copies; k++) {
    for (const f of readdirSync(SAMPLE_PAPERS_DIR)) copyFileSync(path.join(SAMPLE_PAPERS_DIR, f), path.join(dir, k === 0 ? f : `copy${k}_${f}`));
  }
  return dir;
}

/** Search results by id, place and score; scores to 12 digits, as minisearch adds a reloaded index's terms in another order. */
function searches(index: PaperIndex): unknown[] {
  return QUERIES.map((q) => index.searchPassages(q, 20).map((h) => [h.passage.id, h.score.toPrecision(12), h.passage.source]));
}
function plain(p: Passage): Passage {
  return { id: p.id, text: p.text, title: p.title, paperKind: p.paperKind, meetingDate: p.meetingDate, item: p.item, source: p.source };
}
function answers(index: PaperIndex): unknown[] {
  return QUESTIONS.map(([text, asOf]) => answerQuestion(index, { text, asOf }));
}

/** Rewrites the snapshot's minisearch line through `edit`, with a valid checksum, as a bad writer (not a bad disk) would. */
function rewriteWithChecksum(snapshotDir: string, edit: (line: string) => string): void {
  const file = path.join(snapshotDir, SNAPSHOT_FILE);
  const bytes = readFileSync(file);
  const endStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  // Edited as bytes: the file's texts and arrays are raw sections, which a round trip through a string would change.
  const at = bytes.indexOf('\n{"t":"minisearch"') + 1;
  const stop = bytes.indexOf(0x0a, at);
  const body = Buffer.concat([bytes.subarray(0, at), Buffer.from(edit(bytes.toString('utf8', at, stop))), bytes.subarray(stop, endStart)]);
  writeFileSync(file, Buffer.concat([body, Buffer.from(`${JSON.stringify({ t: 'end', crc32: crc32(body) })}\n`)]));
}

/** Zeroes the raw section after the snapshot's `tag` line (its bytes follow it), with a valid checksum. */
function zeroSectionWithChecksum(snapshotDir: string, tag: string): void {
  const file = path.join(snapshotDir, SNAPSHOT_FILE);
  const bytes = readFileSync(file);
  const endStart = bytes.lastIndexOf(0x0a, bytes.length - 2) + 1;
  const at = bytes.indexOf(`\n{"t":"${tag}"`) + 1;
  const stop = bytes.indexOf(0x0a, at);
  const { bytes: length } = JSON.parse(bytes.toString('utf8', at, stop)) as { bytes: number };
  bytes.fill(0, stop + 1, stop + 1 + length);
  const body = bytes.subarray(0, endStart);
  writeFileSync(file, Buffer.concat([body, Buffer.from(`${JSON.stringify({ t: 'end', crc32: crc32(body) })}\n`)]));
}

describe('loadPaperIndex with a snapshot', () => {
  it('keeps the one-argument call, without a snapshot', () => {
    const loaded = loadPaperIndex(SAMPLE_PAPERS_DIR);
    expect(loaded.fromSnapshot).toBe(false);
    expect(loaded.index.stats.files).toBe(5);
  });

  it('loads an unchanged folder from the snapshot with the same records, searches and answers', () => {
    const papers = papersFolder();
    const snapshotDir = path.join(work, 'index');
    const built = loadPaperIndex(papers, { snapshotDir });
    expect(built.fromSnapshot).toBe(false);
    expect(built.reparsed).toHaveLength(5);
    const loaded = loadPaperIndex(papers, { snapshotDir });
    expect(loaded).toMatchObject({ fromSnapshot: true, reparsed: [] });
    expect(loaded.snapshotProblem).toBeUndefined();
    expect(loaded.index.corpus).toStrictEqual(built.index.corpus);
    // Passages read their text from different places (memory when built, the snapshot file when loaded); what they say must agree.
    expect(loaded.index.passages.map(plain)).toStrictEqual(built.index.passages.map(plain));
    expect(loaded.issues).toStrictEqual(built.issues);
    // The vocabulary is saved, not recounted: same words, same counts, same first-seen order.
    expect([...loaded.index.words]).toStrictEqual([...built.index.words]);
    expect(built.index.words.get('exclusions')).toBeGreaterThan(1);
    expect(searches(loaded.index)).toStrictEqual(searches(built.index));
    expect(answers(loaded.index)).toStrictEqual(answers(built.index));
  });

  it('round-trips the common terms kept outside minisearch in a larger corpus', () => {
    const papers = papersFolder(3);
    const snapshotDir = path.join(work, 'index');
    const built = loadPaperIndex(papers, { snapshotDir });
    expect(built.index.passages.length).toBeGreaterThan(MIN_PASSAGES_FOR_FREQUENT_TERMS);
    expect(readFileSync(path.join(snapshotDir, SNAPSHOT_FILE), 'utf8').includes('"t":"frequent"')).toBe(true);
    const loaded = loadPaperIndex(papers, { snapshotDir });
    expect(loaded.fromSnapshot).toBe(true);
    expect(searches(loaded.index)).toStrictEqual(searches(built.index));
    expect(answers(loaded.index)).toStrictEqual(answers(built.index));
  });

  it('re-parses only the paper that changed, and indexes its new text', () => {
    const papers = papersFolder();
    const snapshotDir = savedSnapshot();
    appendFileSync(path.join(papers, '003_65cc75b47768e268.txt'), '\n\nThe panel noted the zanzibar quokka initiative.\n');
    const loaded = loadPaperIndex(papers, { snapshotDir });
    expect(loaded).toMatchObject({ fromSnapshot: true, reparsed: ['003_65cc75b47768e268.txt'] });
    expect(loaded.index.searchPassages('zanzibar quokka', 1)[0]?.passage.source.file).toBe('003_65cc75b47768e268.txt');
    // The rebuilt snapshot now holds the change: the next start parses nothing.
    expect(loadPaperIndex(papers, { snapshotDir }).reparsed).toStrictEqual([]);
  });

  it('drops a removed paper and parses an added one', () => {
    const papers = papersFolder();
    const snapshotDir = savedSnapshot();
    rmSync(path.join(papers, '001_6d94e5e1e00dee56.txt'));
    const removed = loadPaperIndex(papers, { snapshotDir });
    expect(removed.reparsed).toStrictEqual([]);
    expect(removed.index.corpus.documents.map((d) => d.file)).not.toContain('001_6d94e5e1e00dee56.txt');
    expect(removed.index.passages.some((p) => p.source.file === '001_6d94e5e1e00dee56.txt')).toBe(false);
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, '001_6d94e5e1e00dee56.txt'), path.join(papers, '005_added.txt'));
    expect(loadPaperIndex(papers, { snapshotDir }).reparsed).toStrictEqual(['005_added.txt']);
  });

  describe('a bad snapshot is reported and rebuilt from the papers', () => {
    const cases: [string, (file: string, snapshotDir: string) => void, RegExp][] = [
      ['damaged bytes', (file) => {
        const bytes = readFileSync(file);
        const middle = Math.floor(bytes.length / 2);
        for (let k = 0; k < 16; k++) bytes[middle + k] = bytes[middle + k]! ^ 0x55;
        writeFileSync(file, bytes);
      }, /fails its checksum \(damaged\); rebuilt from the papers/u],
      ['a cut-short file', (file) => writeFileSync(file, readFileSync(file).subarray(0, 100_000)), /is cut short \(no end line\); rebuilt from the papers/u],
      ['an old version', (file) => writeFileSync(file, readFileSync(file, 'utf8').replace(`"version":${SNAPSHOT_VERSION}`, '"version":0')), new RegExp(`is format version 0, this version reads ${SNAPSHOT_VERSION}; rebuilt from the papers`, 'u')],
      ['an empty file', (file) => writeFileSync(file, ''), /is cut short/u],
      ['minisearch field averages nulled under a valid checksum', (_file, snapshotDir) =>
        rewriteWithChecksum(snapshotDir, (l) => l.replace(/"averageFieldLength":\[[^\]]*\]/u, '"averageFieldLength":[null,null,null]')),
      /scores passage .*, not .* as saved; rebuilt the search index/u],
      ['minisearch document ids zeroed under a valid checksum', (_file, snapshotDir) => zeroSectionWithChecksum(snapshotDir, 'documents'),
      /does not find passage .*; rebuilt the search index/u],
    ];
    it.each(cases)('%s', (_name, damage, message) => {
      const papers = papersFolder();
      const snapshotDir = savedSnapshot();
      damage(path.join(snapshotDir, SNAPSHOT_FILE), snapshotDir);
      const loaded = loadPaperIndex(papers, { snapshotDir });
      expect(loaded.snapshotProblem).toMatch(message);
      expect(loaded.index.stats).toStrictEqual(first.built.stats);
      expect(answers(loaded.index)).toStrictEqual(answers(first.built));
      // The snapshot was rewritten whole: the next start loads it cleanly.
      expect(loadPaperIndex(papers, { snapshotDir })).toMatchObject({ fromSnapshot: true, reparsed: [] });
    });
  });

  it('serves the papers and reports it when the snapshot cannot be written', () => {
    const papers = papersFolder();
    const blocker = path.join(work, 'not-a-folder');
    writeFileSync(blocker, 'x');
    const loaded = loadPaperIndex(papers, { snapshotDir: path.join(blocker, 'index') });
    expect(loaded.snapshotProblem).toMatch(/the bot runs without a snapshot/u);
    expect(loaded.index.stats.files).toBe(5);
  });
});
