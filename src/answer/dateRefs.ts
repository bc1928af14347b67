import { DateTime } from 'luxon';
import type { IsoDate, Meeting } from '../model';
import { findDates, monthNumber } from '../parse';
import { phrase } from './questionGrammar';

/** "What's coming up in may": the month still to come, not the last one with papers. */
const LOOKS_AHEAD = phrase('looksAhead');

/** A stretch of days a question points at: one day ("27 july"), a month ("the march meeting"), a year. */
export interface DateRef {
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly label: string;
  /** Whether the question named the day, not just the month or year. */
  readonly exactDay: boolean;
  /**
   * A bare year ("in 2021"): it narrows meetings, but a fact "in 2022" is a year the paper writes about,
   * not the year of the meeting it was written for, so passages are not narrowed by it.
   */
  readonly yearOnly?: boolean;
  /** A month said without a year ("in jan"): another year's month may be the one meant. */
  readonly monthOnly?: number;
}

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\b(?!\\s*,?\\s*\\d{4})`, 'giu');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\s*,?\\s*\\d{4})(?![:.]\\d)`, 'giu');
const DAY_SLASH_MONTH = /\b(\d{1,2})\/(\d{1,2})\b(?!\/)/gu;
const MONTH_YEAR = new RegExp(`\\b${MONTH}\\s+(\\d{4})\\b`, 'giu');
/**
 * A month on its own; "may" only beside "meeting" or "in", since it is usually a verb. "since march" and
 * "by march" are a time a fact is measured from or due by, not a meeting, so they are not read here.
 */
const MONTH_ALONE = new RegExp(`\\b(?:in|the|at|for|of|after)\\s+${MONTH}\\b(?!\\s*\\d)|\\b${MONTH}\\s+(?:meeting|mtg|panel|one)\\b`, 'giu');

const London = { zone: 'Europe/London' } as const;

/** Month ranges already worked out, by "year-month": luxon takes tens of microseconds for each. */
const monthRanges = new Map<string, readonly [IsoDate, IsoDate]>();
/** Questions name a few hundred months at most; the bound only guards against odd input. */
const MAX_MONTH_RANGES = 5_000;

function monthRange(year: number, month: number): readonly [IsoDate, IsoDate] {
  const key = `${year}-${month}`;
  let range = monthRanges.get(key);
  if (!range) {
    const start = DateTime.fromObject({ year, month, day: 1 }, London);
    range = [start.toISODate()!, start.endOf('month').toISODate()!];
    if (monthRanges.size >= MAX_MONTH_RANGES) monthRanges.clear();
    monthRanges.set(key, range);
  }
  return range;
}

/**
 * The dates a question names, resolved against the day it is asked and the meetings on record:
 * "27 july" is the 27 July meeting nearest that day; "the march meeting" the latest March with a meeting.
 */
export function findDateRefs(text: string, asOf: IsoDate, meetings: readonly Meeting[]): DateRef[] {
  const refs: DateRef[] = [];
  const taken: [number, number][] = [];
  const take = (index: number, length: number): boolean => {
    if (taken.some(([a, b]) => index < b && index + length > a)) return false;
    taken.push([index, index + length]);
    return true;
  };
  for (const d of findDates(text)) {
    if (take(d.index, d.length)) refs.push({ from: d.date, to: d.date, label: d.date, exactDay: true });
  }
  const dayMonth = (day: number, month: number, index: number, length: number): void => {
    if (!take(index, length) || day < 1 || day > 31 || month < 1 || month > 12) return;
    const candidates = meetings.filter((m) => Number(m.date.slice(5, 7)) === month && Number(m.date.slice(8, 10)) === day);
    const date = nearest(candidates.map((m) => m.date), asOf) ?? guessYear(day, month, asOf);
    if (date) refs.push({ from: date, to: date, label: date, exactDay: true });
  };
  for (const m of text.matchAll(DAY_MONTH)) dayMonth(Number(m[1]), monthNumber(m[2] ?? '') ?? 0, m.index, m[0].length);
  for (const m of text.matchAll(MONTH_DAY)) {
    const month = monthNumber(m[1] ?? '') ?? 0;
    const n = Number(m[2]);
    // "march 23" is March 2023 unless a meeting fell on 23 March: people write a month and a short year.
    const year = m[2]!.length === 2 && !meetings.some((x) => Number(x.date.slice(5, 7)) === month && Number(x.date.slice(8, 10)) === n) ? shortYear(n, asOf) : null;
    if (year !== null && month > 0) {
      if (!take(m.index, m[0].length)) continue;
      const [from, to] = monthRange(year, month);
      refs.push({ from, to, label: `${m[1]} ${year}`, exactDay: false });
    } else dayMonth(n, month, m.index, m[0].length);
  }
  for (const m of text.matchAll(DAY_SLASH_MONTH)) dayMonth(Number(m[1]), Number(m[2]), m.index, m[0].length);
  for (const m of text.matchAll(MONTH_YEAR)) {
    const month = monthNumber(m[1] ?? '');
    if (!month || !take(m.index, m[0].length)) continue;
    const [from, to] = monthRange(Number(m[2]), month);
    refs.push({ from, to, label: `${m[1]} ${m[2]}`, exactDay: false });
  }
  const ahead = LOOKS_AHEAD.test(text);
  for (const m of text.matchAll(MONTH_ALONE)) {
    const name = m[1] ?? m[2] ?? '';
    const month = monthNumber(name);
    if (!month || !take(m.index, m[0].length)) continue;
    refs.push(monthAlone(month, asOf, ahead ? meetings.filter((x) => x.date >= asOf) : meetings, name, ahead));
  }
  // A bare year said as a time ("in 2021", "2021, 2022 and 2023"), not a year in a title ("the 2022
  // health check"), a "2017/18" span or a "2020-2022" range.
  for (const m of text.matchAll(/(?<=\b(?:in|during|for|from|since|and|or)\s+|,\s*)((?:19|20)\d{2})\b(?![/-]\d)/gu)) {
    if (!take(m.index, m[0].length)) continue;
    refs.push({ from: `${m[1]}-01-01`, to: `${m[1]}-12-31`, label: m[1] ?? '', exactDay: false, yearOnly: true });
  }
  const yearWords = /\blast year\b/iu.test(text) ? -1 : /\bthis year\b/iu.test(text) ? 0 : null;
  if (yearWords !== null) {
    const year = Number(asOf.slice(0, 4)) + yearWords;
    refs.push({ from: `${year}-01-01`, to: `${year}-12-31`, label: String(year), exactDay: false });
  }
  return refs;
}

