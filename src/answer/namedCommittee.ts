import type { PaperIndex } from '../search';
import { words } from './glossary';
import { STOP_WORDS } from './questionGrammar';
import type { Reading } from './read';

interface CommitteeNames {
  /** Each name's content words (not glue like "and", nor "committee"). */
  readonly names: readonly (readonly string[])[];
  /** Every word of every name, glue included: a name as a question writes it is a run of these. */
  readonly anyWord: ReadonlySet<string>;
  /** The words names end with ("committee", "panel"): a question names a committee with one. */
  readonly endings: ReadonlySet<string>;
}

const namesBuilt = new WeakMap<PaperIndex, CommitteeNames>();

function committeeNames(index: PaperIndex): CommitteeNames {
  let found = namesBuilt.get(index);
  if (!found) {
    const { committees, meetings } = index.corpus;
    const written = [...new Set([...committees.flatMap((c) => [c.name, c.canonical]), ...meetings.flatMap((m) => [m.committee, m.canonicalCommittee])])].map(words);
    found = {
      names: written.map((ws) => [...new Set(ws.filter((w) => !STOP_WORDS.has(w)))]).filter((ws) => ws.length > 0),
      anyWord: new Set(written.flat()),
      endings: new Set(written.flatMap((ws) => ws.slice(-1))),
    };
    namesBuilt.set(index, found);
  }
  return found;
}

/** Every content word of the papers' committee names: heading words, as a paper's title is. */
export function committeeWords(index: PaperIndex): ReadonlySet<string> {
  let found = wordsBuilt.get(index);
  if (!found) {
    found = new Set(committeeNames(index).names.flat());
    wordsBuilt.set(index, found);
  }
  return found;
}

const wordsBuilt = new WeakMap<PaperIndex, ReadonlySet<string>>();

/**
 * The question without the words of a committee it names ("at the Transport and Connectivity Committee",
 * the name's words running up to the word it ends with): they say where it was decided, not what about,
 * and would halve how much of the question an item's title covers. "Young people" alone is a topic.
 */
export function withoutCommitteeName(index: PaperIndex, u: Reading): Reading {
  const { names, anyWord, endings } = committeeNames(index);
  const tokens = u.words;
  const drop = new Set<string>();
  tokens.forEach((t, i) => {
    if (!endings.has(t)) return;
    const run: string[] = [];
    for (let j = i - 1; j >= 0 && anyWord.has(tokens[j]!); j--) if (!STOP_WORDS.has(tokens[j]!)) run.push(tokens[j]!);
    // Two words of one name at least, or the whole of a one-word name.
    if (run.length > 0 && names.some((ws) => run.every((w) => ws.includes(w)) && (run.length >= 2 || ws.length === 1))) for (const w of run) drop.add(w);
  });
  if (drop.size === 0) return u;
  return { ...u, typed: u.typed.filter((w) => !drop.has(w)), topic: u.topic.filter((w) => !drop.has(w)), phrases: u.phrases.filter((p) => !p.split(' ').every((w) => drop.has(w))) };
}
