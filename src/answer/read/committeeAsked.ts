import { committeeKey } from '../../parse/committees';
import type { PaperIndex } from '../../search';
import { bodies, BODY_WORD, type NamedBody } from '../committees';
import { expandTerms, words } from '../glossary';
import { stem } from '../match';
import { STOP_WORDS } from '../questionGrammar';
/** The committee a question names, by the words of the bodies the papers hold; or a body they hold nothing of. */

/** "The committee meeting": a body word followed by this is the meeting's, not part of a name. */
const MEETING_WORD = /^(?:meetings?|mtgs?)\b/iu;

/**
 * The committee a question names, by the distinctive words of its name the question holds (council
 * shorthand expanded from the glossary): "the neighbourhood committee", "transport committee". A
 * question that names a body ("committee", "panel") needs one distinctive word; one that does not needs
 * most of a name, so a topic word ("travel") does not turn a question into one about another body.
 * Ties go to the committee with most meeting records (the main one first). Null: none named.
 */
export function namedCommittee(index: PaperIndex, text: string): string | null {
  const typed = words(text);
  const asked = new Set(expandTerms(typed).flatMap((w) => committeeKey(w).split(' ')));
  const namesBody = typed.some((w) => BODY_WORD.test(w));
  const scored = bodies(index)
    .map((b) => {
      const hits = b.distinctive.filter((w) => asked.has(w)).length;
      return { b, hits, coverage: b.distinctive.length > 0 ? hits / b.distinctive.length : 0 };
    })
    .filter((x) => x.hits > 0 && (namesBody || (x.hits >= 2 && x.coverage >= 0.75)))
    // At equal words, a body whose name the question holds whole ("the Northshire Combined Authority
    // Committee") before one it holds in part ("Joint meeting - Northshire Combined Authority Committee and ...").
    .sort((x, y) => y.hits - x.hits || Number(y.coverage === 1) - Number(x.coverage === 1) || y.b.meetings - x.b.meetings || y.coverage - x.coverage);
  return nearestWhole(typed, scored.filter((x) => x.coverage === 1).map((x) => x.b)) ?? scored[0]?.b.canonical ?? null;
}

/**
 * Of several bodies whose names a question holds whole ("the Northshire Combined Authority Audit
 * Committee" holds both "Northshire Combined Authority Committee" and "Audit Committee"), the one named
 * last: the words just before the body word say which body, those before them whose it is. Null where
 * fewer than two are held whole (the ranking by words held decides).
 */
function nearestWhole(typed: readonly string[], whole: readonly NamedBody[]): string | null {
  if (whole.length < 2) return null;
  const keys = typed.map((w) => committeeKey(w));
  const lastAt = (b: NamedBody): number => Math.max(...b.distinctive.map((w) => keys.lastIndexOf(w)));
  return [...whole].sort((x, y) => lastAt(y) - lastAt(x))[0]!.canonical;
}

/** "The health scrutiny panel": up to three words before a committee or panel word name which one. */
const NAMED_BODY = /\b((?:[\p{L}'’&-]+\s+){1,3}?)((?:scrutiny\s+)?(?:panel|committee|sub-?committee))\b/giu;
/** Words that say which meeting, not which body: dates, days, "tonight's", "full", "usual". */
const NOT_A_NAME = /^(?:\d.*|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|to(?:day|night|morrow)s?|weeks?|months?|scrutiny|full|whole|main|usual|regular|own|first|same|special|extraordinary|annual|public|following|upcoming|forthcoming|coming|latest|recent|previous|prior|earlier|later|future)$/u;

/** The stems of every committee name's words, per index. */
const knownStems = new WeakMap<PaperIndex, ReadonlySet<string>>();

/**
 * A committee the question names that the papers do not hold ("who chairs the health scrutiny panel?"
 * of a children's panel's papers): its name as asked, else null. Only a name none of whose words (or
 * their shorthand's meanings) is in any committee's name the papers know is another body.
 */
export function unknownCommittee(index: PaperIndex, text: string): string | null {
  let known = knownStems.get(index);
  if (!known) {
    known = new Set(bodies(index).flatMap((b) => b.words.map(stem)));
    knownStems.set(index, known);
  }
  for (const m of text.toLowerCase().matchAll(NAMED_BODY)) {
    // The run of name words right before the body word: "who chairs the health panel" names "health".
    const before = words(m[1] ?? '');
    let start = before.length;
    while (start > 0 && !STOP_WORDS.has(before[start - 1]!)) start--;
    const name = before.slice(start).filter((w) => !NOT_A_NAME.test(w) && !/'s$/u.test(w));
    if (name.length === 0) continue;
    const meant = expandTerms(name).flatMap((w) => committeeKey(w).split(' ')).filter(Boolean);
    if (!meant.some((w) => known.has(stem(w)))) return `${name.join(' ')} ${m[2]!}`;
  }
  return null;
}

/**
 * The question with the committee's name put as "the panel", so the question grammar reads "when did
 * the X Committee meet" as it reads "when did the panel meet". The name is a run of its own words
 * (distinctive, filler, shorthand for them) ending in a body word, holding at least one distinctive word.
 */
export function withCommitteeAsPanel(index: PaperIndex, text: string, canonical: string | null): string {
  const body = canonical === null ? undefined : bodies(index).find((b) => b.canonical === canonical);
  if (!body) return text;
  const distinctive = new Set(body.distinctive);
  const own = new Set(body.words);
  const parts = text.split(/(\s+)/u);
  const isDistinctive = (w: string): boolean => expandTerms(words(w)).some((x) => distinctive.has(committeeKey(x)));
  const isNameWord = (w: string): boolean => committeeKey(w) === '' || own.has(committeeKey(w)) || isDistinctive(w);
  for (let start = 0; start < parts.length; start += 2) {
    let end = start;
    let held = false;
    while (end < parts.length && !BODY_WORD.test(committeeKey(parts[end]!)) && isNameWord(parts[end]!)) {
      held ||= isDistinctive(parts[end]!);
      end += 2;
    }
    if (!held || end >= parts.length || !BODY_WORD.test(committeeKey(parts[end]!))) continue;
    const tail = parts[end]!.replace(/^[\p{L}&'’-]+/u, '');
    // "the transport committee meeting": the name is an adjective there, and "the meeting" reads alike.
    const adjective = tail === '' && MEETING_WORD.test(parts[end + 2] ?? '');
    const article = /^the$/iu.test(parts[start] ?? '') ? 'the' : '';
    if (adjective) return [...parts.slice(0, start), article ? 'the ' : '', ...parts.slice(end + 2)].join('');
    return [...parts.slice(0, start), 'the panel', tail, ...parts.slice(end + 1)].join('');
  }
  return text;
}
