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

/**
 * What one PaperIndex sees of the shared postings. An index changed in place (PaperIndex.withChanges)
 * shares its FrequentTerms with the index it replaced: postings only ever grow (a new passage gets a
 * new id, never a used one), and each index has its own view of which ids are its live passages and
 * the BM25 statistics over them. A passage removed keeps its postings, masked by `live`: rewriting
 * typed arrays on every change would cost as much as building them.
 */
export interface FrequentView {
  /** Ids below this are this index's (live or removed); higher ones belong to a later index. */
  readonly limit: number;
  /** 1 for each live passage id. */
  readonly live: Uint8Array;
  readonly passageCount: number;
  /** Live postings per term and field, at termId*F + field: the document frequency BM25 needs. */
  readonly matching: Int32Array;
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

  /**
   * Postings of passages added after the build, per term and field (termId*F + field), in id order:
   * appended, so each list stays sorted. A frequent term must still be found in a new passage, and
   * minisearch leaves frequent terms out; these lists are short next to the typed arrays.
   */
  private readonly added = new Map<number, { ids: number[]; freqs: number[] }>();
  /** Field lengths of passages added after the build: passage id - data.passageCount, times F, + field. */
  private readonly addedFieldLengths: number[] = [];

  constructor(data: FrequentTermsData) {
    this.data = data;
    this.vocabulary = new SearchableMap<number>();
    data.terms.forEach((t, id) => this.vocabulary.set(t, id));
  }

  /** The view of an index built or loaded with these postings: every passage live. */
  baseView(): FrequentView {
    const { passageCount, offsets, averageFieldLength } = this.data;
    const matching = new Int32Array(offsets.length - 1);
    for (let k = 0; k < matching.length; k++) matching[k] = offsets[k + 1]! - offsets[k]!;
    return { limit: passageCount, live: new Uint8Array(passageCount).fill(1), passageCount, matching, averageFieldLength };
  }

  /**
   * Records a passage added after the build (its id above every earlier one), as `build` would have:
   * its field lengths and its postings of frequent terms. Returns the term*F+field keys it holds, for
   * the caller's `matching` counts.
   */
  append(p: Passage, tokens: (text: string) => string[], term: (token: string) => string | null): number[] {
    const at = (p.id - this.data.passageCount) * F;
    const keys: number[] = [];
    SEARCH_FIELDS.forEach((f, i) => {
      const value = fieldValue(p, f);
      if (value === null) return;
      const toks = tokens(value);
      this.addedFieldLengths[at + i] = Math.min(new Set(toks).size, 0xffff);
      for (const [id, count] of this.counts(toks, term)) {
        const key = id * F + i;
        let list = this.added.get(key);
        if (!list) this.added.set(key, (list = { ids: [], freqs: [] }));
        list.ids.push(p.id);
        list.freqs.push(Math.min(count, 255));
        keys.push(key);
      }
    });
    return keys;
  }

  /** The term*F+field keys passage `p` holds: what its removal takes from `matching`. */
  keysOf(p: Passage, tokens: (text: string) => string[], term: (token: string) => string | null): number[] {
    const keys: number[] = [];
    SEARCH_FIELDS.forEach((f, i) => {
      const value = fieldValue(p, f);
      if (value !== null) for (const id of this.counts(tokens(value), term).keys()) keys.push(id * F + i);
    });
    return keys;
  }

