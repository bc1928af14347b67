import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { ParsedCorpus } from '../parse';
import { commonTermScore, FIELD_BOOSTS, findCommonTerms, type CommonTermPostings } from './commonTerms';
import type { Passage } from './passage';
import { toPassages } from './toPassages';

export interface PassageHit {
  readonly passage: Passage;
  readonly score: number;
  /** The query terms that matched this passage. */
  readonly terms: readonly string[];
}

/** Words too common in committee papers to tell passages apart. */
const STOP_WORDS = new Set(
  'a an and are as at be been by for from has have in into is it its of on or that the their this to was were will with what when who which whats how did do does we our us they panel meeting'.split(' '),
);

/** One options object for building and for loading, so a saved index never disagrees with its reader. */
export const MINISEARCH_OPTIONS: Options<Passage> = {
  fields: ['text', 'title', 'item'],
  storeFields: [],
  processTerm: (term) => {
    const t = term.toLowerCase();
    return STOP_WORDS.has(t) ? null : t;
  },
};

const SEARCH_OPTIONS: SearchOptions = {
  boost: { item: FIELD_BOOSTS.item, title: FIELD_BOOSTS.title },
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
  combineWith: 'OR',
};

/**
 * A question expanded by the glossary can carry a dozen words; past this many rare words minisearch's
 * cost grows while the top of the ranking no longer moves.
 */
const MAX_QUERY_TERMS = 12;

/** Recent queries' full rankings: the answer engine asks one query many times with different filters. */
const CACHE_QUERIES = 64;
/** The cache holds at most this many ranked passages in all, so a run of broad queries cannot grow the heap. */
const CACHE_MAX_HITS = 400_000;

/** A ranked passage before the caller's filter: an id, not the passage, so the cache stays small. */
interface Ranked {
  readonly id: number;
  readonly score: number;
  readonly terms: readonly string[];
}

/** The parts a snapshot saves and restores; minisearch's own plain-object form included. */
export interface PaperIndexParts {
  readonly corpus: ParsedCorpus;
  readonly passages: readonly Passage[];
  readonly search: AsPlainObject;
  readonly commonTerms: CommonTermPostings;
}

/** The searchable corpus: passages in minisearch plus the parser's structured records. Read-only once built. */
export class PaperIndex {
  readonly corpus: ParsedCorpus;
  /** Every passage; a passage's `id` is its position here. */
  readonly passages: readonly Passage[];
  private readonly search: MiniSearch<Passage>;
  private readonly commonTerms: CommonTermPostings;
  private readonly linesByFile: ReadonlyMap<string, readonly string[]>;
  private readonly cache = new Map<string, readonly Ranked[]>();
  /** Each cached ranking's positions by passage id (-1 when unranked), built when `searchAmong` needs them. */
  private readonly positions = new WeakMap<readonly Ranked[], Int32Array>();
  /** Each file's passages in order, built on first use. */
  private passagesByFile: Map<string, Passage[]> | undefined;
  private cachedHits = 0;
  /** Scratch space for counting common terms per passage; reused so a query allocates nothing this big. */
  private readonly commonCount: Uint8Array;
  private readonly commonStamp: Int32Array;
  private stamp = 0;

  private constructor(corpus: ParsedCorpus, passages: readonly Passage[], search: MiniSearch<Passage>, commonTerms: CommonTermPostings) {
    this.corpus = corpus;
    this.passages = passages;
    this.search = search;
    this.commonTerms = commonTerms;
    this.linesByFile = new Map(corpus.documents.map((d) => [d.file, d.lines]));
    this.commonCount = new Uint8Array(passages.length);
    this.commonStamp = new Int32Array(passages.length);
  }

