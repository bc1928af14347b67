import { glossaryPhrases, meaningsOf } from '../glossary';
import type { Reading } from '../read';
/** Words that name one thing ("q3", "wsoa"): a text without them is about another thing. */

/**
 * A typed word of letters and digits ("q3", "ks2") names one thing: a text without it (or its glossary
 * meaning, "quarter 3") is about another, however much else it shares.
 */
export function holdsIdentifiers(u: Reading, text: string): boolean {
  const lower = text.toLowerCase();
  // Papers may space it ("20 mph", "KS 2").
  const spaced = (t: string): RegExp => new RegExp(t.replace(/(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/gu, '\\s?'), 'u');
  const identifiers = u.typed.filter((t) => /\d/u.test(t) && /[a-z]/u.test(t)).every((t) => spaced(t).test(lower) || glossaryPhrases([t]).some((p) => lower.includes(p)));
  // Shorthand for a name of several words ("wsoa": written statement of action) names one thing too:
  // a text needs the shorthand or one of its meanings, not a "statement" and an "action" apart.
  return identifiers && u.typed.filter((t) => glossaryPhrases([t]).length > 0).every((t) => holdsWord(lower, t) || meaningsOf(t).some((m) => holdsWord(lower, m)));
}

/** Whether `lower` holds `phrase` as whole words. */
function holdsWord(lower: string, phrase: string): boolean {
  let at = lower.indexOf(phrase);
  while (at >= 0) {
    const before = at === 0 ? ' ' : lower[at - 1]!;
    const after = lower[at + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = lower.indexOf(phrase, at + 1);
  }
  return false;
}
