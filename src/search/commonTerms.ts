import type { Passage } from './passage';

/** The fields a passage is searched by, with the boost a match in each earns. */
export const FIELD_BOOSTS = { text: 1, title: 1.5, item: 2 } as const;
export type SearchField = keyof typeof FIELD_BOOSTS;
export const SEARCH_FIELDS = Object.keys(FIELD_BOOSTS) as SearchField[];

/**
 * A term in more than this share of passages is "common" ("children", "report", "minutes" in titles).
 * minisearch spends most of a query walking such terms' postings and building a result for every
 * passage they touch (at 100 MB of text one of them touches 50,000+ passages), yet they barely change
 * the ranking. They are kept out of minisearch and held here as plain id lists instead.
 */
export const COMMON_TERM_SHARE = 0.02;

/** Below this many passages minisearch is fast on every term, so nothing is set aside. */
export const MIN_PASSAGES_FOR_COMMON_TERMS = 4_000;

/** minisearch's BM25 constant `d` plus the term-frequency part at tf = 1 and an average-length field. */
const BM25_SINGLE_MATCH = 0.5 + 1;

/** Per common term, the sorted ids of the passages holding it, one list per field. */
export type CommonTermPostings = ReadonlyMap<string, Readonly<Record<SearchField, Int32Array>>>;

/**
 * Finds the common terms and their postings. `terms` is the same tokenizer + term processing that
 * minisearch uses, so a term set aside here is exactly the term minisearch would have indexed.
 */
export function findCommonTerms(passages: readonly Passage[], terms: (text: string, field: SearchField) => string[]): CommonTermPostings {
  if (passages.length < MIN_PASSAGES_FOR_COMMON_TERMS) return new Map();
  const docFreq = new Map<string, number>();
  const perPassage = passages.map((p) => {
    const byField = SEARCH_FIELDS.map((f) => new Set(terms(fieldValue(p, f), f)));
    for (const t of new Set(byField.flatMap((s) => [...s]))) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    return byField;
  });
  const limit = COMMON_TERM_SHARE * passages.length;
  const common = [...docFreq].filter(([, n]) => n > limit).map(([t]) => t);
  const lists = new Map(common.map((t) => [t, { text: [] as number[], title: [] as number[], item: [] as number[] }]));
  perPassage.forEach((byField, k) => {
    SEARCH_FIELDS.forEach((f, i) => {
      for (const t of byField[i]!) lists.get(t)?.[f].push(passages[k]!.id);
    });
  });
  return new Map(
    [...lists].map(([t, l]) => [t, { text: Int32Array.from(l.text), title: Int32Array.from(l.title), item: Int32Array.from(l.item) }] as const),
  );
}

export function fieldValue(p: Passage, field: SearchField): string {
  return field === 'text' ? p.text : field === 'title' ? p.title : (p.item ?? '');
}

/**
 * What common term `term` adds to passage `id`'s score: minisearch's BM25 for one occurrence in an
 * average-length field, per field it is in, with that field's boost. 0 when the passage lacks it.
 */
export function commonTermScore(postings: CommonTermPostings, term: string, id: number, passageCount: number): number {
  const lists = postings.get(term);
  if (!lists) return 0;
  let score = 0;
  for (const f of SEARCH_FIELDS) {
    const list = lists[f];
    if (has(list, id)) score += FIELD_BOOSTS[f] * idf(list.length, passageCount) * BM25_SINGLE_MATCH;
  }
  return score;
}

/** minisearch's inverse document frequency, so set-aside terms weigh what they would have weighed there. */
function idf(matching: number, total: number): number {
  return Math.log(1 + (total - matching + 0.5) / (matching + 0.5));
}

/** Binary search: the lists are sorted because passages are numbered in order. */
function has(list: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = list[mid]!;
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
