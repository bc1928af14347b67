import type { Answer, AnswerKind, FileIdentity, PaperKind } from '../../model';
import type { Passage, PaperIndex } from '../../search';
import { inRef, shortDate } from '../dateRefs';
import { expandTerms } from '../glossary';
import { answerFromPassages } from './passages';
import type { PassageScope } from './passageSearch';
import { answerLookups, passageDate } from '../answerLookups';
import { TEXT_BEHIND } from '../questionGrammar';
import type { Reading } from '../read';

/**
 * The last link of every chain: when a kind's records (the parser's meetings, minutes, resolutions)
 * do not answer, the papers' text may. The text is read where the question points, never wider than
 * it points: the minutes of the meeting named for apologies or a chair, a meeting record's decision
 * lines for a decision, that meeting's papers for anything else dated. A plain search of every paper
 * would answer "what did they decide on 30 July?" with any decision of any meeting; scope and the
 * type of value wanted are what make a text answer right.
 */

type FoundKind = Exclude<AnswerKind, 'not_found'>;
/** Question kinds that are also answer kinds; any other (meeting_date, recommendations) answers as a fact. */
const ANSWER_KINDS: ReadonlySet<string> = new Set<FoundKind>(['resolution', 'next_meeting', 'last_meeting', 'schedule', 'meeting_info', 'agenda', 'fact', 'who', 'timeline', 'meeting_list']);

/** The kinds of paper that record a meeting (its attendance, apologies, decisions). */
const RECORD_PAPERS: ReadonlySet<PaperKind> = new Set(['minutes', 'decision_notice']);
/** A file's identity kinds that record a meeting, where the parser read an identity (FileIdentity). */
const RECORD_FILES: ReadonlySet<FileIdentity['kind']> = new Set(['minutes', 'decisions', 'decision_page', 'meeting_page']);

/** The identity the parser read for a file, where it read one. */
function identityOf(index: PaperIndex, file: string): FileIdentity | undefined {
  return answerLookups(index).identities.get(file);
}

/** A passage of a paper that records a meeting: by the file's identity where read, else by the paper's kind. */
function inMeetingRecord(index: PaperIndex, p: Passage): boolean {
  const identity = identityOf(index, p.source.file);
  return identity ? RECORD_FILES.has(identity.kind) : RECORD_PAPERS.has(p.paperKind);
}

/** A passage's meeting: its paper's, else the first meeting its file's identity names. */
function dateOf(index: PaperIndex, p: Passage): string | null {
  return passageDate(index, p) ?? identityOf(index, p.source.file)?.meetingDates[0] ?? null;
}

/** Lines of minute items whose decisions the parser read: a decision question's records searched them already. */
class DecidedItems {
  /** Per file, its items' spans by first line, each with the furthest last line of it and the spans before it. */
  private readonly spans = new Map<string, { readonly from: number; readonly to: number; reach: number }[]>();
  constructor(index: PaperIndex) {
    for (const m of index.corpus.minutes) {
      for (const item of m.items) {
        if (item.resolutions.length === 0) continue;
        const list = this.spans.get(item.source.file) ?? [];
        list.push({ from: item.source.lineStart, to: item.source.lineEnd, reach: 0 });
        this.spans.set(item.source.file, list);
      }
    }
    for (const list of this.spans.values()) {
      list.sort((a, b) => a.from - b.from);
      list.forEach((s, k) => (s.reach = Math.max(s.to, list[k - 1]?.reach ?? 0)));
    }
  }
  /**
   * Whether a span holds `line`: the last span starting at or before it, or one before that, reaches
   * it. A binary search, not a scan: a decision question asks this of every passage its words match,
   * and a decade's minutes put thousands of items in one file.
   */
  has(file: string, line: number): boolean {
    const list = this.spans.get(file);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]!.from <= line) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && list[lo - 1]!.reach >= line;
  }
}

const decidedByIndex = new WeakMap<PaperIndex, DecidedItems>();
function decidedItems(index: PaperIndex): DecidedItems {
  let decided = decidedByIndex.get(index);
  if (!decided) {
    decided = new DecidedItems(index);
    decidedByIndex.set(index, decided);
  }
  return decided;
}

