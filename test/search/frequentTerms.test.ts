import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { loadPaperIndex, type PaperIndex, type Passage } from '../../src/search';
import { FREQUENT_TERM_MIN_PASSAGES, MIN_PASSAGES_FOR_FREQUENT_TERMS } from '../../src/search/frequentTerms';
import { MINISEARCH_OPTIONS, SEARCH_OPTIONS } from '../../src/search/PaperIndex';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { SEARCH_QUERIES } from '../helpers/searchQueries';

const QUERIES = SEARCH_QUERIES;

let work: string;
let index: PaperIndex;
let plain: MiniSearch<Passage>;

beforeAll(() => {
  // Three copies of the sample papers: enough passages for frequent terms to be set aside.
  work = mkdtempSync(path.join(tmpdir(), 'frequent-terms-'));
  const dir = path.join(work, 'papers');
  mkdirSync(dir);
  for (let k = 0; k < 3; k++) for (const f of readdirSync(SAMPLE_PAPERS_DIR)) copyFileSync(path.join(SAMPLE_PAPERS_DIR, f), path.join(dir, `${k}_${f}`));
  index = loadPaperIndex(dir).index;
  plain = new MiniSearch<Passage>(MINISEARCH_OPTIONS);
  plain.addAll(index.passages);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Ids and scores best first, ties by id; scores to 10 digits, as the two sum the same terms in another order. */
function ranking(hits: readonly { id: number; score: number }[]): string[] {
  return [...hits].sort((a, b) => b.score - a.score || a.id - b.id).map((h) => `${h.id}:${h.score.toPrecision(10)}`);
}

describe('frequent terms kept outside minisearch', () => {
  it('applies to this corpus', () => {
    expect(index.passages.length).toBeGreaterThan(MIN_PASSAGES_FOR_FREQUENT_TERMS);
    expect(FREQUENT_TERM_MIN_PASSAGES).toBeLessThan(index.passages.length);
  });

  it.each(QUERIES)('ranks "%s" exactly as plain minisearch holding every term', (query) => {
    const ours = index.searchPassages(query, 10_000).map((h) => ({ id: h.passage.id, score: h.score }));
    const theirs = plain.search(query, SEARCH_OPTIONS).map((r) => ({ id: r.id as number, score: r.score }));
    expect(ours.length).toBeGreaterThan(0);
    expect(ranking(ours)).toStrictEqual(ranking(theirs));
  });

  it('ranks with AND exactly as plain minisearch', () => {
    for (const query of ['school exclusions', 'social work health check']) {
      const ours = index.searchPassages(query, 10_000, undefined, 'AND').map((h) => ({ id: h.passage.id, score: h.score }));
      const theirs = plain.search(query, { ...SEARCH_OPTIONS, combineWith: 'AND' }).map((r) => ({ id: r.id as number, score: r.score }));
      expect(ranking(ours)).toStrictEqual(ranking(theirs));
    }
  });
});
