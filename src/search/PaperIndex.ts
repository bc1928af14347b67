import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { SourceDocument } from '../ingest';
import type { Paper, PaperKind, SourceSpan } from '../model';
import type { ParsedCorpus } from '../parse';
import { FIELD_BOOSTS, FrequentTerms, type FrequentTermsData } from './frequentTerms';
import type { Passage } from './passage';
import { PaperText } from './paperText';
import { loadSearch } from './searchDocuments';
import { passageSpans, type PassageSpan } from './toPassages';
import { countWords } from './wordCounts';

export interface PassageHit {
  readonly passage: Passage;
  readonly score: number;
  /** The query words that matched this passage. */
  readonly terms: readonly string[];
}

/** A paper file as the index keeps it: its lines live in a PaperText, not here. */
export type PaperFile = Omit<SourceDocument, 'lines' | 'markup'>;

/** The parser's records, with each file's lines moved into the index's PaperTexts. */
export type IndexedCorpus = Omit<ParsedCorpus, 'documents'> & { readonly documents: readonly PaperFile[] };

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

export const SEARCH_OPTIONS: SearchOptions = {
  boost: { item: FIELD_BOOSTS.item, title: FIELD_BOOSTS.title },
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
  // Query words are processed here, not with the index's processTerm, which drops the frequent terms.
  processTerm: MINISEARCH_OPTIONS.processTerm!,
};

/**
 * A question expanded by the glossary can carry a dozen words; past this many words that are not
 * frequent terms, minisearch's cost grows while the top of the ranking no longer moves.
 */
const MAX_RARE_QUERY_TERMS = 12;
/** A match records its words as bits of one 32-bit mask. */
const MAX_QUERY_WORDS = 32;

/** Recent queries' scored passages: the answer engine asks one query many times with different filters. */
const CACHE_QUERIES = 64;
/** The cache holds at most this many scored passages in all, so a run of broad queries cannot grow the heap. */
const CACHE_MAX_HITS = 1_000_000;

/** Every passage a query matches, in id order, with its final score and the query words it holds. */
interface Scored {
  readonly words: readonly string[];
  readonly ids: Int32Array;
  readonly scores: Float64Array;
  readonly masks: Uint32Array;
}

/** Passage texts kept per index: those of the passages recent questions read. About 10 MB at most. */
const RECENT_TEXTS = 20_000;

/**
 * The texts of the passages read last, least recently read first. An answer reads each of its 60 to
 * 120 candidates' text, and the next question about the same subject reads most of them again: each
 * read is a read of the snapshot file, a decoding and a split into lines.
 */
class RecentTexts {
  private readonly texts = new Map<IndexedPassage, string>();

  get(p: IndexedPassage, read: () => string): string {
    let text = this.texts.get(p);
    if (text !== undefined) {
      this.texts.delete(p);
    } else {
      text = read();
      if (this.texts.size >= RECENT_TEXTS) this.texts.delete(this.texts.keys().next().value!);
    }
    this.texts.set(p, text);
    return text;
  }
}

/** A passage: its words come from its paper's lines when asked for, so the text is held once. */
class IndexedPassage implements Passage {
  constructor(
    readonly id: number,
    private readonly papers: readonly Paper[],
    /** Its paper's position in its file's papers. */
    readonly paperAt: number,
    readonly item: string | null,
    readonly source: SourceSpan,
    private readonly paperText: PaperText,
    private readonly recent: RecentTexts,
  ) {}

  private get paper(): Paper {
    return this.papers[this.paperAt]!;
  }

  get text(): string {
    return this.recent.get(this, () =>
      this.paperText
        .slice(this.source.lineStart - 1, this.source.lineEnd)
        .map((l) => l.trim())
        .join('\n'),
    );
  }

  get title(): string {
    return this.paper.title;
  }

  get paperKind(): PaperKind {
    return this.paper.kind;
  }

  get meetingDate(): string | null {
    return this.paper.meetingDate;
  }
}