  static build(corpus: ParsedCorpus): PaperIndex {
    const passages: Passage[] = [];
    const documents = new Map(corpus.documents.map((d) => [d.file, d]));
    corpus.files.forEach((parsed) => {
      const doc = documents.get(parsed.file);
      if (doc) passages.push(...toPassages(doc, parsed, passages.length));
    });
    const commonTerms = findCommonTerms(passages, processedTerms);
    const search = new MiniSearch<Passage>(minisearchOptions(commonTerms));
    search.addAll(passages);
    return new PaperIndex(corpus, passages, search, commonTerms);
  }

  /** Rebuilds an index from a snapshot's parts. Throws when minisearch rejects its saved form. */
  static fromParts(parts: PaperIndexParts): PaperIndex {
    const search = MiniSearch.loadJS<Passage>(parts.search, minisearchOptions(parts.commonTerms));
    return new PaperIndex(parts.corpus, parts.passages, search, parts.commonTerms);
  }

  /** What a snapshot saves. minisearch's part is built on call, so call it once per save. */
  toParts(): PaperIndexParts {
    return { corpus: this.corpus, passages: this.passages, search: this.search.toJSON(), commonTerms: this.commonTerms };
  }

  /** Passages best first; `filter` narrows to e.g. one meeting's papers before ranking. */
  searchPassages(query: string, limit = 10, filter?: (p: Passage) => boolean, combineWith: 'AND' | 'OR' = 'OR'): PassageHit[] {
    const hits: PassageHit[] = [];
    for (const r of this.rank(query, combineWith)) {
      const passage = this.passages[r.id]!;
      if (filter && !filter(passage)) continue;
      hits.push({ passage, score: r.score, terms: r.terms });
      if (hits.length >= limit) break;
    }
    return hits;
  }

  /**
   * `searchPassages(query, limit, (p) => among.includes(p))`, without walking the whole ranking: for a
   * filter that admits a few known passages (one minute item's), e.g. once per item of a timeline.
   */
  searchAmong(query: string, among: readonly Passage[], limit = 10): PassageHit[] {
    if (among.length === 0) return [];
    const ranked = this.rank(query, 'OR');
    let positions = this.positions.get(ranked);
    if (!positions) {
      positions = new Int32Array(this.passages.length).fill(-1);
      ranked.forEach((r, k) => {
        positions![r.id] = k;
      });
      this.positions.set(ranked, positions);
    }
    const at = [...new Set(among.map((p) => positions![p.id]!))].filter((k) => k >= 0).sort((a, b) => a - b).slice(0, limit);
    return at.map((k) => {
      const r = ranked[k]!;
      return { passage: this.passages[r.id]!, score: r.score, terms: r.terms };
    });
  }

  /** The passages of `file` lying wholly within lines [lineStart, lineEnd], in order. */
  passagesIn(file: string, lineStart: number, lineEnd: number): Passage[] {
    if (!this.passagesByFile) {
      this.passagesByFile = new Map();
      for (const p of this.passages) {
        const list = this.passagesByFile.get(p.source.file);
        if (list) list.push(p);
        else this.passagesByFile.set(p.source.file, [p]);
      }
    }
    return (this.passagesByFile.get(file) ?? []).filter((p) => p.source.lineStart >= lineStart && p.source.lineEnd <= lineEnd);
  }

  /** A file's lines, for quoting and for the paper view. */
  lines(file: string): readonly string[] | undefined {
    return this.linesByFile.get(file);
  }

  get stats(): { files: number; papers: number; meetings: number; passages: number } {
    return {
      files: this.corpus.documents.length,
      papers: this.corpus.papers.length,
      meetings: this.corpus.meetings.length,
      passages: this.passages.length,
    };
  }

