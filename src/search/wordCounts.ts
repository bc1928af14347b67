import type { Passage } from './passage';

/**
 * How often each word (run of letters, lower-cased) occurs in the passages' text, then each further
 * word of their titles once, in the order first seen. Counted when the index is built and saved with
 * it, so that what needs the papers' vocabulary (spelling correction) reads no text at start-up.
 */
export function countWords(passages: readonly Passage[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const p of passages) for (const w of p.text.toLowerCase().match(/[a-z]+/gu) ?? []) count.set(w, (count.get(w) ?? 0) + 1);
  // A paper's title is every one of its passages' title: read each distinct title once.
  for (const title of new Set(passages.map((p) => p.title))) for (const w of title.toLowerCase().match(/[a-z]+/gu) ?? []) if (!count.has(w)) count.set(w, 1);
  return count;
}

/**
 * Adds (`sign` 1) or takes away (-1) one passage's words, for an index changed in place. Its title's
 * words are added when new to the vocabulary, as `countWords` does; a removed title's are left,
 * since whether another paper shares the title is not known here (a word too many for spelling).
 */
export function countPassageWords(count: Map<string, number>, p: Passage, sign: 1 | -1): void {
  for (const w of p.text.toLowerCase().match(/[a-z]+/gu) ?? []) {
    const n = (count.get(w) ?? 0) + sign;
    if (n > 0) count.set(w, n);
    else count.delete(w);
  }
  if (sign === 1) for (const w of p.title.toLowerCase().match(/[a-z]+/gu) ?? []) if (!count.has(w)) count.set(w, 1);
}
