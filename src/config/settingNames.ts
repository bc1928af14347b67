/**
 * Telling a misspelt setting from someone else's variable. The environment holds many variables
 * that are not ours (HOME, HOSTNAME, npm_config_*), so a key is reported only when it is close to
 * one of our names: the same letters in another case or without underscores, at most two edits
 * from a name of six letters or more, or a longer form of a name of seven letters or more
 * (PAPERS_DIRECTORY for PAPERS_DIR). Short names (HOST, PORT) are matched only exactly, because
 * HOME and HOSTNAME are everywhere.
 */

/** A key that is not a setting but looks like one, and the setting it most likely meant. */
export interface MisspeltSetting {
  readonly key: string;
  readonly likely: string;
}

const MIN_LENGTH_FOR_EDITS = 6;
const MAX_EDITS = 2;
const MIN_LENGTH_FOR_PREFIX = 7;

/** Every key in `keys` that is not in `known` but looks like a known one, with the likely name. */
export function misspeltSettings(keys: Iterable<string>, known: readonly string[]): MisspeltSetting[] {
  const names = new Set(known);
  const out: MisspeltSetting[] = [];
  for (const key of keys) {
    if (names.has(key)) continue;
    const likely = likelySetting(key, known);
    if (likely) out.push({ key, likely });
  }
  return out;
}

/** The known name `key` most likely meant, or null when it looks like none of them. */
export function likelySetting(key: string, known: readonly string[]): string | null {
  const folded = fold(key);
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const target = fold(name);
    const distance = target === folded ? 0 : looksLike(folded, target) ? editDistance(folded, target) : Infinity;
    if (distance < (best?.distance ?? Infinity)) best = { name, distance };
  }
  return best?.name ?? null;
}

function looksLike(key: string, name: string): boolean {
  if (name.length >= MIN_LENGTH_FOR_EDITS && editDistance(key, name) <= MAX_EDITS) return true;
  return name.length >= MIN_LENGTH_FOR_PREFIX && key.startsWith(name);
}

/** Upper case without underscores or dashes: papers_dir, PAPERSDIR and Papers-Dir are one name. */
function fold(key: string): string {
  return key.toUpperCase().replace(/[_-]/gu, '');
}

/** Levenshtein distance: insertions, deletions and substitutions. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
