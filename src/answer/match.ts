import { words } from './glossary';

/** How much of a question's topic a text holds; see `topicMatch`. */
export interface TopicMatch {
  readonly hits: number;
  readonly coverage: number;
}

export const NO_MATCH: TopicMatch = { hits: 0, coverage: 0 };

/**
 * Stems already worked out, word → stem. A paper's vocabulary is bounded (tens of thousands of words at
 * 100 MB of text), and stemming by regex is most of what matching a long minute costs; past this many
 * words the memo starts again, so an odd corpus cannot grow it without end.
 */
const STEM_MEMO_MAX_WORDS = 200_000;
const stemMemo = new Map<string, string>();

/** Suffixes dropped so "exclusions" meets "exclusion" and "excluded"; enough for committee English. */
export function stem(word: string): string {
  const known = stemMemo.get(word);
  if (known !== undefined) return known;
  const s = word.replace(/(?:ations?|ing|ions?|ed|es|s)$/u, '').slice(0, 8) || word;
  if (stemMemo.size >= STEM_MEMO_MAX_WORDS) stemMemo.clear();
  stemMemo.set(word, s);
  return s;
}

/** The stems of a text's words: what `topicMatch` compares. */
export function stemsOf(text: string): Set<string> {
  return new Set(words(text).map(stem));
}

/** How many topic terms a text holds (by stem), and the share of the typed terms it covers. */
export function topicMatch(topic: readonly string[], typed: readonly string[], text: string): TopicMatch {
  return topicMatchStems(topic, typed, stemsOf(text));
}

/**
 * `topicMatch` over stems already known. `have` only needs the stems of `topic` and `typed` that the
 * text holds: nothing else is looked up, which is what lets a precomputed index pass a small set.
 */
export function topicMatchStems(topic: readonly string[], typed: readonly string[], have: ReadonlySet<string>): TopicMatch {
  const hit = (t: string): boolean => have.has(stem(t));
  const hits = topic.filter(hit).length;
  const covered = typed.filter((t) => hit(t) || expandedHit(t, topic, typed, hit)).length;
  return { hits, coverage: typed.length === 0 ? 0 : covered / typed.length };
}

/** A typed shorthand ("wsoa") counts as covered when one of its expansions is there. */
function expandedHit(typedTerm: string, topic: readonly string[], typed: readonly string[], hit: (t: string) => boolean): boolean {
  const at = topic.indexOf(typedTerm);
  if (at < 0) return false;
  // Expansions follow the typed term in `topic` until the next typed term.
  for (let i = at + 1; i < topic.length; i++) {
    const t = topic[i]!;
    if (typed.includes(t)) return false;
    if (t.length > 3 && hit(t)) return true;
  }
  return false;
}
