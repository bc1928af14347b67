import type { PaperIndex } from './PaperIndex';

/** Passages probed: a handful spread over the corpus, so a broken part of the index is caught. */
const PROBES = 5;
/** A probe asks for this many of its passage's longest words: specific enough to find it. */
const PROBE_WORDS = 4;

/** A search and the score it gave passage `id` when the index was saved. */
export interface IndexProbe {
  readonly query: string;
  readonly id: number;
  readonly score: number;
}

/** Searches for a few passages by their own words, to record what a sound index answers. */
export function probePaperIndex(index: PaperIndex): IndexProbe[] {
  const passages = index.passages;
  const probes: IndexProbe[] = [];
  for (let k = 0; k < PROBES && passages.length > 0; k++) {
    const passage = passages[Math.floor(((k + 0.5) * passages.length) / PROBES)]!;
    const words = [...new Set(passage.text.toLowerCase().match(/[a-z]{5,}/gu) ?? [])].sort((a, b) => b.length - a.length).slice(0, PROBE_WORDS);
    const hit = index.searchPassages(words.join(' '), 1, (p) => p.id === passage.id)[0];
    if (hit) probes.push({ query: words.join(' '), id: passage.id, score: hit.score });
  }
  return probes;
}

/**
 * Checks a loaded index against the probes saved with it: the same search must find the same passage
 * with the same score. A minisearch index saved with emptied ids, nulled field averages or other wrong
 * field options loads without error, yet finds nothing or scores differently; this catches that.
 * Returns what failed, or undefined when the index answers as it did.
 */
export function checkPaperIndex(index: PaperIndex, probes: readonly IndexProbe[]): string | undefined {
  // Passage ids are positions: a snapshot whose files came back in another order would cite wrong lines.
  const misplaced = index.passages.findIndex((p, k) => p.id !== k);
  if (misplaced >= 0) return `passage ${misplaced} has id ${index.passages[misplaced]!.id}`;
  for (const probe of probes) {
    const hit = index.searchPassages(probe.query, 1, (p) => p.id === probe.id)[0];
    if (!hit) return `the loaded index does not find passage ${probe.id} by "${probe.query}"`;
    if (!(Math.abs(hit.score - probe.score) <= 1e-9 * Math.abs(probe.score))) {
      return `the loaded index scores passage ${probe.id} ${hit.score} for "${probe.query}", not ${probe.score} as saved`;
    }
  }
  return undefined;
}
