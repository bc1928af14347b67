import SearchableMap from 'minisearch/SearchableMap';
import type { Passage } from './passage';

/** The fields a passage is searched by, with the boost a match in each earns. */
export const FIELD_BOOSTS = { text: 1, title: 1.5, item: 2 } as const;
type SearchField = keyof typeof FIELD_BOOSTS;
const SEARCH_FIELDS = Object.keys(FIELD_BOOSTS) as SearchField[];

/**
 * A term found in more than this many passages is "frequent". minisearch keeps each term's postings
 * as a Map of Maps: about 50 bytes a posting, rebuilt entry by entry when a snapshot loads. Frequent
 * terms hold almost all the postings (at 30 MB of text, the 3,500 terms in over 50 passages hold 95%
 * of 2.5 million), so they are kept here in typed arrays (5 bytes a posting, loaded as one block) and
 * scored with minisearch's own formula. minisearch keeps the long tail: names, figures, misspellings.
 */
export const FREQUENT_TERM_MIN_PASSAGES = 50;

/** Below this many passages minisearch holds every term: its maps are small and it is fast on every word. */
export const MIN_PASSAGES_FOR_FREQUENT_TERMS = 4_000;

/** minisearch's defaults, which PaperIndex's search options keep: BM25+ and the derived-term weights. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
const MAX_FUZZY = 6;

/** The plain-data form: what a snapshot saves and what `FrequentTerms` reads from. */
export interface FrequentTermsData {
  readonly passageCount: number;
  /** The frequent terms; a term's id is its position. */
  readonly terms: readonly string[];
  /** Term t's postings in field f are [offsets[t*F+f], offsets[t*F+f+1]) of `ids` and `freqs`. */
  readonly offsets: Int32Array;
  /** Passage ids, ascending within each term and field. */
  readonly ids: Int32Array;
  /** How often the term occurs in that passage's field (capped at 255). */
  readonly freqs: Uint8Array;
  /** Each passage's field lengths as minisearch counts them (distinct tokens), at passage*F + f. */
  readonly fieldLengths: Uint16Array;
  readonly averageFieldLength: readonly number[];
}

/** A frequent term a query word reaches (itself, or by prefix or fuzzy match), with minisearch's weight. */
interface DerivedTerm {
  readonly termId: number;
  readonly weight: number;
}

const F = SEARCH_FIELDS.length;

export class FrequentTerms {
  readonly data: FrequentTermsData;
  /** The vocabulary in minisearch's radix tree, for the same prefix and fuzzy lookups minisearch does. */
  private readonly vocabulary: SearchableMap<number>;

  constructor(data: FrequentTermsData) {
    this.data = data;
    this.vocabulary = new SearchableMap<number>();
    data.terms.forEach((t, id) => this.vocabulary.set(t, id));
  }

  static empty(passageCount: number): FrequentTerms {
    return new FrequentTerms({ passageCount, terms: [], offsets: new Int32Array(1), ids: new Int32Array(0), freqs: new Uint8Array(0), fieldLengths: new Uint16Array(0), averageFieldLength: [] });
  }

