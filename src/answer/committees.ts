import type { Committee, Meeting } from '../model';
import { committeeKey } from '../parse/committees';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';
import { phrase, STOP_WORDS } from './questionGrammar';

/** Words every kind of body's name ends in ("committee", "panel"): they say a body is meant, not which. */
export const BODY_WORD = phrase('committeeBodyWord');

/** A committee the papers name, with the words of its name that tell it from the others. */
export interface NamedBody {
  readonly canonical: string;
  readonly distinctive: readonly string[];
  /** Every word of its names' keys, glue words included ("south of the borough"). */
  readonly words: readonly string[];
  readonly meetings: number;
}

const bodiesBuilt = new WeakMap<PaperIndex, readonly NamedBody[]>();

/**
 * Every committee the papers know, from meetings and from committee pages, with its distinctive words:
 * a word in most committees' names ("neighbourhood" in a council of neighbourhood committees) still
 * counts, but a body word ("committee") never does.
 */
export function bodies(index: PaperIndex): readonly NamedBody[] {
  let found = bodiesBuilt.get(index);
  if (found) return found;
  const meetings = new Map<string, number>();
  for (const m of index.corpus.meetings) meetings.set(m.canonicalCommittee, (meetings.get(m.canonicalCommittee) ?? 0) + m.records.length);
  const names = new Map<string, Set<string>>();
  const all = new Map<string, Set<string>>();
  const add = (canonical: string, name: string): void => {
    const set = names.get(canonical) ?? new Set<string>();
    const every = all.get(canonical) ?? new Set<string>();
    for (const w of committeeKey(name).split(' ')) if (w) every.add(w);
    all.set(canonical, every);
    // Glue words ("to", "of") are in questions of every kind: they never tell one committee from another.
    for (const w of committeeKey(name).split(' ')) if (w.length > 1 && !BODY_WORD.test(w) && !STOP_WORDS.has(w)) set.add(w);
    names.set(canonical, set);
  };
  for (const m of index.corpus.meetings) add(m.canonicalCommittee, m.committee);
  for (const m of index.corpus.meetings) add(m.canonicalCommittee, m.canonicalCommittee);
  for (const c of index.corpus.committees) {
    add(c.canonical, c.name);
    add(c.canonical, c.canonical);
  }
  found = [...names].map(([canonical, set]) => ({ canonical, distinctive: [...set], words: [...(all.get(canonical) ?? [])], meetings: meetings.get(canonical) ?? 0 }));
  bodiesBuilt.set(index, found);
  return found;
}

/** The main committee: the one with most meeting records (a committee-structure page's bodies have none). */
export function mainCommittee(index: PaperIndex): string | null {
  return answerLookups(index).panelMeetings[0]?.canonicalCommittee ?? null;
}

/** A committee's meetings in date order; the main committee's for null. */
export function committeeMeetings(index: PaperIndex, canonical: string | null): Meeting[] {
  if (canonical === null || canonical === mainCommittee(index)) return [...answerLookups(index).panelMeetings];
  return index.corpus.meetings.filter((m) => m.canonicalCommittee === canonical);
}

/** What a committee page says of a committee, where the papers hold one. */
export function committeeRecord(index: PaperIndex, canonical: string | null): Committee | undefined {
  const name = canonical ?? mainCommittee(index);
  const pages = index.corpus.committees.filter((c) => c.canonical === name);
  return pages.find((c) => c.chair !== null || c.members.length > 0) ?? pages[0];
}

/** How answers name the committee: "the <its name>", or "the panel" when the papers name none. */
export function committeeLabel(index: PaperIndex, canonical: string | null): string {
  const name = canonical ?? mainCommittee(index);
  return name ? `the ${name}` : 'the panel';
}
