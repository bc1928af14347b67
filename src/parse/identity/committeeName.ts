import { findDates } from '../dates';
import { remembered } from '../remembered';
import { IDENTITY_VOCABULARY as V } from './vocabulary';

/** Longest committee name, in words: longer text is a sentence that mentions a committee. */
const MAX_NAME_WORDS = 12;
/**
 * A joint meeting names each body that meets ("Joint meeting - Northshire Combined Authority Committee
 * and Northshire Joint Committee"): a name of two bodies may be as long as two names.
 */
function maxWords(words: readonly string[]): number {
  const bodies = words.filter((w) => V.bodyWords.has(w.toLowerCase().replace(/[^\p{L}-]/gu, ''))).length;
  return words.some((w) => /^(?:and|&)$/iu.test(w)) && bodies >= 2 ? 2 * MAX_NAME_WORDS : MAX_NAME_WORDS;
}

/** Small words kept lower case when an upper-case heading is written as a name. */
const SMALL_WORDS = new Set(['and', 'of', 'the', 'for', 'on', 'in', 'upon', 'under', 'to', 'at', 'a', 'an']);

/**
 * A clean committee name from the words a heading names it with: "Cabinet held in the Council Chamber,
 * Riverside House ... on Thursday" is "Cabinet"; "the Meeting of EASTFIELD PARISH COUNCIL" is "Eastfield
 * Parish Council". Cut at "held", a venue, a date or a time; the leading "a meeting of the" and "the"
 * dropped; an all-capitals name written in title case. Null when what is left names no body
 * ("the previous meeting" names none; "Children, Young People and Families Scrutiny Panel" is kept whole).
 */
export const cleanCommitteeName = remembered(readCommitteeName);

function readCommitteeName(raw: string): string | null {
  let name = raw.replace(/[*_`#]+/gu, ' ').replace(/\s+/gu, ' ').trim();
  const date = findDates(name)[0];
  if (date) name = name.slice(0, date.index).trim();
  for (const cut of V.cutAfterName) {
    const m = cut.exec(name);
    if (m) name = name.slice(0, m.index);
  }
  // Leading words can nest ("the Annual Meeting of the"): strip until nothing changes.
  for (let before = ''; before !== name; ) {
    before = name;
    for (const lead of V.leadingWords) name = name.replace(lead, '');
    name = name.trim();
  }
  name = capitalsRun(name.replace(/^[\s,:;.–—-]+|[\s,:;.–—(-]+$/gu, '').trim());
  if (!name || /[<>{}=]/u.test(name) || V.notName.test(name) || !namesBody(name)) return null;
  const words = withoutCouncil(name.split(' '));
  if (words.length > maxWords(words)) return null;
  return words.some((w) => /\p{Ll}/u.test(w)) ? words.join(' ') : titleCase(words);
}

/**
 * A committee's name without the council's that opens it: ModernGov sites name committees
 * "Northshire Combined Authority Audit Committee", a clerk and a councillor say "Audit Committee".
 * Kept whole where the rest names no body of its own ("Northshire Combined Authority Committee", or
 * "... Committee and Northshire Joint Committee").
 */
function withoutCouncil(words: readonly string[]): readonly string[] {
  for (let k = words.length - 1; k >= 2; k--) {
    const council = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    if (!/(?:council|authority)$/iu.test(council) || !V.councilName.test(council)) continue;
    // "Committee" alone, or "Committee and Northshire Joint Committee": the council's name is that body's name.
    return V.bareName.test(words[k]!) || !namesBody(rest) ? words : words.slice(k);
  }
  return words;
}

/**
 * Whether a name holds a body word written as a name's word is, capitalised ("Audit Committee",
 * "Sub-Committee", "CABINET"): "TS chaired meeting" is a sentence, not a body.
 */
export function namesBody(name: string): boolean {
  return name.split(/[\s/]+/u).some((token) => {
    const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
    const last = word.split('-').pop() ?? '';
    return /^\p{Lu}/u.test(word) && (V.bodyWords.has(word.toLowerCase()) || (/^\p{Lu}/u.test(last) && V.bodyWords.has(last.toLowerCase())));
  });
}

/** "PARKS COMMITTEE This update ...": a name in capitals ends where the capitals do (the next line's words ran on). */
function capitalsRun(name: string): string {
  const m = /^((?:[\p{Lu}&'’,-]+\s+){1,}[\p{Lu}&'’-]+)\s+\p{Lu}?\p{Ll}/u.exec(name);
  return m ? m[1]! : name;
}

function titleCase(words: readonly string[]): string {
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (V.acronyms.has(w)) return w;
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.replace(/(^|[-'’/(])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
    })
    .join(' ');
}

/**
 * A heading's name split at its dashes ("Eastfield Parish Council - Meeting of the Parish Council"):
 * the part that names the meeting's body; where one part ends with the other's name ("Eastfield Parish
 * Council" ends with "Parish Council"), the fuller one.
 */
export function committeeOfTitle(title: string): string | null {
  const parts = title.split(/\s+[-–—]\s+/u).map(cleanCommitteeName).filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  const last = parts[parts.length - 1]!;
  const fuller = parts.find((p) => p !== last && p.toLowerCase().endsWith(` ${last.toLowerCase()}`));
  return fuller ?? last;
}
