import { monthNumber } from '../../parse';
import type { Passage } from '../../search';
import { sentenceScore } from '../cite';
import { stem } from '../match';
import { STOP_WORDS } from '../questionGrammar';
import type { Reading } from '../read';
/** Whether a text gives the value a question wants (a figure, a date, a count of the thing counted): the question's side is read once, as `Reading.wanted`. */

/** A date as papers write one: "23 February 2022", "January 2021", "20/01/2021". */
// "12 May 2026", "May 2026" and the American order some notices use, "Tues May 26 2026".
const A_DATE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/iu;
const DATES = new RegExp(`(?:\\b\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${A_DATE.source})`, 'giu');

/**
 * Whether a sentence gives a date other than the ones the question named: "deadline for the 1 june
 * meeting?" is not answered by a line that only repeats "1 June 2026", the meeting's own date.
 */
function givesOtherYear(sentence: string, u: Reading): boolean {
  for (const [y] of sentence.matchAll(/\b(?:19|20)\d\d\b/gu)) if (!u.dates.some((q) => q.from.slice(0, 4) <= y && y <= q.to.slice(0, 4))) return true;
  return false;
}

export function givesOtherDate(sentence: string, u: Reading): boolean {
  for (const [d] of sentence.matchAll(DATES)) {
    const month = /\p{L}{3,}/u.exec(d.replace(/\d+(?:st|nd|rd|th)/gu, ''))?.[0];
    const year = /\b(?:19|20)\d\d\b/u.exec(d)?.[0];
    const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/u.exec(d.replace(/\b(?:19|20)\d\d\b/u, ''))?.[1];
    const m = month ? monthNumber(month) : null;
    // A numeric date ("01/06/2026") is read as it stands: any such date counts as an answer.
    if (!year || m === null) return true;
    const from = `${year}-${String(m).padStart(2, '0')}-${day ? day.padStart(2, '0') : '01'}`;
    const to = day ? from : `${year}-${String(m).padStart(2, '0')}-31`;
    if (!u.dates.some((q) => q.from <= to && from <= q.to)) return true;
  }
  return false;
}

/** Whether a sentence of the text gives a date and holds some of the question's words: what a "when" asks. */
export function datedSentence(text: string, focus: readonly string[], u: Reading, yearWillDo = false): boolean {
  return text.split(/(?<=[.;])\s+/u).some((s) => (givesOtherDate(s, u) || (yearWillDo && givesOtherYear(s, u))) && sentenceScore(s, focus) > 0);
}

/**
 * Whether a text holds a figure beyond the numbers the question typed itself: "attainment 8 score" is a
 * name, and a list of "Attainment 8 score per pupil" headings gives no score.
 */
export function holdsFigure(text: string, u: Reading): boolean {
  // "% of schools good or outstanding?" wants a percentage, not the "16-17 year olds" of a list of measures.
  if (u.wanted.percent) return PERCENTAGE.test(text);
  for (const [n] of text.matchAll(/\d+(?:[.,]\d+)*/gu)) if (!u.typed.includes(n)) return true;
  return false;
}

const PERCENTAGE = /\d\s?%|\d\s?per ?cent\b/u;

/** A figure of the very thing counted outweighs a heading's words: it is the answer. */
export const COUNTED_BONUS = 5;
/** How many words after "how many" name the thing counted, besides those "and"/"or" join on. */
const COUNTED_HEAD_WORDS = 2;

/**
 * "How many roads ...": a figure followed, within two words, by the thing counted ("97 roads", "12 new
 * schools"). The thing counted is the run of words after "how many" ("public qs and statements"), each
 * word with the glossary's expansions of it ("qs": "questions"), so "94 questions had been received" counts.
 */
export function countedWords(u: Reading): RegExp | null {
  const stems = countedGroups(u).flat();
  return stems.length === 0 ? null : countedPattern(stems);
}

/** The things counted, one group of stems per word typed: "qs and statements" is [[qs, question], [statement]]. */
function countedGroups(u: Reading): string[][] {
  const run = u.wanted.countedRun;
  if (!run) return [];
  const groups: string[][] = [];
  // The thing counted is the first words of the run ("public qs") and what "and"/"or" joins to them
  // ("... and statements"), not the rest of the question ("signed the ... petition": only "signed").
  const words = run.split(/[^\p{L}\p{N}]+/u);
  let taken = 0;
  for (const [i, w] of words.entries()) {
    if (w === '' || STOP_WORDS.has(w)) continue;
    const joined = i > 0 && /^(?:and|or)$/u.test(words[i - 1] ?? '');
    if (taken >= COUNTED_HEAD_WORDS && !joined) break;
    taken++;
    // The run ends at the first word that is not the topic (a verb, "came", still is: it is kept, harmlessly).
    if (!u.topic.includes(w)) break;
    const stems = [...new Set([w, ...expansionsOf(u, w)].map((x) => stem(x).replace(/[^\p{L}\p{N}]/gu, '')).filter((x) => x.length > 1))];
    if (stems.length > 0) groups.push(stems);
  }
  return groups;
}

/**
 * A count, not a year, and within its sentence, with at most two plain words between it and the thing
 * ("27 valid questions"): "26 March 2026. Statements should be emailed" and "485 KB - Public" count nothing.
 */
function countedPattern(stems: readonly string[]): RegExp {
  return new RegExp(`(?<![\\d.,/])(?!(?:19|20)\\d\\d\\b)\\d[\\d,]*(?:\\.\\d+)?\\s+(?:\\p{Ll}[\\p{Ll}'’-]*\\s+){0,2}?(?:${stems.join('|')})`, 'iu');
}

/**
 * "How many questions and statements": when the best passage counts one of them ("16 valid statements"),
 * the passage counting another ("27 valid questions") follows it.
 */
export function countedComplement<F extends { readonly passage: Passage }>(u: Reading, found: readonly F[]): F | undefined {
  const [first, ...rest] = found;
  const groups = countedGroups(u).map(countedPattern);
  if (!first || groups.length < 2) return undefined;
  const counts = groups.filter((g) => g.test(first.passage.text));
  if (counts.length === 0) return undefined;
  const missing = groups.filter((g) => !counts.includes(g));
  return rest.find((f) => missing.some((g) => g.test(f.passage.text)));
}

/** The topic words the glossary added after a typed word: "qs" is followed by "questions". */
function expansionsOf(u: Reading, word: string): string[] {
  const at = u.topic.indexOf(word);
  const out: string[] = [];
  for (const w of u.topic.slice(at + 1)) {
    if (u.typed.includes(w)) break;
    out.push(w);
  }
  return out;
}
