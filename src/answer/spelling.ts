import glossaryData from '../../data/glossary.json';
import type { PaperIndex } from '../search';
import { stem } from './match';
import { ORDINAL_WORDS } from './questionGrammar';
import { NOT_TOPIC } from './read/readQuestion';

/**
 * Words the question grammar itself listens for ("meeting", "agenda", "apologies", "chair"...): a typo in
 * one of them ("meting", "chars") must be mended even where the papers never use the word.
 */
const QUESTION_WORDS =
  `meeting meetings agenda apologies apologise chair chairs chaired chairman vice quorum members membership resolve resolved
   resolution resolutions decide decided decision agreed agree outcome next last previous declarations declared interest
   interests venue where when time presented presenter presentation accountable author cabinet member programme scheduled
   coming attended attendance employees called panel papers minutes report reports item items what which who how many much`.split(/\s+/u);

/** Words shorter than this are left alone: too many short words are one letter from another. */
const MIN_WORD_LENGTH = 4;
/** Longer words may be two edits out ("recomendation"); shorter ones one. */
const TWO_EDIT_LENGTH = 8;

interface Vocabulary {
  /** How many passages use each word, so the likelier of two corrections wins. */
  readonly count: ReadonlyMap<string, number>;
  /** Stems of every word the papers use: "decides" is not a typo where the papers say "decided". */
  readonly stems: ReadonlySet<string>;
  /** Words by first letter and length, so a correction compares a few hundred words, not all of them. */
  readonly buckets: ReadonlyMap<string, readonly string[]>;
  /** Words already mended (or found sound), so a repeated question does not search again. */
  readonly corrections: Map<string, string>;
}

const vocabularies = new WeakMap<PaperIndex, Vocabulary>();

/** Builds the index's vocabulary now (prepareAnswers calls it), so the first question does not wait. */
export function vocabulary(index: PaperIndex): Vocabulary {
  let v = vocabularies.get(index);
  if (!v) {
    // The index counted its words when it was built (and saved them): nothing is read here. A copy, as it is added to.
    const count = new Map(index.words);
    // Question words outrank any corpus word: "meting" is "meeting", whatever the papers say most.
    for (const w of QUESTION_WORDS) count.set(w, Number.MAX_SAFE_INTEGER);
    const stems = new Set([...count.keys(), ...NOT_TOPIC, ...ORDINAL_WORDS].map(stem));
    for (const w of Object.keys((glossaryData as { terms: Record<string, string[]> }).terms)) count.set(w, Math.max(count.get(w) ?? 0, 1));
    const buckets = new Map<string, string[]>();
    for (const w of count.keys()) {
      if (!/^[a-z]+$/u.test(w)) continue;
      const key = `${w[0]}${w.length}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(w);
      else buckets.set(key, [w]);
    }
    v = { count, stems, buckets, corrections: new Map() };
    vocabularies.set(index, v);
  }
  return v;
}

/**
 * The question with its misspelt words mended to the nearest word the papers (or the question grammar)
 * use, so "exlusions" finds exclusions. A word the papers know, a number, or a short word is left as typed.
 */
export function correctSpelling(index: PaperIndex, text: string): string {
  const v = vocabulary(index);
  return text.replace(/[A-Za-z]+/gu, (typed) => {
    const w = typed.toLowerCase();
    if (w.length < MIN_WORD_LENGTH || v.count.has(w)) return typed;
    let mended = v.corrections.get(w);
    if (mended === undefined) {
      mended = mend(v, w);
      if (v.corrections.size >= MAX_REMEMBERED) v.corrections.clear();
      v.corrections.set(w, mended);
    }
    return mended === w ? typed : mended;
  });
}

/** Corrections remembered per index; past this the memory starts again (questions repeat words). */
const MAX_REMEMBERED = 10_000;

function mend(v: Vocabulary, w: string): string {
  // The question grammar's own words first: "meting" is "meeting", though "meting" stems like "met".
  const grammar = QUESTION_WORDS.find((q) => q.length >= 5 && distance(w, q, 1) <= 1);
  if (grammar) return grammar;
  if (v.stems.has(stem(w))) return w;
  return nearest(v, w) ?? w;
}

function nearest(v: Vocabulary, w: string): string | null {
  const limit = w.length >= TWO_EDIT_LENGTH ? 2 : 1;
  let best: string | null = null;
  let bestDistance = limit + 1;
  let bestCount = 0;
  // A typo rarely changes the first letter; it changes the length by at most the edits allowed.
  for (let length = w.length - limit; length <= w.length + limit; length++) {
    for (const candidate of v.buckets.get(`${w[0]}${length}`) ?? []) {
      const d = distance(w, candidate, limit);
      const count = v.count.get(candidate) ?? 0;
      if (d < bestDistance || (d === bestDistance && count > bestCount)) {
        best = candidate;
        bestDistance = d;
        bestCount = count;
      }
    }
  }
  return bestDistance <= limit ? best : null;
}

/** Damerau-Levenshtein distance (adjacent swaps count one), stopping early past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      row.push(d);
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > limit) return limit + 1;
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}
