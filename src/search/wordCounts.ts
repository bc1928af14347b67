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