/** The parts a snapshot saves and restores. */
export interface PaperIndexParts {
  readonly corpus: IndexedCorpus;
  /** Each file's lines, in the order of `corpus.documents`. */
  readonly texts: readonly PaperText[];
  /** Each file's passages, in the same order; ids follow this order. */
  readonly spans: readonly (readonly PassageSpan[])[];
  /** minisearch's saved index, of every term but the frequent ones. */
  readonly search: AsPlainObject;
  /**
   * From a snapshot: minisearch's per-document tables as numbers (saveSearchDocuments), in place of
   * `search`'s own (then empty).
   */
  readonly searchDocuments?: Int32Array;
  readonly frequent: FrequentTermsData;
  /** See `PaperIndex.words`. */
  readonly words: ReadonlyMap<string, number>;
}

/**
 * The searchable corpus: passages ranked by minisearch's BM25 (minisearch itself for rare words, the
 * same formula over typed arrays for frequent ones), plus the parser's structured records. Read-only.
 */
export class PaperIndex {
  readonly corpus: IndexedCorpus;
  /** Every passage; a passage's `id` is its position here. */
  readonly passages: readonly Passage[];
  private readonly texts: ReadonlyMap<string, PaperText>;
  private readonly search: MiniSearch<Passage>;
  private readonly frequent: FrequentTerms;
  /**
   * Every word of the passages' text (runs of letters, lower-cased) with how often it occurs, then
   * the further words of their titles (once each), in the order first seen: the papers' vocabulary.
   */
  readonly words: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, Scored>();
  /** Each file's passages in line order. */
  private readonly passagesByFile = new Map<string, Passage[]>();
  private cachedHits = 0;
  /** Scratch space for scoring a query; reused so a query allocates nothing this big. */
  private readonly scratchScores: Float64Array;
  private readonly scratchMasks: Uint32Array;
  private readonly scratchIds: Int32Array;

  private constructor(parts: Pick<PaperIndexParts, 'corpus' | 'texts' | 'spans'>, search: MiniSearch<Passage>, frequent: FrequentTerms, words?: ReadonlyMap<string, number>) {
    this.corpus = parts.corpus;
    this.texts = new Map(parts.corpus.documents.map((d, k) => [d.file, parts.texts[k]!]));
    this.search = search;
    this.frequent = frequent;
    this.passages = toIndexedPassages(parts);
    this.words = words ?? countWords(this.passages);
    for (const p of this.passages) {
      const list = this.passagesByFile.get(p.source.file);
      if (list) list.push(p);
      else this.passagesByFile.set(p.source.file, [p]);
    }
    this.scratchScores = new Float64Array(this.passages.length);
    this.scratchMasks = new Uint32Array(this.passages.length);
    this.scratchIds = new Int32Array(this.passages.length);
  }

