import { DateTime } from 'luxon';
import type { AnswerKind, IsoDate, Meeting } from '../model';
import { monthNumber } from '../parse';
import { type DateRef, findDateRefs } from './dateRefs';
import { expandTerms, glossaryPhrases, words } from './glossary';

/** Month names by number, written once: luxon takes tens of microseconds a name. */
const monthNames = new Map<number, string>();

/** Papers write months in full: "sept" is searched as "september". */
function fullMonth(w: string): string {
  const n = monthNumber(w);
  if (n === null || /^\d/u.test(w)) return w;
  let name = monthNames.get(n);
  if (name === undefined) {
    name = DateTime.fromObject({ month: n }).toFormat('LLLL').toLowerCase();
    monthNames.set(n, name);
  }
  return name;
}

function bigrams(ws: readonly string[]): string[] {
  return ws.slice(1).map((w, i) => `${ws[i]} ${w}`);
}

/** What a question asks, read by plain rules: the kind, the dates it points at, the topic words. */
export interface Understanding {
  readonly kind: Exclude<AnswerKind, 'not_found'>;
  /** For meeting_info and who: the detail asked for. */
  readonly detail: Detail | null;
  readonly dates: readonly DateRef[];
  /** "the meeting after the march one": answer relative to the named meeting, not to today. */
  readonly after: boolean;
  /** Content words (shorthand expanded), for matching records and passages. */
  readonly topic: readonly string[];
  /** The content words as typed, before expansion: how much of the question a match covers. */
  readonly typed: readonly string[];
  /** Multi-word phrases the question means ("looked after children", "march 2017"): a passage holding one ranks higher. */
  readonly phrases: readonly string[];
  /** Month and year words as typed, which facts state in their text ("at the end of March 2017"). */
  readonly dateWords: readonly string[];
  readonly asOf: IsoDate;
  /** The question, lower case, for rules that read its wording ("how much"). */
  readonly text: string;
}

export type Detail =
  | 'chair'
  | 'members'
  | 'quorum'
  | 'apologies'
  | 'attendance'
  | 'declarations'
  | 'time_venue'
  | 'contact'
  | 'presenter'
  | 'accountable'
  | 'cabinet_member'
  | 'call_in'
  | 'last_meeting';

/** Words that say what kind of question it is, or glue; they are not the topic. */
export const NOT_TOPIC = new Set(
  `a an and are as at be been by for from has have in into is it its of on or that the their this to was were will with
   what whats what's when whens when's who whos who's whom which how did do does doing done we our us they them i me my
   you u r any anything there here panel panels meeting meetings mtg mtgs scrutiny committee next last previous after before
   resolve resolved resolution resolutions decide decided decision decisions agree agreed outcome say said tell list give
   everything all about re regarding per please can could would should is are was get getting got coming come back
   update due date dates time where held happen happened item items papers paper report reports one ones year month
   today tomorrow yesterday cypf cyp many much often anything supposed meant asked items which big number
   give dates wrote written looked look considered discussed sending send-to share shared called
   decides decide exec`.split(/\s+/u),
);
/** A question's topic words beyond this many add noise, not meaning. */
export const MAX_TOPIC_WORDS = 16;
const MONTH_WORDS = /^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|\d{1,4}(?:st|nd|rd|th)?)$/u;

export function understand(text: string, asOf: IsoDate, meetings: readonly Meeting[]): Understanding {
  const q = text
    .toLowerCase()
    .replace(/[’‘]/gu, "'")
    // "17/18" is a financial or school year, as papers write "2017/18" or "2017/2018".
    .replace(/\b(\d{2})\/(\d{2})\b/gu, (all, a: string, b: string) => (Number(b) === Number(a) + 1 ? `20${a}/20${b}` : all));
  const dates = findDateRefs(q, asOf, meetings);
  const all = words(q);
  // Bounded, so a pasted essay cannot make one search slow for everyone.
  const typed = [...new Set(all.filter((w) => !NOT_TOPIC.has(w) && !MONTH_WORDS.test(w)))].slice(0, MAX_TOPIC_WORDS);
  const dateWords = all.filter((w) => MONTH_WORDS.test(w) && !/^\d{1,2}(?:st|nd|rd|th)?$/u.test(w)).map(fullMonth);
  const phrases = [...glossaryPhrases(typed), ...bigrams(all.filter((w) => !NOT_TOPIC.has(w)))];
  const { kind, detail } = classify(q, dates.length > 0);
  return { kind, detail, dates, after: /\b(?:after|following)\s+(?:the\s+)?(?:\w+\s+)?(?:one|meeting|mtg)\b/u.test(q) && dates.length > 0, topic: expandTerms(typed), typed, phrases, dateWords, asOf, text: q };
}