  /**
   * The postings in plain form, renumbered by `newId` (old id → new, -1 for a removed passage): what a
   * snapshot of a changed index saves, the same as `build` over its live passages would give.
   */
  compact(view: FrequentView, newId: Int32Array): FrequentTermsData {
    const { offsets, ids, freqs } = this.data;
    const count = view.passageCount;
    const outOffsets = new Int32Array(offsets.length);
    for (let k = 0; k < view.matching.length; k++) outOffsets[k + 1] = outOffsets[k]! + view.matching[k]!;
    const outIds = new Int32Array(outOffsets[offsets.length - 1]!);
    const outFreqs = new Uint8Array(outIds.length);
    const pairs: [number, number][] = [];
    for (let key = 0; key < view.matching.length; key++) {
      pairs.length = 0;
      for (let k = offsets[key]!; k < offsets[key + 1]!; k++) if (ids[k]! < view.limit && newId[ids[k]!]! >= 0) pairs.push([newId[ids[k]!]!, freqs[k]!]);
      const more = this.added.get(key);
      if (more) for (let k = 0; k < more.ids.length; k++) if (more.ids[k]! < view.limit && newId[more.ids[k]!]! >= 0) pairs.push([newId[more.ids[k]!]!, more.freqs[k]!]);
      pairs.sort((a, b) => a[0] - b[0]);
      pairs.forEach(([id, freq], k) => {
        outIds[outOffsets[key]! + k] = id;
        outFreqs[outOffsets[key]! + k] = freq;
      });
    }
    const fieldLengths = new Uint16Array(count * F);
    for (let id = 0; id < view.limit; id++) {
      if (newId[id]! < 0) continue;
      for (let i = 0; i < F; i++) fieldLengths[newId[id]! * F + i] = this.fieldLength(id, i);
    }
    return { passageCount: count, terms: this.data.terms, offsets: outOffsets, ids: outIds, freqs: outFreqs, fieldLengths, averageFieldLength: view.averageFieldLength };
  }

  private fieldLength(id: number, field: number): number {
    const base = this.data.passageCount;
    return id < base ? this.data.fieldLengths[id * F + field]! : (this.addedFieldLengths[(id - base) * F + field] ?? 0);
  }

  /** How often each frequent term occurs among `toks`, by term id. */
  private counts(toks: readonly string[], term: (token: string) => string | null): Map<number, number> {
    const counts = new Map<number, number>();
    for (const t of toks) {
      const processed = term(t);
      const id = processed ? this.vocabulary.get(processed) : undefined;
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
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
  score(termId: number, weight: number, scores: Float64Array, masks: Uint32Array, bit: number, view: FrequentView): void {
    const { offsets, ids, freqs, fieldLengths, passageCount: base } = this.data;
    const { limit, passageCount, matching: live, averageFieldLength } = view;
    for (let i = 0; i < F; i++) {
      const key = termId * F + i;
      // Removed passages' postings are still in the lists (masked by the caller), so the document
      // frequency is the view's count of live ones: the same idf a rebuild would give.
      const matching = live[key]!;
      if (matching === 0) continue;
      const idf = Math.log(1 + (passageCount - matching + 0.5) / (matching + 0.5));
      const scale = weight * FIELD_BOOSTS[SEARCH_FIELDS[i]!] * idf;
      const lengthWeight = (BM25.k * BM25.b) / averageFieldLength[i]!;
      const b = BM25.k * (1 - BM25.b);
      const to = offsets[key + 1]!;
      for (let k = offsets[key]!; k < to; k++) {
        const id = ids[k]!;
        const tf = freqs[k]!;
        scores[id]! += scale * (BM25.d + (tf * (BM25.k + 1)) / (tf + b + lengthWeight * fieldLengths[id * F + i]!));
        masks[id]! |= bit;
      }
      const more = this.added.get(key);
      if (!more) continue;
      for (let k = 0; k < more.ids.length; k++) {
        const id = more.ids[k]!;
        // A later index's passage: not in this one.
        if (id >= limit) break;
        const tf = more.freqs[k]!;
        scores[id]! += scale * (BM25.d + (tf * (BM25.k + 1)) / (tf + b + lengthWeight * this.addedFieldLengths[(id - base) * F + i]!));
        masks[id]! |= bit;
      }
    }
  }
}

/** A field's value as minisearch extracts it; null when the passage has none (minisearch skips it). */
function fieldValue(p: Passage, field: SearchField): string | null {
  return field === 'text' ? p.text : field === 'title' ? p.title : p.item;
}
