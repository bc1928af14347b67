import MiniSearch, { type AsPlainObject, type Options, type SearchOptions } from 'minisearch';
import type { SourceDocument } from '../ingest';
import type { Paper, PaperKind, SourceSpan } from '../model';
import type { ParsedCorpus } from '../parse';
import { FIELD_BOOSTS, FrequentTerms, type FrequentTermsData, type FrequentView } from './frequentTerms';
import type { Passage } from './passage';
import { PaperText } from './paperText';
import { loadSearch } from './searchDocuments';
import { passageSpans, type PassageSpan } from './toPassages';
import { countPassageWords, countWords } from './wordCounts';

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
    /** The index's cache of recent passage texts, which passages added in place share. */
    readonly recent: RecentTexts,
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

/** What `withChanges` hands the index it makes. */
interface Changed {
  readonly corpus: IndexedCorpus;
  readonly texts: ReadonlyMap<string, PaperText>;
  readonly byId: readonly (IndexedPassage | undefined)[];
  readonly passages: readonly Passage[];
  readonly passagesByFile: ReadonlyMap<string, readonly Passage[]>;
  readonly view: FrequentView;
  readonly ids: Lineage;
  readonly words: ReadonlyMap<string, number>;
  readonly order: Int32Array;
}

/** minisearch's private state (version 7) that `withChanges` reads and sets to keep a build's statistics. */
interface MiniSearchInternals {
  _avgFieldLength: number[];
  readonly _idToShortId: Map<number, number>;
  /** Per document, its length in each field it has (a hole for a field it lacks). */
  readonly _fieldLength: Map<number, number[]>;
}

/** What the indexes made from one build by `withChanges` share: the next passage id and the newest of them. */
interface Lineage {
  next: number;
  latest: PaperIndex | undefined;
}

/** How long `withChanges` works before it lets the event loop run (a health check, a question). */
const SLICE_MS = 10;

/**
 * The searchable corpus: passages ranked by minisearch's BM25 (minisearch itself for rare words, the
 * same formula over typed arrays for frequent ones), plus the parser's structured records. Read-only:
 * a change of papers makes another index (`withChanges`), and this one serves unchanged until swapped.
 */
export class PaperIndex {
  readonly corpus: IndexedCorpus;
  /** Every live passage, in folder order. In a built or loaded index a passage's `id` is its position here. */
  readonly passages: readonly Passage[];
  /** Passages by id; after `withChanges`, removed ones are holes. */
  private readonly byId: readonly (IndexedPassage | undefined)[];
  private readonly texts: ReadonlyMap<string, PaperText>;
  /** Shared with the indexes `withChanges` makes from this one: see `withChanges`. */
  private readonly search: MiniSearch<Passage>;
  private readonly frequent: FrequentTerms;
  private readonly view: FrequentView;
  /** The next unused passage id, shared by every index made from one build: ids are never reused. */
  private readonly ids: Lineage;
  /** Each passage id's position in `passages`, once changed in place (a built index's ids are positions). */
  private readonly order: Int32Array | undefined;
  /**
   * Every word of the passages' text (runs of letters, lower-cased) with how often it occurs, then
   * the further words of their titles (once each), in the order first seen: the papers' vocabulary.
   */
  readonly words: ReadonlyMap<string, number>;
  private readonly cache = new Map<string, Scored>();
  /** Each file's passages in line order. */
  private readonly passagesByFile: ReadonlyMap<string, readonly Passage[]>;
  private cachedHits = 0;
  /** Scratch space for scoring a query; reused so a query allocates nothing this big. */
  private readonly scratchScores: Float64Array;
  private readonly scratchMasks: Uint32Array;
  private readonly scratchIds: Int32Array;

  private constructor(parts: Pick<PaperIndexParts, 'corpus' | 'texts' | 'spans'>, search: MiniSearch<Passage>, frequent: FrequentTerms, words?: ReadonlyMap<string, number>);
  private constructor(parts: Changed, search: MiniSearch<Passage>, frequent: FrequentTerms);
  private constructor(parts: Pick<PaperIndexParts, 'corpus' | 'texts' | 'spans'> | Changed, search: MiniSearch<Passage>, frequent: FrequentTerms, words?: ReadonlyMap<string, number>) {
    this.corpus = parts.corpus;
    this.search = search;
    this.frequent = frequent;
    if ('byId' in parts) {
      this.texts = parts.texts;
      this.byId = parts.byId;
      this.passages = parts.passages;
      this.passagesByFile = parts.passagesByFile;
      this.view = parts.view;
      this.ids = parts.ids;
      this.words = parts.words;
      this.order = parts.order;
    } else {
      this.texts = new Map(parts.corpus.documents.map((d, k) => [d.file, parts.texts[k]!]));
      const passages = toIndexedPassages(parts);
      this.byId = passages;
      this.passages = passages;
      this.passagesByFile = byFile(passages);
      this.view = frequent.baseView();
      this.ids = { next: passages.length, latest: undefined };
      this.order = undefined;
      this.words = words ?? countWords(passages);
    }
    this.scratchScores = new Float64Array(this.byId.length);
    this.scratchMasks = new Uint32Array(this.byId.length);
    this.scratchIds = new Int32Array(this.byId.length);
  }

