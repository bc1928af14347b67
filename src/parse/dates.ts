import { DateTime } from 'luxon';
import type { IsoDate } from '../model';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';

/** "13 January 2021", "13th Jan 2021", "8 October, 2021", "2nd of February 2026". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\.?,?\\s+(\\d{4})\\b`, 'giu');
/** "October 8 2021", "October 8th, 2021": American order appears in work programmes. */
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'giu');
/** "13.1.21", "13/01/2021", "5.1.21": UK numeric order, day first. */
const NUMERIC = /\b(\d{1,2})[./](\d{1,2})[./](\d{2}|\d{4})\b/gu;

export interface FoundDate {
  readonly date: IsoDate;
  /** Index in the text where the date was written, and its length. */
  readonly index: number;
  readonly length: number;
}

export function monthNumber(name: string): number | null {
  const key = name.toLowerCase().slice(0, 3);
  const i = MONTHS.findIndex((m) => m.startsWith(key));
  return i < 0 ? null : i + 1;
}

function toIso(year: number, month: number, day: number): IsoDate | null {
  const dt = DateTime.fromObject({ year, month, day }, { zone: 'Europe/London' });
  return dt.isValid ? dt.toISODate() : null;
}

/** Every full date written in a line, in order. Never a partial date (month-only dates are not meetings). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    const month = monthNumber(m[2] ?? '');
    const iso = month && toIso(Number(m[3]), month, Number(m[1]));
    if (iso) found.push({ date: iso, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    const month = monthNumber(m[1] ?? '');
    const iso = month && toIso(Number(m[3]), month, Number(m[2]));
    if (iso && !overlaps(found, m.index)) found.push({ date: iso, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(NUMERIC)) {
    const raw = m[3] ?? '';
    const year = raw.length === 2 ? 2000 + Number(raw) : Number(raw);
    const iso = toIso(year, Number(m[2]), Number(m[1]));
    if (iso && !overlaps(found, m.index)) found.push({ date: iso, index: m.index, length: m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

function overlaps(found: readonly FoundDate[], index: number): boolean {
  return found.some((f) => index >= f.index && index < f.index + f.length);
}

export function firstDate(text: string): IsoDate | null {
  return findDates(text)[0]?.date ?? null;
}

/** "30 October", "27th November", "3rd of March": a day and month, the year left to the reader. */
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'giu');

/**
 * Every date in a text that follows `after` ("the next meetings: 30 October, 27 November" in minutes
 * of 25 September 2025): full dates as written, and a day and month without its year as the first
 * such date after `after`.
 */
export function datesAfter(text: string, after: IsoDate): IsoDate[] {
  const full = findDates(text);
  const out = full.map((f) => f.date);
  const year = Number(after.slice(0, 4));
  for (const m of text.matchAll(DAY_MONTH)) {
    if (overlaps(full, m.index)) continue;
    const month = monthNumber(m[2] ?? '');
    const day = Number(m[1]);
    // This year's date unless it has passed; the meeting's own date ("26 March" in its agenda) is not a next one.
    const thisYear = month ? toIso(year, month, day) : null;
    const iso = thisYear && thisYear < after ? toIso(year + 1, month!, day) : thisYear;
    if (iso && iso !== after) out.push(iso);
  }
  return out.filter((d) => d > after);
}

/** "6 pm", "6.00 pm", "18:00", "10.30am". */
const TIME = /\b(\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?|\d{1,2}:\d{2})(?![\d])/iu;

export function findTime(text: string): string | null {
  const m = TIME.exec(text);
  return m?.[1] ? m[1].replace(/\s+/gu, ' ').trim() : null;
}