function classify(q: string, hasDate: boolean): { kind: Understanding['kind']; detail: Detail | null } {
  const is = (re: RegExp): boolean => re.test(q);
  if (is(/\bcall(?:ed)?[- ]?in\b/u)) return { kind: 'agenda', detail: 'call_in' };
  if (is(/\bhow often\b|\bwhen has the panel\b|\btimeline\b|\bhistory of\b|\bover the years\b|\bwhich meetings (?:have|has) (?:looked|discussed|considered)\b|\bwhen did (?:the panel|we|they|scrutiny) (?:last )?(?:consider|discuss|look at|review|receive|scrutinise|scrutinize)\b/u)) return { kind: 'timeline', detail: null };
  if (is(/\b(?:which|what|list)\b.*\bmeeting(?:s|\s+dates)\b|\bhow many (?:times did (?:the panel|we|they) meet|meetings)\b|\bdates of (?:all )?(?:the )?(?:\w+ )?meetings\b|\bpapers cover\b|\bagenda packs\b|\b(?:was|is|were) there (?:a |any )?(?:panel )?(?:meeting|mtg)s?\b/u)) return { kind: 'meeting_list', detail: null };
  if (is(/\bagenda\b/u) && is(/\bnext\b/u)) return { kind: 'agenda', detail: null };
  // "Which items are coming to the 22 November meeting": the business of a named meeting.
  if (hasDate && !is(/\bcom(?:e|ing) back\b|\bsupposed\b|\bmeant\b|\bresol|\bagree|\bdecid/u) && is(/\b(?:which|what) items\b|\bwhat (?:will|did) the\b.*\b(?:meeting|mtg|panel)\b.*\b(?:look at|consider|discuss|cover|take)\b|\bwhat(?:'s| is| are) (?:coming|planned|programmed|happening)\b|\b(?:coming|going) to the\b.*\b(?:meeting|mtg)\b/u)) {
    return { kind: 'agenda', detail: null };
  }
  if (is(/\bnext\b.*\b(?:meeting|mtg|panel|one)\b|\bmeeting after\b|\bafter the \w+ (?:one|meeting)\b/u)) return { kind: 'next_meeting', detail: null };
  if (is(/\blast (?:meeting|mtg)\b/u) && is(/\bresol|\bdecid|\bdecision|\bagree/u)) return { kind: 'resolution', detail: 'last_meeting' };
  if (is(/\blast (?:meet|met)\b|\blast meeting\b|\bmost recent meeting\b|\bwhen did (?:the panel|we|they) (?:last )?meet\b/u)) return { kind: 'last_meeting', detail: null };
  if (is(/\bagenda\b|\bwhat'?s on\b/u) && !is(/\bis\b.*\bon the\b.*\bagenda\b/u)) return { kind: 'agenda', detail: null };
  // "Attendance" alone is often a school attendance rate; only attendance at a meeting is a meeting detail.
  if (is(/\bwho (?:attended|was at|were at|came)\b|\b(?:attendance|employees|officers present)\b.*\b(?:meeting|mtg)\b/u)) return { kind: 'meeting_info', detail: 'attendance' };
  if (is(/\bapol|\bapologies\b/u)) return { kind: 'meeting_info', detail: 'apologies' };
  if (is(/\bdois?\b|\bdeclar/u)) return { kind: 'meeting_info', detail: 'declarations' };
  if (is(/\bcabinet member\b|\bportfolio holder\b/u)) return { kind: 'who', detail: 'cabinet_member' };
  if (is(/\bquorum\b|\bwho'?s on\b|\bmembers?\b|\bmembership\b/u)) return { kind: 'meeting_info', detail: is(/\bquorum\b/u) && !is(/\bwho\b|\bmembers?\b/u) ? 'quorum' : 'members' };
  if (is(/\bcontact\b|\bscrutiny officer\b/u)) return { kind: 'who', detail: 'contact' };
  if (is(/\bwho\b.*\bchair|\bchair(?:s|ed|man|person)?\b.*\?|\bvice[- ]?chair\b/u)) return { kind: 'meeting_info', detail: 'chair' };
  if (is(/\bwhat time\b|\bwhere\b.*\b(?:meeting|held|is)\b|\bvenue\b/u)) return { kind: 'meeting_info', detail: 'time_venue' };
  if (is(/\baccountable\b|\bauthor\b|\bresponsible for\b|\blead officer\b|\bwho wrote\b|\bwritten by\b/u)) return { kind: 'who', detail: 'accountable' };
  if (is(/\bwho\b.*\b(?:present|presented|presenting|did the|introduced|led)\b/u)) return { kind: 'who', detail: 'presenter' };
  if (is(/\bwhen\b.*\b(?:coming|come|due|scheduled|programmed|back)\b|\bis\b.*\bon the\b.*\bagenda\b|\bwhen did we ask\b|\bwhen will\b|\bwhen(?:'s| is| are)\b|\b(?:what|which) date\b|\b(?:coming|come) to (?:the )?(?:panel|scrutiny|committee)\b/u)) return { kind: 'schedule', detail: null };
  if (is(/\bresol|\bdecid|\bdecision|\bagree|\boutcome|\bwhat happened\b|\bdid (?:the panel|we|they|scrutiny) (?:endorse|approve|support|accept|reject|note|sign)\b|\bsign(?:ed)? off|\bwhat did (?:they|we|the panel) do\b|\bcome back\b|\bcoming back\b|\bprogress reports?\b|\bfeedback\b.*\bgo\b|\bsending\b|\bmeant to\b|\bsupposed to\b/u)) {
    return { kind: 'resolution', detail: null };
  }
  if (hasDate && is(/\bwhen\b/u)) return { kind: 'schedule', detail: null };
  if (is(/\bwho\b/u)) return { kind: 'who', detail: null };
  return { kind: 'fact', detail: null };
}