  static build(corpus: ParsedCorpus): PaperIndex {
    const documents = new Map(corpus.documents.map((d) => [d.file, d]));
    const kept = corpus.files.filter((f) => documents.has(f.file));
    const texts = kept.map((f) => PaperText.fromLines(documents.get(f.file)!.lines));
    const spans = kept.map((f) => passageSpans(documents.get(f.file)!, f));
    const indexed: IndexedCorpus = { ...corpus, files: kept, documents: kept.map((f) => withoutLines(documents.get(f.file)!)) };
    const passages = toIndexedPassages({ corpus: indexed, texts, spans });
    const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];
    const process = MINISEARCH_OPTIONS.processTerm!;
    const frequent = FrequentTerms.build(passages, tokenize, (t) => {
      const p = process(t);
      return typeof p === 'string' ? p : null;
    });
    const search = new MiniSearch<Passage>(minisearchOptions(frequent));
    search.addAll(passages);
    return new PaperIndex({ corpus: indexed, texts, spans }, search, frequent);
  }

  /** Rebuilds an index from a snapshot's parts. Throws when minisearch rejects its saved form. */
  static fromParts(parts: PaperIndexParts): PaperIndex {
    const frequent = new FrequentTerms(parts.frequent);
    const options = minisearchOptions(frequent);
    const search = parts.searchDocuments ? loadSearch<Passage>(parts.search, parts.searchDocuments, options) : MiniSearch.loadJS<Passage>(parts.search, options);
    return new PaperIndex(parts, search, frequent, parts.words);
  }

  /** What a snapshot saves. minisearch's part is built on call, so call it once per save. */
  toParts(): PaperIndexParts {
    const texts = this.corpus.documents.map((d) => this.texts.get(d.file)!);
    const spans = this.corpus.documents.map((d) =>
      this.passagesIn(d.file, 1, Infinity).map((p) => {
        const { lineStart, lineEnd, page } = p.source;
        return { lineStart, lineEnd, page, paper: (p as IndexedPassage).paperAt, item: p.item };
      }),
    );
    return { corpus: this.corpus, texts, spans, search: this.search.toJSON(), frequent: this.frequent.data, words: this.words };
  }

  /** Passages best first; `filter` narrows to e.g. one meeting's papers before ranking. */
  searchPassages(query: string, limit = 10, filter?: (p: Passage) => boolean, combineWith: 'AND' | 'OR' = 'OR'): PassageHit[] {
    const scored = this.scored(query, combineWith);
    const admits = filter && ((k: number): boolean => filter(this.passages[scored.ids[k]!]!));
    return best(scored, limit, admits).map((k) => this.hit(scored, k));
  }

  /**
   * `searchPassages(query, limit, (p) => among.includes(p))`, without walking every match: for a
   * filter that admits a few known passages (one minute item's), e.g. once per item of a timeline.
   */
  searchAmong(query: string, among: readonly Passage[], limit = 10): PassageHit[] {
    if (among.length === 0) return [];
    const scored = this.scored(query, 'OR');
    const at = [...new Set(among.map((p) => binarySearch(scored.ids, p.id)))].filter((k) => k >= 0);
    at.sort((a, b) => scored.scores[b]! - scored.scores[a]! || a - b);
    return at.slice(0, limit).map((k) => this.hit(scored, k));
  }

  /** The passages of `file` lying wholly within lines [lineStart, lineEnd], in order. */
  passagesIn(file: string, lineStart: number, lineEnd: number): Passage[] {
    const list = this.passagesByFile.get(file) ?? [];
    // A file's passages are in line order: find the first by binary search, stop at the first past the end.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.source.lineStart < lineStart) lo = mid + 1;
      else hi = mid;
    }
    const found: Passage[] = [];
    for (let k = lo; k < list.length && list[k]!.source.lineStart <= lineEnd; k++) if (list[k]!.source.lineEnd <= lineEnd) found.push(list[k]!);
    return found;
  }

  /** A file's lines, for quoting and for the paper view: `at(i)` and `slice(a, b)` as on an array. */
  lines(file: string): PaperText | undefined {
    return this.texts.get(file);
  }

  get stats(): { files: number; papers: number; meetings: number; passages: number } {
    return {
      files: this.corpus.documents.length,
      papers: this.corpus.papers.length,
      meetings: this.corpus.meetings.length,
      passages: this.passages.length,
    };
  }

  private hit(scored: Scored, k: number): PassageHit {
    const mask = scored.masks[k]!;
    return { passage: this.passages[scored.ids[k]!]!, score: scored.scores[k]!, terms: scored.words.filter((_, i) => (mask >>> i) & 1) };
  }

  /** Every passage the query matches, scored, from the cache when the query was asked lately. */
  private scored(query: string, combineWith: 'AND' | 'OR'): Scored {
    const key = `${combineWith}\u0000${query}`;
    const cached = this.cache.get(key);
    if (cached) {
      // Re-insert so the Map's order is least recently used first.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return cached;
    }
    const scored = this.score(query, combineWith);
    this.cache.set(key, scored);
    this.cachedHits += scored.ids.length;
    for (const [k, v] of this.cache) {
      if (this.cache.size <= CACHE_QUERIES && this.cachedHits <= CACHE_MAX_HITS) break;
      this.cache.delete(k);
      this.cachedHits -= v.ids.length;
    }
    return scored;
  }

  /**
   * minisearch's ranking over both halves of the index: each query word's score in a passage is the
   * BM25+ of every term it reaches there (itself, by prefix, by fuzzy match), from minisearch for rare
   * terms and from FrequentTerms for frequent ones; the sum is multiplied by the words matched, as
   * minisearch does. AND keeps only passages holding every word.
   */
  private score(query: string, combineWith: 'AND' | 'OR'): Scored {
    const process = MINISEARCH_OPTIONS.processTerm!;
    const words = [...new Set(TOKENIZE(query).map((t) => process(t)).filter((t): t is string => typeof t === 'string' && t !== ''))];
    const rare = words.filter((w) => !this.frequent.has(w));
    const kept = [...rare.slice(0, MAX_RARE_QUERY_TERMS), ...words.filter((w) => this.frequent.has(w))].slice(0, MAX_QUERY_WORDS);
    const bit = new Map(kept.map((w, i) => [w, 1 << i]));
    const scores = this.scratchScores;
    const masks = this.scratchMasks;
    if (kept.length > 0) {
      // Frequent query words also go to minisearch: a prefix or a misspelling can reach a rare term.
      for (const r of this.search.search(kept.join(' '), SEARCH_OPTIONS)) {
        const id = r.id as number;
        // minisearch multiplied its sum by the words it matched; the product is taken again below.
        scores[id]! += r.score / r.queryTerms.length;
        masks[id]! |= r.queryTerms.reduce((m, w) => m | (bit.get(w) ?? 0), 0);
      }
    }
    for (const word of kept) {
      const prefix = (SEARCH_OPTIONS.prefix as (t: string) => boolean)(word);
      const fuzzy = (SEARCH_OPTIONS.fuzzy as (t: string) => number | false)(word);
      for (const { termId, weight } of this.frequent.derive(word, prefix, fuzzy)) this.frequent.score(termId, weight, scores, masks, bit.get(word)!);
    }
    // One pass over every passage collects the matches in id order and clears the scratch space.
    const all = kept.reduce((m, w) => m | bit.get(w)!, 0);
    let count = 0;
    const ids = this.scratchIds;
    for (let id = 0; id < masks.length; id++) {
      const mask = masks[id]!;
      if (mask === 0) continue;
      if (combineWith === 'OR' || mask === all) {
        ids[count] = id;
        count++;
      } else {
        masks[id] = 0;
        scores[id] = 0;
      }
    }
    const found = { words: kept, ids: ids.slice(0, count), scores: new Float64Array(count), masks: new Uint32Array(count) };
    for (let k = 0; k < count; k++) {
      const id = ids[k]!;
      found.scores[k] = scores[id]! * popCount(masks[id]!);
      found.masks[k] = masks[id]!;
      scores[id] = 0;
      masks[id] = 0;
    }
    return found;
  }
}

