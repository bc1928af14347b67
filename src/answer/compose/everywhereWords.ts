import type { PaperIndex } from '../../search';

/**
 * Words found in nearly every paper (the council's or parish's own name, "council"): a passage holding
 * one says nothing about the question's topic, so such a word does not count towards how much of a
 * question a passage covers. Only in a corpus of many files: in a handful, a topic word may well be in
 * all of them.
 */
const MIN_FILES = 8;
/** In at least this share of the files, a word is everywhere. */
const EVERYWHERE_SHARE = 0.9;

/** Words remembered per index at most: users type any words, and a long-running bot must not grow. */
const MAX_REMEMBERED = 20_000;

const known = new WeakMap<PaperIndex, Map<string, boolean>>();

export function isEverywhere(index: PaperIndex, word: string): boolean {
  const files = index.corpus.documents.length;
  if (files < MIN_FILES) return false;
  let words = known.get(index);
  if (!words) {
    words = new Map();
    known.set(index, words);
  }
  let everywhere = words.get(word);
  if (everywhere === undefined) {
    const holding = new Set<string>();
    // The filter sees every match and keeps none: a count of files, not a ranking.
    index.searchPassages(word, 1, (p) => {
      holding.add(p.source.file);
      return false;
    });
    everywhere = holding.size >= EVERYWHERE_SHARE * files;
    if (words.size >= MAX_REMEMBERED) words.clear();
    words.set(word, everywhere);
  }
  return everywhere;
}

/** The question's own words less those found everywhere, unless that leaves none. */
export function telling(index: PaperIndex, typed: readonly string[]): readonly string[] {
  const kept = typed.filter((w) => !isEverywhere(index, w));
  return kept.length > 0 ? kept : typed;
}

/**
 * A reading's topic and typed words less those every paper holds (the council's own name): what a
 * record must hold to be on the question's topic. Unchanged when every word is everywhere.
 */
export function tellingWords(index: PaperIndex, u: { readonly topic: readonly string[]; readonly typed: readonly string[] }): { readonly topic: readonly string[]; readonly typed: readonly string[] } {
  const typed = telling(index, u.typed);
  return typed === u.typed ? u : { topic: u.topic.filter((t) => !isEverywhere(index, t)), typed };
}