/** Per pattern of the grammar's, the passages tested with it and whether their text matched. */
const tested = new Map<RegExp, WeakMap<Passage, boolean>>();

/**
 * `pattern.test(p.text)`, remembered per passage: a scope filter tests every passage of a meeting's
 * papers, or every match of a question's words, and each text read comes from the snapshot file. Passages
 * are never edited (a changed paper is indexed as new ones), and the patterns are the grammar's few.
 */
export function textMatches(pattern: RegExp, p: Passage): boolean {
  let known = tested.get(pattern);
  if (!known) {
    known = new WeakMap();
    tested.set(pattern, known);
  }
  let matches = known.get(p);
  if (matches === undefined) {
    matches = pattern.test(p.text);
    known.set(p, matches);
  }
  return matches;
}

/** What the text is searched for, and where: the reading's scope as a passage filter, and a line saying it. */
export interface TextScope {
  readonly reading: Reading;
  readonly scope: PassageScope;
  /** "the minutes of 26 March 2026", for the reply when nothing is found. */
  readonly searched: string;
}

/** The scope a reading points at; null when it points nowhere narrower than a kind's own search did. */
export function textScope(index: PaperIndex, u: Reading): TextScope | null {
  const detail = u.detail;
  const detailWords = detail ? TEXT_BEHIND.detailWords.get(detail) : undefined;
  const recordOnly = (detail !== null && TEXT_BEHIND.minutesDetails.has(detail)) || TEXT_BEHIND.minutesKinds.has(u.kind);
  const dates = u.dates.filter((d) => !d.yearOnly);
  const typeWanted = detail ? TEXT_BEHIND.typeWanted.get(detail) : undefined;
  const decision = TEXT_BEHIND.minutesKinds.has(u.kind);
  // A fact with no scope of its own was searched whole by its kind already: nothing narrower to read.
  // A kind answered from records alone read no text: the whole text is read for the question's words.
  const readNoText = TEXT_BEHIND.recordKinds.has(u.kind) && u.topic.length > 0;
  if (!recordOnly && dates.length === 0 && !detailWords && !typeWanted && !readNoText) return null;
  // A detail ("who sent apologies") is found by the words that record it; the question's other words
  // name the meeting (its committee, "the march meeting"), which the scope says already.
  const reading: Reading = detailWords ? { ...u, typed: detailWords, topic: expandTerms(detailWords), phrases: [] } : u;
  const decided = decision ? decidedItems(index) : undefined;
  const admits = (p: Passage): boolean => {
    if (dates.length > 0) {
      // Read once, not once per date asked: the filter is asked of every passage a question's words match.
      const date = dateOf(index, p);
      if (!dates.some((d) => inRef(date, d))) return false;
    }
    if (recordOnly && !inMeetingRecord(index, p)) return false;
    if (decision && (!textMatches(TEXT_BEHIND.decisionLine, p) || decided!.has(p.source.file, p.source.lineStart))) return false;
    if (typeWanted && !textMatches(typeWanted, p)) return false;
    return true;
  };
  const where = dates.length > 0 ? ` of ${dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ')}` : '';
  const searched = recordOnly ? `the minutes and decision records${where}` : dates.length > 0 ? `the papers${where}` : 'the papers';
  return { reading, scope: { admits, minCoverage: TEXT_BEHIND.minCoverage, followOn: decision, ...(decision ? { quotes: TEXT_BEHIND.decisionLine } : {}) }, searched };
}

/**
 * The answer the text gives within the reading's scope, else `denied` (the kind's own "not in the
 * papers"), saying what text was read too. The kind stays the one asked: a decision read from
 * minutes' text is still a decision, quoted verbatim from the cited lines.
 */
export function answerFromText(index: PaperIndex, u: Reading, denied: Answer): Answer {
  const scope = textScope(index, u);
  if (!scope) return denied;
  const kind = ANSWER_KINDS.has(u.kind) ? (u.kind as FoundKind) : 'fact';
  const answer = answerFromPassages(index, scope.reading, kind, scope.scope);
  if (answer.kind !== 'not_found') return answer;
  return { ...denied, text: `${denied.text} I also read the text of ${scope.searched} for it.` };
}