/**
 * The positions in `scored` of its best `limit` matches that `admits` (all when not given), best first:
 * higher score, then lower id. One pass over the matches in id order, keeping the best so far in
 * order: a match comes after every one kept, so it ranks above one only by a higher score, and most
 * are passed over by one comparison with the worst kept.
 */
function best(scored: Scored, limit: number, admits?: (k: number) => boolean): number[] {
  const found: number[] = [];
  const scores = scored.scores;
  let worst = -Infinity;
  for (let k = 0; k < scores.length; k++) {
    const score = scores[k]!;
    if (found.length === limit && score <= worst) continue;
    if (admits && !admits(k)) continue;
    let at = found.length;
    while (at > 0 && score > scores[found[at - 1]!]!) at--;
    found.splice(at, 0, k);
    if (found.length > limit) found.pop();
    if (found.length === limit) worst = scores[found[limit - 1]!]!;
  }
  return found;
}

/** minisearch's options for one index: the frequent terms are left out of minisearch, in every field. */
function minisearchOptions(frequent: FrequentTerms): Options<Passage> {
  const process = MINISEARCH_OPTIONS.processTerm!;
  return {
    ...MINISEARCH_OPTIONS,
    processTerm: (term, field) => {
      const t = process(term, field);
      return typeof t === 'string' && frequent.has(t) ? null : t;
    },
  };
}

function toIndexedPassages(parts: Pick<PaperIndexParts, 'corpus' | 'texts' | 'spans'>): IndexedPassage[] {
  const passages: IndexedPassage[] = [];
  const recent = new RecentTexts();
  parts.corpus.documents.forEach((doc, k) => {
    const papers = parts.corpus.files[k]!.papers;
    for (const s of parts.spans[k]!) {
      const source = { file: doc.file, lineStart: s.lineStart, lineEnd: s.lineEnd, page: s.page };
      passages.push(new IndexedPassage(passages.length, papers, s.paper, s.item, source, parts.texts[k]!, recent));
    }
  });
  return passages;
}

function withoutLines(doc: SourceDocument): PaperFile {
  // The markup was for the parser; the index keeps the lines' text only.
  const { lines: _lines, markup: _markup, ...rest } = doc;
  return rest;
}

const TOKENIZE = MiniSearch.getDefault('tokenize') as (text: string) => string[];

function popCount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

function binarySearch(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === value) return mid;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
