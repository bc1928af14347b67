import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndex, type PaperIndex } from '../../src/search';
import { MIN_PASSAGES_FOR_COMMON_TERMS } from '../../src/search/commonTerms';
import { SNAPSHOT_FILE } from '../../src/search/snapshot';
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
function answers(index: PaperIndex): unknown[] {
  return QUESTIONS.map(([text, asOf]) => answerQuestion(index, { text, asOf }));
}

/** Rewrites the snapshot through `edit`, with a valid checksum, as a bad writer (not a bad disk) would. */
function rewriteWithChecksum(snapshotDir: string, edit: (lines: string[]) => string[]): void {
  const file = path.join(snapshotDir, SNAPSHOT_FILE);
  const lines = edit(readFileSync(file, 'utf8').split('\n').slice(0, -2));
  const body = lines.map((l) => `${l}\n`).join('');
  const sha256 = createHash('sha256').update(body).digest('hex');
  writeFileSync(file, `${body}${JSON.stringify({ t: 'end', sha256, lines: lines.length })}\n`);
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
    expect(loaded.index.passages).toStrictEqual(built.index.passages);
    expect(loaded.issues).toStrictEqual(built.issues);
    expect(searches(loaded.index)).toStrictEqual(searches(built.index));
    expect(answers(loaded.index)).toStrictEqual(answers(built.index));
  });

  it('round-trips the common terms kept outside minisearch in a larger corpus', () => {
    const papers = papersFolder(3);
    const snapshotDir = path.join(work, 'index');
    const built = loadPaperIndex(papers, { snapshotDir });
    expect(built.index.passages.length).toBeGreaterThan(MIN_PASSAGES_FOR_COMMON_TERMS);
    expect(readFileSync(path.join(snapshotDir, SNAPSHOT_FILE), 'utf8').includes('"t":"common"')).toBe(true);
    const loaded = loadPaperIndex(papers, { snapshotDir });
    expect(loaded.fromSnapshot).toBe(true);
    expect(searches(loaded.index)).toStrictEqual(searches(built.index));
    expect(answers(loaded.index)).toStrictEqual(answers(built.index));
  });

  it('re-parses only the paper that changed, and indexes its new text', () => {
    const papers = papersFolder();
    const snapshotDir = path.join(work, 'index');
    loadPaperIndex(papers, { snapshotDir });
    appendFileSync(path.join(papers, '003_65cc75b47768e268.txt'), '\n\nThe panel noted the zanzibar quokka initiative.\n');
    const loaded = loadPaperIndex(papers, { snapshotDir });
    expect(loaded).toMatchObject({ fromSnapshot: true, reparsed: ['003_65cc75b47768e268.txt'] });
    expect(loaded.index.searchPassages('zanzibar quokka', 1)[0]?.passage.source.file).toBe('003_65cc75b47768e268.txt');
    // The rebuilt snapshot now holds the change: the next start parses nothing.
    expect(loadPaperIndex(papers, { snapshotDir }).reparsed).toStrictEqual([]);
  });

  it('drops a removed paper and parses an added one', () => {
    const papers = papersFolder();
    const snapshotDir = path.join(work, 'index');
    loadPaperIndex(papers, { snapshotDir });
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
      ['an old version', (file) => writeFileSync(file, readFileSync(file, 'utf8').replace('"version":1', '"version":0')), /is format version 0, this version reads 1; rebuilt from the papers/u],
      ['an empty file', (file) => writeFileSync(file, ''), /is cut short/u],
      ['minisearch field averages nulled under a valid checksum', (_file, snapshotDir) =>
        rewriteWithChecksum(snapshotDir, (lines) => lines.map((l) => (l.startsWith('{"t":"minisearch"') ? l.replace(/"averageFieldLength":\[[^\]]*\]/u, '"averageFieldLength":[null,null,null]') : l))),
      /scores passage .*, not .* as saved; rebuilt the search index/u],
      ['minisearch ids emptied under a valid checksum', (_file, snapshotDir) =>
        rewriteWithChecksum(snapshotDir, (lines) => lines.map((l) => (l.startsWith('{"t":"minisearch"') ? l.replace(/"documentIds":\{[^}]*\}/u, '"documentIds":{}') : l))),
      /does not find passage .*; rebuilt the search index/u],
    ];
    it.each(cases)('%s', (_name, damage, message) => {
      const papers = papersFolder();
      const snapshotDir = path.join(work, 'index');
      const built = loadPaperIndex(papers, { snapshotDir });
      damage(path.join(snapshotDir, SNAPSHOT_FILE), snapshotDir);
      const loaded = loadPaperIndex(papers, { snapshotDir });
      expect(loaded.snapshotProblem).toMatch(message);
      expect(loaded.index.stats).toStrictEqual(built.index.stats);
      expect(answers(loaded.index)).toStrictEqual(answers(built.index));
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