/** A two-digit year near the day asked ("feb 22" asked in 2023), or null when it cannot be one. */
function shortYear(n: number, asOf: IsoDate): number | null {
  const year = 2000 + n;
  const asOfYear = Number(asOf.slice(0, 4));
  return year >= asOfYear - 15 && year <= asOfYear + 2 ? year : null;
}

/**
 * "The july panel": the meeting in that month nearest the day asked, one with papers before one a work
 * programme only planned; with none on record, the latest such month up to the day asked. A question
 * that looks ahead is given only the meetings still to come.
 */
function monthAlone(month: number, asOf: IsoDate, meetings: readonly Meeting[], name: string, ahead = false): DateRef {
  const inMonth = meetings.filter((m) => Number(m.date.slice(5, 7)) === month);
  const withPapers = inMonth.filter((m) => m.hasPapers);
  const best = nearest((withPapers.length > 0 ? withPapers : inMonth).map((m) => m.date), asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  // With no meeting on record, the month meant is the last one up to the day asked, or the next one ahead.
  const nowMonth = Number(asOf.slice(5, 7));
  const year = best ? Number(best.slice(0, 4)) : ahead ? (month >= nowMonth ? asOfYear : asOfYear + 1) : month <= nowMonth ? asOfYear : asOfYear - 1;
  const [from, to] = monthRange(year, month);
  return { from, to, label: `${name} ${year}`, exactDay: false, monthOnly: month };
}

/** The same month in each other year with a panel meeting, nearest the day asked first. */
export function otherYears(ref: DateRef, asOf: IsoDate, meetings: readonly Meeting[]): DateRef[] {
  const month = ref.monthOnly;
  if (month === undefined) return [];
  const years = [...new Set(meetings.filter((m) => Number(m.date.slice(5, 7)) === month).map((m) => Number(m.date.slice(0, 4))))];
  const asOfYear = Number(asOf.slice(0, 4));
  return years
    .filter((y) => y !== Number(ref.from.slice(0, 4)))
    .sort((a, b) => Math.abs(a - asOfYear) - Math.abs(b - asOfYear) || b - a)
    .map((y) => {
      const [from, to] = monthRange(y, month);
      return { from, to, label: `${ref.label.split(' ')[0]} ${y}`, exactDay: false, monthOnly: month };
    });
}

function nearest(dates: readonly IsoDate[], asOf: IsoDate): IsoDate | null {
  const t = DateTime.fromISO(asOf).toMillis();
  return [...dates].sort((a, b) => Math.abs(DateTime.fromISO(a).toMillis() - t) - Math.abs(DateTime.fromISO(b).toMillis() - t))[0] ?? null;
}

function guessYear(day: number, month: number, asOf: IsoDate): IsoDate | null {
  const dt = DateTime.fromObject({ year: Number(asOf.slice(0, 4)), month, day }, London);
  return dt.isValid ? dt.toISODate() : null;
}

/**
 * Two ISO dates ("2023-03-15", or '' for none) in date order. They sort as text, which is what
 * `localeCompare` gave, at a fraction of its cost: a timeline at 100 MB sorts hundreds of them.
 */
export function compareDates(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function inRef(date: IsoDate | null, ref: DateRef): boolean {
  return date !== null && date >= ref.from && date <= ref.to;
}

/**
 * Dates already written out, by format and ISO date. luxon takes tens of microseconds a date, and a
 * timeline at 100 MB of text writes hundreds; the papers hold a few thousand distinct dates at most.
 */
const written = new Map<string, string>();
const MAX_WRITTEN_DATES = 50_000;

function writeDate(iso: IsoDate, format: string): string {
  const key = `${format}\u0000${iso}`;
  let text = written.get(key);
  if (text === undefined) {
    text = DateTime.fromISO(iso, London).toFormat(format);
    if (written.size >= MAX_WRITTEN_DATES) written.clear();
    written.set(key, text);
  }
  return text;
}

export function longDate(iso: IsoDate): string {
  return writeDate(iso, 'cccc d LLLL yyyy');
}

export function shortDate(iso: IsoDate): string {
  return writeDate(iso, 'd LLLL yyyy');
}
