import { DateTime } from 'luxon';
import type { IsoDate, Meeting } from '../../model';
import { monthNumber } from '../../parse';
import { findDateRefs } from '../dateRefs';
import { expandTerms, glossaryPhrases, words } from '../glossary';
import { ANSWER_TYPES, candidateKinds, classify, GREETING_KIND, GREETING_RULE, GREETINGS, normalise, PHRASE_NAMES, phrase, STOP_WORDS } from '../questionGrammar';
import type { AnswerType, Reading, ValueWanted } from './reading';

/** Words that say what kind of question it is, or glue; they are not the topic. */
export const NOT_TOPIC = STOP_WORDS;
/** A question's topic words beyond this many add noise, not meaning. */
const MAX_TOPIC_WORDS = 16;
const MONTH_WORDS = /^(?:jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|\d{1,4}(?:st|nd|rd|th)?)$/u;
/** "The meeting after the march one", "after the 3rd march": a date that anchors the question, not the day it asks of. */
const AFTER_NAMED = /\b(?:after|following)\s+(?:the\s+)?(?:\w+\s+)?(?:one|meeting|mtg)\b|\b(?:after|following)\s+(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[a-z]/u;

const REFERS_BACK = phrase('followUpRefersBack');
const PHRASES = PHRASE_NAMES.map((name) => [name, phrase(name)] as const);
const NEEDS_AMOUNT = phrase('needsAmount');
const NEEDS_FIGURE = phrase('needsFigure');
const NEEDS_WHEN = phrase('needsWhen');
const PREFERS_FIGURE = phrase('prefersFigure');
const PREFERS_DATE = phrase('prefersDate');
const ASKS_PERCENT = phrase('asksPercent');
const CURRENT = phrase('current');
const COUNTED_RUN = phrase('countedRun');
/** What a kind gives when the wording asks no type of its own. */
const TYPE_OF_KIND: Readonly<Record<string, AnswerType>> = { resolution: 'decision', meeting_list: 'list', agenda: 'list', timeline: 'list', next_meeting: 'date', last_meeting: 'date', meeting_date: 'date' };

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

/** The value a wording asks for (`lower`: the question as lowerQuestion gives it, or plain words). */
export function valueWanted(lower: string): ValueWanted {
  return {
    amount: NEEDS_AMOUNT.test(lower),
    figure: NEEDS_FIGURE.test(lower),
    when: NEEDS_WHEN.test(lower),
    prefersFigure: PREFERS_FIGURE.test(lower),
    prefersDate: PREFERS_DATE.test(lower),
    percent: ASKS_PERCENT.test(lower),
    current: CURRENT.test(lower),
    countedRun: COUNTED_RUN.exec(lower)?.[1] ?? null,
  };
}

/**
 * Reads a question once. `asked` is the wording the kind is read from when it differs from `text`
 * (a committee's name put as "the panel", see committees.ts), so the grammar need not know names.
 */
export function readQuestion(text: string, asOf: IsoDate, meetings: readonly Meeting[], asked: string = text): Reading {
  const lower = lowerQuestion(text);
  const dates = findDateRefs(lower, asOf, meetings);
  const all = words(lower);
  // Bounded, so a pasted essay cannot make one search slow for everyone.
  const typed = [...new Set(all.filter((w) => !NOT_TOPIC.has(w) && !MONTH_WORDS.test(w)))].slice(0, MAX_TOPIC_WORDS);
  const dateWords = all.filter((w) => MONTH_WORDS.test(w) && !/^\d{1,2}(?:st|nd|rd|th)?$/u.test(w)).map(fullMonth);
  const phrases = [...glossaryPhrases(typed), ...bigrams(all.filter((w) => !NOT_TOPIC.has(w)))];
  const wording = asked === text ? lower : lowerQuestion(asked);
  const q = wording.trim();
  const greeting = GREETINGS.find(([, re]) => re.test(q))?.[0] ?? null;
  // "Hi", "thanks": a kind of its own, read before the grammar's rules, so no rule's kind answers it.
  const { kind, detail } = greeting ? { kind: GREETING_KIND, detail: null } : classify(wording, dates.length > 0);
  const candidates = candidateKinds(q, dates.length > 0);
  return {
    kind,
    detail,
    dates,
    after: AFTER_NAMED.test(lower) && dates.length > 0,
    topic: expandTerms(typed),
    typed,
    phrases,
    dateWords,
    words: all,
    asOf,
    candidates: greeting ? [{ kind: GREETING_KIND, detail: null, rule: GREETING_RULE, matched: [q] }, ...candidates] : candidates,
    answerType: ANSWER_TYPES.find(([, re]) => re.test(q))?.[0] ?? TYPE_OF_KIND[kind] ?? 'text',
    wanted: valueWanted(lower),
    greeting,
    refersBack: REFERS_BACK.test(q),
    said: new Set(PHRASES.filter(([, re]) => re.test(q)).map(([name]) => name)),
  };
}