  /**
   * Finds the frequent terms of `passages` and their postings. `terms` must be minisearch's tokenizer
   * and term processing (each token's processed term, or null), and `tokens` its tokenizer alone, so
   * that what is set aside here is exactly what minisearch would have indexed, and lengths agree.
   */
  static build(passages: readonly Passage[], tokens: (text: string) => string[], term: (token: string) => string | null): FrequentTerms {
    const n = passages.length;
    if (n < MIN_PASSAGES_FOR_FREQUENT_TERMS) return FrequentTerms.empty(n);
    const fieldLengths = new Uint16Array(n * F);
    const averageFieldLength = new Array<number>(F).fill(0);
    const docFreq = new Map<string, number>();
    // First pass: document frequencies and field lengths, without keeping every passage's terms.
    passages.forEach((p, k) => {
      const seen = new Set<string>();
      SEARCH_FIELDS.forEach((f, i) => {
        const value = fieldValue(p, f);
        if (value === null) return;
        const toks = tokens(value);
        const length = new Set(toks).size;
        fieldLengths[k * F + i] = Math.min(length, 0xffff);
        // minisearch's running average, which counts a passage without the field at the average so far.
        averageFieldLength[i] = (averageFieldLength[i]! * k + length) / (k + 1);
        for (const t of toks) {
          const processed = term(t);
          if (processed) seen.add(processed);
        }
      });
      for (const t of seen) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    });
    const terms = [...docFreq].filter(([, c]) => c > FREQUENT_TERM_MIN_PASSAGES).map(([t]) => t).sort();
    const termId = new Map(terms.map((t, id) => [t, id]));
    // Second pass: postings per term and field, appended in passage order so each list is sorted.
    const lists = terms.flatMap(() => SEARCH_FIELDS.map(() => ({ ids: [] as number[], freqs: [] as number[] })));
    passages.forEach((p) => {
      SEARCH_FIELDS.forEach((f, i) => {
        const value = fieldValue(p, f);
        if (value === null) return;
        const counts = new Map<number, number>();
        for (const t of tokens(value)) {
          const processed = term(t);
          const id = processed ? termId.get(processed) : undefined;
          if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
        }
        for (const [id, count] of counts) {
          const list = lists[id * F + i]!;
          list.ids.push(p.id);
          list.freqs.push(Math.min(count, 255));
        }
      });
    });
    const offsets = new Int32Array(lists.length + 1);
    lists.forEach((l, k) => (offsets[k + 1] = offsets[k]! + l.ids.length));
    const ids = new Int32Array(offsets[lists.length]!);
    const freqs = new Uint8Array(ids.length);
    lists.forEach((l, k) => {
      ids.set(l.ids, offsets[k]!);
      freqs.set(l.freqs, offsets[k]!);
    });
    return new FrequentTerms({ passageCount: n, terms, offsets, ids, freqs, fieldLengths, averageFieldLength });
  }

  has(term: string): boolean {
    return this.vocabulary.has(term);
  }

  get size(): number {
    return this.data.terms.length;
  }

  /**
   * The frequent terms query word `word` reaches, weighted as minisearch weighs them: the word itself
   * (1), longer words it prefixes, and words within `fuzzy` edits (minisearch's SearchOptions meaning).
   */
  derive(word: string, prefix: boolean, fuzzy: number | false): DerivedTerm[] {
    const derived: DerivedTerm[] = [];
    const exact = this.vocabulary.get(word);
    if (exact !== undefined) derived.push({ termId: exact, weight: 1 });
    const prefixed = new Set<string>();
    if (prefix) {
      for (const [term, id] of this.vocabulary.atPrefix(word)) {
        const distance = term.length - word.length;
        if (distance === 0) continue;
        prefixed.add(term);
        derived.push({ termId: id, weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * distance) });
      }
    }
    if (fuzzy !== false) {
      const maxDistance = fuzzy < 1 ? Math.min(MAX_FUZZY, Math.round(word.length * fuzzy)) : fuzzy;
      if (maxDistance > 0) {
        for (const [term, [id, distance]] of this.vocabulary.fuzzyGet(word, maxDistance)) {
          if (distance === 0 || prefixed.has(term)) continue;
          derived.push({ termId: id, weight: (FUZZY_WEIGHT * term.length) / (term.length + distance) });
        }
      }
    }
    return derived;
  }

  /**
   * Adds derived term `termId`'s BM25+ score, times `weight` and each field's boost, to every passage
   * holding it, as minisearch's termResults does, and sets `bit` in those passages' `masks`.
   * A plain loop over typed arrays: a frequent term can be in half the passages.
   */
  score(termId: number, weight: number, scores: Float64Array, masks: Uint32Array, bit: number): void {
    const { offsets, ids, freqs, fieldLengths, averageFieldLength, passageCount } = this.data;
    for (let i = 0; i < F; i++) {
      const from = offsets[termId * F + i]!;
      const to = offsets[termId * F + i + 1]!;
      const matching = to - from;
      if (matching === 0) continue;
      const idf = Math.log(1 + (passageCount - matching + 0.5) / (matching + 0.5));
      const scale = weight * FIELD_BOOSTS[SEARCH_FIELDS[i]!] * idf;
      const lengthWeight = (BM25.k * BM25.b) / averageFieldLength[i]!;
      const base = BM25.k * (1 - BM25.b);
      for (let k = from; k < to; k++) {
        const id = ids[k]!;
        const tf = freqs[k]!;
        scores[id]! += scale * (BM25.d + (tf * (BM25.k + 1)) / (tf + base + lengthWeight * fieldLengths[id * F + i]!));
        masks[id]! |= bit;
      }
    }
  }
}

/** A field's value as minisearch extracts it; null when the passage has none (minisearch skips it). */
function fieldValue(p: Passage, field: SearchField): string | null {
  return field === 'text' ? p.text : field === 'title' ? p.title : p.item;
}
