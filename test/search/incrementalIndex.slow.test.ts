import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { answerQuestion } from '../../src/answer';
import { loadPaperIndex, loadPaperIndexAsync, saveChangedIndex, updatePaperIndex, type PaperIndex } from '../../src/search';
import { MIN_PASSAGES_FOR_FREQUENT_TERMS } from '../../src/search/frequentTerms';
import { testQuestions } from '../helpers/questionLists';
import { councilPapers, SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { SEARCH_QUERIES } from '../helpers/searchQueries';

const QUERIES = [...SEARCH_QUERIES, 'budget', 'the panel resolved'];
const QUESTIONS = testQuestions().filter((_, k) => k % 4 === 0);
const SAMPLES = readdirSync(SAMPLE_PAPERS_DIR).sort();

/** Every hit, by file and lines with its score (8 digits: minisearch's running averages round differently), in a canonical order: ids differ between the two indexes. */
function ranking(index: PaperIndex, query: string): string[] {
  return index
    .searchPassages(query, 100_000)
    .map((h) => ({ key: `${h.passage.source.file}:${h.passage.source.lineStart}-${h.passage.source.lineEnd}`, score: h.score.toPrecision(8) }))
    .sort((a, b) => Number(b.score) - Number(a.score) || a.key.localeCompare(b.key))
    .map((h) => `${h.key} ${h.score}`);
}

/** An answer without passage ids, which differ between the two indexes. */
function answerOf(index: PaperIndex, text: string): string {
  return JSON.stringify(answerQuestion(index, { text, asOf: '2023-07-20' }), (key, value: unknown) => (key === 'id' ? undefined : value));
}

function expectSameAsRebuild(incremental: PaperIndex, dir: string, questions: readonly string[] = QUESTIONS): void {
  const rebuilt = loadPaperIndex(dir).index;
  expect(incremental.stats).toEqual(rebuilt.stats);
  expect(incremental.passages.map((p) => `${p.source.file}:${p.source.lineStart}`).sort()).toEqual(rebuilt.passages.map((p) => `${p.source.file}:${p.source.lineStart}`).sort());
  for (const q of QUERIES) expect({ q, ranking: ranking(incremental, q) }).toEqual({ q, ranking: ranking(rebuilt, q) });
  for (const q of questions) expect({ q, answer: answerOf(incremental, q) }).toEqual({ q, answer: answerOf(rebuilt, q) });
  // The snapshot's form of the changed index is a plain index again, ranking as the rebuild does.
  const compacted = incremental.compacted();
  expect(compacted.passages.every((p, k) => p.id === k)).toBe(true);
  for (const q of QUERIES) expect({ q, ranking: ranking(compacted, q) }).toEqual({ q, ranking: ranking(rebuilt, q) });
}

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'incremental-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

function folder(name: string, copies: number, files: readonly string[] = SAMPLES, from = SAMPLE_PAPERS_DIR): string {
  const dir = path.join(work, name);
  mkdirSync(dir);
  for (let k = 0; k < copies; k++) for (const f of files) copyFileSync(path.join(from, f), path.join(dir, `${k}_${f}`));
  return dir;
}

describe('an index changed in place answers as a rebuild of the same folder', () => {
  it('on the sample papers: a paper added, one changed, one removed', async () => {
    const dir = folder('papers', 1, SAMPLES.slice(1));
    let index = loadPaperIndex(dir).index;
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, SAMPLES[0]!), path.join(dir, `0_${SAMPLES[0]}`));
    index = (await updatePaperIndex(index, dir, new Set([`0_${SAMPLES[0]}`]))).index;
    expectSameAsRebuild(index, dir);
    appendFileSync(path.join(dir, `0_${SAMPLES[1]}`), '\nAny other business\n\nThe panel noted a late paper on zebracrossings near schools.\n');
    index = (await updatePaperIndex(index, dir, new Set([`0_${SAMPLES[1]}`]))).index;
    expect(index.searchPassages('zebracrossings', 1)[0]?.passage.source.file).toBe(`0_${SAMPLES[1]}`);
    expectSameAsRebuild(index, dir);
    rmSync(path.join(dir, `0_${SAMPLES[2]}`));
    index = (await updatePaperIndex(index, dir, new Set([`0_${SAMPLES[2]}`]))).index;
    expect(index.lines(`0_${SAMPLES[2]}`)).toBeUndefined();
    expectSameAsRebuild(index, dir);

    // Its snapshot loads as it is, with no paper read again, and ranks as the rebuild does.
    const snapshotDir = path.join(work, 'index');
    saveChangedIndex(snapshotDir, index);
    const restarted = loadPaperIndex(dir, { snapshotDir });
    expect({ fromSnapshot: restarted.fromSnapshot, reparsed: restarted.reparsed, problem: restarted.snapshotProblem }).toEqual({ fromSnapshot: true, reparsed: [], problem: undefined });
    expectSameAsRebuild(restarted.index, dir, []);
  }, 120_000);

  it('across the frequent-terms threshold, and with frequent terms held in typed arrays', async () => {
    // One copy has too few passages for frequent terms; three have them. Grow past it, change and shrink.
    const dir = folder('papers', 1);
    let index = loadPaperIndex(dir).index;
    expect(index.passages.length).toBeLessThan(MIN_PASSAGES_FOR_FREQUENT_TERMS);
    for (let k = 1; k < 3; k++) for (const f of SAMPLES) copyFileSync(path.join(SAMPLE_PAPERS_DIR, f), path.join(dir, `${k}_${f}`));
    index = (await updatePaperIndex(index, dir, new Set(SAMPLES.flatMap((f) => [`1_${f}`, `2_${f}`])))).index;
    expect(index.passages.length).toBeGreaterThan(MIN_PASSAGES_FOR_FREQUENT_TERMS);
    expectSameAsRebuild(index, dir, []);

    // Built with frequent terms: a frequent word must be found in a new passage, a removed one not.
    index = loadPaperIndex(dir).index;
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, SAMPLES[0]!), path.join(dir, `3_${SAMPLES[0]}`));
    index = (await updatePaperIndex(index, dir, new Set([`3_${SAMPLES[0]}`]))).index;
    expect(index.searchPassages('children', 100_000).some((h) => h.passage.source.file === `3_${SAMPLES[0]}`)).toBe(true);
    expectSameAsRebuild(index, dir, []);
    for (const f of SAMPLES) rmSync(path.join(dir, `1_${f}`));
    index = (await updatePaperIndex(index, dir, new Set(SAMPLES.map((f) => `1_${f}`)))).index;
    expect(index.searchPassages('children', 100_000).some((h) => h.passage.source.file.startsWith('1_'))).toBe(false);
    expectSameAsRebuild(index, dir, []);
  }, 300_000);

  it('on another council’s papers as published (PDFs and a ModernGov page): each paper added in turn', async () => {
    // The copy in the repository's fixtures, so the case runs where ../shared is absent (CI) too.
    const papers = councilPapers('kingston');
    const names = readdirSync(papers).sort();
    const dir = folder('kingston', 1, names.slice(0, 2), papers);
    let index = (await loadPaperIndexAsync(dir)).index;
    for (const name of names.slice(2)) {
      copyFileSync(path.join(papers, name), path.join(dir, `0_${name}`));
      index = (await updatePaperIndex(index, dir, new Set([`0_${name}`]))).index;
    }
    const rebuilt = (await loadPaperIndexAsync(dir)).index;
    expect(index.stats).toEqual(rebuilt.stats);
    for (const q of ['zebra crossing', 'petition', 'meeting cancelled', 'resolved']) expect({ q, ranking: ranking(index, q) }).toEqual({ q, ranking: ranking(rebuilt, q) });
  }, 120_000);
});
