import { DateTime } from 'luxon';
import type { IsoDate, Meeting } from '../model';
import { monthNumber } from '../parse';
import { type DateRef, findDateRefs } from './dateRefs';
import { expandTerms, glossaryPhrases, words } from './glossary';
import { classify, type Detail, type KindName, normalise, STOP_WORDS } from './questionGrammar';

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

/** The question as the grammar reads it: lower case, shorthand written out, "17/18" as a year. */
export function lowerQuestion(text: string): string {
  return (
    normalise(text.toLowerCase())
      .replace(/[’‘]/gu, "'")
      // "17/18" is a financial or school year, as papers write "2017/18" or "2017/2018".
      .replace(/\b(\d{2})\/(\d{2})\b/gu, (all, a: string, b: string) => (Number(b) === Number(a) + 1 ? `20${a}/20${b}` : all))
  );
}

/** What a question asks, read by plain rules: the kind, the dates it points at, the topic words. */
export interface Understanding {
  /** The question kind (src/answer/kinds/) the grammar read it as. */
  readonly kind: KindName;
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
  /** The committee the question names (canonical), else null: the main committee. Set by answerQuestion. */
  readonly committee?: string | null;
}

export type { Detail } from './questionGrammar';

/** Words that say what kind of question it is, or glue; they are not the topic. */
export const NOT_TOPIC = STOP_WORDS;
/** A question's topic words beyond this many add noise, not meaning. */
export const MAX_TOPIC_WORDS = 16;
const MONTH_WORDS = /^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|\d{1,4}(?:st|nd|rd|th)?)$/u;

/**
 * `asked` is the wording the kind is read from, when it differs from `text`: the question with a
 * committee's name put as "the panel" (see committees.ts), so the grammar need not know names.
 */
export function understand(text: string, asOf: IsoDate, meetings: readonly Meeting[], asked: string = text): Understanding {
  const q = lowerQuestion(text);
  const dates = findDateRefs(q, asOf, meetings);
  const all = words(q);
  // Bounded, so a pasted essay cannot make one search slow for everyone.
  const typed = [...new Set(all.filter((w) => !NOT_TOPIC.has(w) && !MONTH_WORDS.test(w)))].slice(0, MAX_TOPIC_WORDS);
  const dateWords = all.filter((w) => MONTH_WORDS.test(w) && !/^\d{1,2}(?:st|nd|rd|th)?$/u.test(w)).map(fullMonth);
  const phrases = [...glossaryPhrases(typed), ...bigrams(all.filter((w) => !NOT_TOPIC.has(w)))];
  const { kind, detail } = classify(asked === text ? q : lowerQuestion(asked), dates.length > 0);
  return { kind, detail, dates, after: /\b(?:after|following)\s+(?:the\s+)?(?:\w+\s+)?(?:one|meeting|mtg)\b|\b(?:after|following)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]/u.test(q) && dates.length > 0, topic: expandTerms(typed), typed, phrases, dateWords, asOf, text: q };
}
