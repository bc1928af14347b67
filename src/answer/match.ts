import { words } from './glossary';

/** Suffixes dropped so "exclusions" meets "exclusion" and "excluded"; enough for committee English. */
export function stem(word: string): string {
  return word.replace(/(?:ations?|ing|ions?|ed|es|s)$/u, '').slice(0, 8) || word;
}

/** How many topic terms a text holds (by stem), and the share of the typed terms it covers. */
export function topicMatch(topic: readonly string[], typed: readonly string[], text: string): { hits: number; coverage: number } {
  const have = new Set(words(text).map(stem));
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
