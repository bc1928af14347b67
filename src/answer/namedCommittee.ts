import type { PaperIndex } from '../search';
import { words } from './glossary';
import { STOP_WORDS } from './questionGrammar';
import type { Understanding } from './understand';

const namesBuilt = new WeakMap<PaperIndex, readonly (readonly string[])[]>();

/** The content words of each committee name the papers use, longest first. */
function committeeNameWords(index: PaperIndex): readonly (readonly string[])[] {
  let names = namesBuilt.get(index);
  if (!names) {
    const { committees, meetings } = index.corpus;
    const written = new Set([...committees.flatMap((c) => [c.name, c.canonical]), ...meetings.flatMap((m) => [m.committee, m.canonicalCommittee])]);
    const seen = new Set<string>();
    names = [...written]
      .map((n) => [...new Set(words(n).filter((w) => !STOP_WORDS.has(w)))])
      .filter((ws) => ws.length > 0 && !seen.has(ws.join(' ')) && seen.add(ws.join(' ')))
      .sort((a, b) => b.length - a.length);
    namesBuilt.set(index, names);
  }
  return names;
}

/** Every word of the papers' committee names: heading words, as a paper's title is. */
export function committeeWords(index: PaperIndex): ReadonlySet<string> {
  let found = wordsBuilt.get(index);
  if (!found) {
    found = new Set(committeeNameWords(index).flat());
    wordsBuilt.set(index, found);
  }
  return found;
}

const wordsBuilt = new WeakMap<PaperIndex, ReadonlySet<string>>();

/**
 * The question without the words of a committee it names in full ("at the Transport and Connectivity
 * Committee"): they say where it was decided, not what about, and would halve how much of the question
 * an item's title covers.
 */
export function withoutCommitteeName(index: PaperIndex, u: Understanding): Understanding {
  const typed = new Set(u.typed);
  const named = committeeNameWords(index).find((ws) => ws.every((w) => typed.has(w)));
  if (!named) return u;
  const drop = new Set(named);
  return { ...u, typed: u.typed.filter((w) => !drop.has(w)), topic: u.topic.filter((w) => !drop.has(w)), phrases: u.phrases.filter((p) => !p.split(' ').every((w) => drop.has(w))) };
}