  static build(corpus: ParsedCorpus): PaperIndex {
    const documents = new Map(corpus.documents.map((d) => [d.file, d]));
    const kept = corpus.files.filter((f) => documents.has(f.file));
    const texts = kept.map((f) => PaperText.fromLines(documents.get(f.file)!.lines));
    const spans = kept.map((f) => passageSpans(documents.get(f.file)!, f));
    const indexed: IndexedCorpus = { ...corpus, files: kept, documents: kept.map((f) => withoutLines(documents.get(f.file)!)) };
    const passages = toIndexedPassages({ corpus: indexed, texts, spans });
    const frequent = FrequentTerms.build(passages, TOKENIZE, indexedTerm);
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

  /**
   * This index with some files added, replaced or removed, without rebuilding the rest: what the bot
   * does when a paper arrives while it serves. `next` is the whole corpus after the change (the
   * parser's records recombined, in folder order); `fresh` holds the lines of each file added or
   * replaced. A file of this index missing from `next` is removed.
   *
   * minisearch and the frequent terms' typed arrays are shared with this index, not copied (copying
   * them is the cost of a rebuild): new passages get new ids and are added to minisearch, their
   * frequent terms' postings appended to FrequentTerms; removed passages are removed from minisearch
   * and masked in the typed arrays. Each index keeps its own view (live ids, BM25 statistics), so this
   * one keeps serving, unchanged but for minisearch's running statistics, until the caller swaps in the
   * new one. The work runs in slices of SLICE_MS with setImmediate between, so requests are answered
   * meanwhile, whatever the size of the paper. Only the newest index of a build can be changed.
   * Masked postings are never reclaimed here: `compacted()` (the snapshot) renumbers them away.
   */
  async withChanges(next: IndexedCorpus, fresh: ReadonlyMap<string, SourceDocument>): Promise<PaperIndex> {
    if ((this.ids.latest ?? this) !== this) throw new Error('PaperIndex: withChanges on an index that was already changed');
    const inNext = new Set(next.documents.map((d) => d.file));
    const texts = new Map(this.texts);
    const passagesByFile = new Map(this.passagesByFile);
    const gone: Passage[] = [];
    for (const [file, list] of this.passagesByFile) {
      if (inNext.has(file) && !fresh.has(file)) continue;
      gone.push(...list);
      texts.delete(file);
      passagesByFile.delete(file);
    }
    const added: IndexedPassage[] = [];
    // Passages added in place share the index's one cache of recent texts, so changes never add caches.
    const recent = (this.byId.find((p) => p !== undefined) as IndexedPassage | undefined)?.recent ?? new RecentTexts();
    next.documents.forEach((d, k) => {
      const document = fresh.get(d.file);
      if (!document) return;
      const text = PaperText.fromLines(document.lines);
      const file = next.files[k]!;
      const source = (s: PassageSpan): SourceSpan => ({ file: d.file, lineStart: s.lineStart, lineEnd: s.lineEnd, page: s.page });
      const list = passageSpans(document, file).map((s) => new IndexedPassage(this.ids.next++, file.papers, s.paper, s.item, source(s), text, recent));
      texts.set(d.file, text);
      passagesByFile.set(d.file, list);
      added.push(...list);
    });
    const matching = this.view.matching.slice();
    let until = performance.now() + SLICE_MS;
    const pause = async (): Promise<void> => {
      if (performance.now() < until) return;
      await new Promise((resolve) => setImmediate(resolve));
      until = performance.now() + SLICE_MS;
    };
    // Copied in slices too: a decade's vocabulary is hundreds of thousands of words.
    const words = new Map<string, number>();
    for (const [word, count] of this.words) {
      words.set(word, count);
      await pause();
    }
    let k = 0;
    try {
      for (; k < added.length; k++) {
        const p = added[k]!;
        this.search.add(p);
        for (const key of this.frequent.append(p, TOKENIZE, indexedTerm)) matching[key]! += 1;
        countPassageWords(words, p, 1);
        await pause();
      }
    } catch (error) {
      // Nothing of a change half made may stay searchable (its ids are simply never used).
      for (const p of added.slice(0, k + 1)) if (this.search.has(p.id)) this.search.remove(p);
      throw error;
    }
    // Removed only now: until here the serving index finds the old version of a changed file. Removed
    // term by term, not discarded: minisearch scores a term with the count of documents it held before
    // a discarded one is cleaned up, so passages would score differently from a build's until a vacuum.
    for (const p of gone) {
      this.search.remove(p);
      for (const key of this.frequent.keysOf(p, TOKENIZE, indexedTerm)) matching[key]! -= 1;
      countPassageWords(words, p, -1);
      await pause();
    }
    const live = new Uint8Array(this.ids.next);
    live.set(this.view.live);
    for (const p of gone) live[p.id] = 0;
    for (const p of added) live[p.id] = 1;
    const byId: (IndexedPassage | undefined)[] = this.byId.slice();
    byId.length = this.ids.next;
    for (const p of gone) byId[p.id] = undefined;
    for (const p of added) byId[p.id] = p;
    // The passages in folder order, as a build numbers them: ties in a ranking go to the earlier one,
    // and lists made from `passages` keep a build's order, so answers are a build's. minisearch's field
    // averages are a running average that counts a passage without the field (no item) at the average
    // so far, so they depend on the order passages came in: worked out again in the build's order.
    const internals = this.search as unknown as MiniSearchInternals;
    const order = new Int32Array(this.ids.next).fill(-1);
    const passages: Passage[] = [];
    const averageFieldLength: number[] = [];
    for (const d of next.documents) {
      for (const p of passagesByFile.get(d.file) ?? []) {
        const count = passages.length;
        internals._fieldLength.get(internals._idToShortId.get(p.id)!)!.forEach((length, f) => {
          averageFieldLength[f] = ((averageFieldLength[f] || 0) * count + length) / (count + 1);
        });
        order[p.id] = count;
        passages.push(p);
        await pause();
      }
    }
    internals._avgFieldLength = averageFieldLength;
    const view: FrequentView = { limit: this.ids.next, live, passageCount: passages.length, matching, averageFieldLength };
    const changed = new PaperIndex({ corpus: next, texts, byId, passages, passagesByFile, view, ids: this.ids, words, order }, this.search, this.frequent);
    this.ids.latest = changed;
    return changed;
  }

  /**
   * The same index with passages renumbered in folder order and removed passages' postings dropped:
   * what a build of the same files gives, and what a snapshot of a changed index saves. Builds a new
   * minisearch from its saved form (seconds at 100 MB): call it in the background, not per change.
   */
  compacted(): PaperIndex {
    if (this.byId === this.passages) return this;
    if ((this.ids.latest ?? this) !== this) throw new Error('PaperIndex: compacted() on an index that was already changed');
    const newId = new Int32Array(this.byId.length).fill(-1);
    let count = 0;
    const texts = this.corpus.documents.map((d) => this.texts.get(d.file)!);
    const spans = this.corpus.documents.map((d) =>
      (this.passagesByFile.get(d.file) ?? []).map((p) => {
        newId[p.id] = count++;
        return spanOf(p as IndexedPassage);
      }),
    );
    const search = this.search.toJSON();
    const documentIds = Object.fromEntries(Object.entries(search.documentIds).map(([short, id]) => [short, newId[id as number]!]));
    return PaperIndex.fromParts({ corpus: this.corpus, texts, spans, search: { ...search, documentIds }, frequent: this.frequent.compact(this.view, newId), words: this.words });
  }

  /** What a snapshot saves. minisearch's part is built on call, so call it once per save. */
  toParts(): PaperIndexParts {
    if (this.byId !== this.passages) throw new Error('PaperIndex: an index changed in place is saved through compacted()');
    const texts = this.corpus.documents.map((d) => this.texts.get(d.file)!);
    const spans = this.corpus.documents.map((d) => this.passagesIn(d.file, 1, Infinity).map((p) => spanOf(p as IndexedPassage)));
    return { corpus: this.corpus, texts, spans, search: this.search.toJSON(), frequent: this.frequent.data, words: this.words };
  }


  /** Passages best first; `filter` narrows to e.g. one meeting's papers before ranking. */
  searchPassages(query: string, limit = 10, filter?: (p: Passage) => boolean, combineWith: 'AND' | 'OR' = 'OR'): PassageHit[] {
    const scored = this.scored(query, combineWith);
    const admits = filter && ((k: number): boolean => filter(this.byId[scored.ids[k]!]!));
    return best(scored, limit, (a, b) => this.earlier(scored, a, b), admits).map((k) => this.hit(scored, k));
  }

  /** The passage with this id, if it is live. */
  passage(id: number): Passage | undefined {
    return this.view.live[id] === 1 ? this.byId[id] : undefined;
  }

  /**
   * `searchPassages(query, limit, (p) => among.includes(p))`, without walking every match: for a
   * filter that admits a few known passages (one minute item's), e.g. once per item of a timeline.
   */
  searchAmong(query: string, among: readonly Passage[], limit = 10): PassageHit[] {
    if (among.length === 0) return [];
    const scored = this.scored(query, 'OR');
    const at = [...new Set(among.map((p) => binarySearch(scored.ids, p.id)))].filter((k) => k >= 0);
    at.sort((a, b) => scored.scores[b]! - scored.scores[a]! || (this.earlier(scored, a, b) ? -1 : 1));
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

  /** Whether match `a` comes before match `b` in folder order (matches are in id order). */
  private earlier(scored: Scored, a: number, b: number): boolean {
    return this.order ? this.order[scored.ids[a]!]! < this.order[scored.ids[b]!]! : a < b;
  }

  private hit(scored: Scored, k: number): PassageHit {
    const mask = scored.masks[k]!;
    return { passage: this.byId[scored.ids[k]!]!, score: scored.scores[k]!, terms: scored.words.filter((_, i) => (mask >>> i) & 1) };
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
        // A passage being added for the index that will replace this one.
        if (id >= this.view.limit) continue;
        // minisearch multiplied its sum by the words it matched; the product is taken again below.
        scores[id]! += r.score / r.queryTerms.length;
        masks[id]! |= r.queryTerms.reduce((m, w) => m | (bit.get(w) ?? 0), 0);
      }
    }
    for (const word of kept) {
      const prefix = (SEARCH_OPTIONS.prefix as (t: string) => boolean)(word);
      const fuzzy = (SEARCH_OPTIONS.fuzzy as (t: string) => number | false)(word);
      for (const { termId, weight } of this.frequent.derive(word, prefix, fuzzy)) this.frequent.score(termId, weight, scores, masks, bit.get(word)!, this.view);
    }
    // One pass over every passage collects the matches in id order and clears the scratch space.
    const all = kept.reduce((m, w) => m | bit.get(w)!, 0);
    let count = 0;
    const ids = this.scratchIds;
    const live = this.view.live;
    for (let id = 0; id < masks.length; id++) {
      const mask = masks[id]!;
      if (mask === 0) continue;
      // A removed passage's frequent-term postings are still in the shared typed arrays.
      if (live[id] === 1 && (combineWith === 'OR' || mask === all)) {
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
/**
 * The best `limit` matches, best first (ties in the index's order, `earlier`), kept sorted in one pass
 * over the matches: no sort of them all, and a match no better than the worst kept is passed over
 * before `admits` is asked of it.
 */
function best(scored: Scored, limit: number, earlier: (a: number, b: number) => boolean, admits?: (k: number) => boolean): number[] {
  const found: number[] = [];
  const scores = scored.scores;
  const better = (a: number, b: number): boolean => scores[a]! > scores[b]! || (scores[a] === scores[b] && earlier(a, b));
  for (let k = 0; k < scores.length; k++) {
    if (found.length === limit && !better(k, found[limit - 1]!)) continue;
    if (admits && !admits(k)) continue;
    let at = found.length;
    while (at > 0 && better(k, found[at - 1]!)) at--;
    found.splice(at, 0, k);
    if (found.length > limit) found.pop();
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

function spanOf(p: IndexedPassage): PassageSpan {
  const { lineStart, lineEnd, page } = p.source;
  return { lineStart, lineEnd, page, paper: p.paperAt, item: p.item };
}

function byFile(passages: readonly Passage[]): Map<string, Passage[]> {
  const map = new Map<string, Passage[]>();
  for (const p of passages) {
    const list = map.get(p.source.file);
    if (list) list.push(p);
    else map.set(p.source.file, [p]);
  }
  return map;
}

/** A token as the index holds it (minisearch's processing), or null for a stop word. */
function indexedTerm(token: string): string | null {
  const t = MINISEARCH_OPTIONS.processTerm!(token);
  return typeof t === 'string' ? t : null;
}

export function withoutLines(doc: SourceDocument | PaperFile): PaperFile {
  if (!('lines' in doc)) return doc;
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