  /** Every passage the query matches, best first, from the cache when the query was asked lately. */
  private rank(query: string, combineWith: 'AND' | 'OR'): readonly Ranked[] {
    const key = `${combineWith}\u0000${query}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Re-insert so the Map's order is least recently used first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const ranked = this.rankUncached(query, combineWith);
    this.cache.set(key, ranked);
    this.cachedHits += ranked.length;
    for (const [k, v] of this.cache) {
      if (this.cache.size <= CACHE_QUERIES && this.cachedHits <= CACHE_MAX_HITS) break;
      this.cache.delete(k);
      this.cachedHits -= v.length;
    }
    return ranked;
  }

  /**
   * Rare words go to minisearch; common words (see COMMON_TERM_SHARE) are scored from their id lists
   * as minisearch would score one occurrence. A passage holding none of the rare words still ranks
   * when it holds enough common ones to cover half the question, as the answer engine requires.
   */
  private rankUncached(query: string, combineWith: 'AND' | 'OR'): Ranked[] {
    const words = [...new Set(processedTerms(query))];
    const common = words.filter((w) => this.commonTerms.has(w));
    const rare = words.filter((w) => !this.commonTerms.has(w)).slice(0, MAX_QUERY_TERMS);
    const n = this.passages.length;
    const commonScore = (id: number): { score: number; terms: string[] } => {
      let score = 0;
      const terms: string[] = [];
      for (const w of common) {
        const s = commonTermScore(this.commonTerms, w, id, n);
        if (s > 0) {
          score += s;
          terms.push(w);
        }
      }
      return { score, terms };
    };
    const ranked: Ranked[] = [];
    const seen = new Set<number>();
    if (rare.length > 0) {
      for (const r of this.search.search(rare.join(' '), { ...SEARCH_OPTIONS, combineWith })) {
        const id = r.id as number;
        const extra = commonScore(id);
        if (combineWith === 'AND' && extra.terms.length < common.length) continue;
        // minisearch multiplies the summed score by the number of query words matched; so do we.
        const matched = r.queryTerms.length + extra.terms.length;
        ranked.push({ id, score: (r.score / r.queryTerms.length + extra.score) * matched, terms: [...r.terms, ...extra.terms] });
        seen.add(id);
      }
    }
    if (common.length > 0 && !(combineWith === 'AND' && rare.length > 0)) {
      const need = combineWith === 'AND' ? common.length : Math.max(1, Math.ceil(words.length / 2));
      for (const id of this.passagesWithCommon(common, need)) {
        if (seen.has(id)) continue;
        const extra = commonScore(id);
        ranked.push({ id, score: extra.score * extra.terms.length, terms: extra.terms });
      }
    }
    return ranked.sort((a, b) => b.score - a.score);
  }

  /** Ids of passages holding at least `need` of the common words, counted over their id lists. */
  private passagesWithCommon(common: readonly string[], need: number): number[] {
    if (need > common.length) return [];
    const found: number[] = [];
    const touched: number[] = [];
    for (const w of common) {
      const stamp = ++this.stamp;
      for (const list of Object.values(this.commonTerms.get(w)!)) {
        for (const id of list) {
          if (this.commonStamp[id] === stamp) continue;
          this.commonStamp[id] = stamp;
          if (this.commonCount[id] === 0) touched.push(id);
          if (++this.commonCount[id]! === need) found.push(id);
        }
      }
    }
    for (const id of touched) this.commonCount[id] = 0;
    return found;
  }
}

/** minisearch's options for one index: its common terms are left out of minisearch, in every field. */
function minisearchOptions(commonTerms: CommonTermPostings): Options<Passage> {
  const process = MINISEARCH_OPTIONS.processTerm!;
  return {
    ...MINISEARCH_OPTIONS,
    processTerm: (term, field) => {
      const t = process(term, field);
      return typeof t === 'string' && commonTerms.has(t) ? null : t;
    },
  };
}

const TOKENIZE = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** A field's (or, without a field, a query's) terms as minisearch sees them before common ones are set aside. */
function processedTerms(text: string, field?: string): string[] {
  const process = MINISEARCH_OPTIONS.processTerm!;
  return TOKENIZE(text).flatMap((t) => {
    const p = process(t, field);
    return typeof p === 'string' ? [p] : p ? p : [];
  });
}
