import type { Meeting } from '../../model';
import { datesAfter, findDates, findTime } from '../dates';
import { isBlank, type PageOf, span } from '../lines';
import { sentencesIn } from '../recordedVotes';
import { VOCABULARY } from '../vocabulary';
import { meetingRecord } from './common';

/*
 * What minutes and agendas of any council write the same way: the council's name, a heading in
 * capitals, Markdown marks around a name, and the next meeting's date.
 */

/** A name printed in capitals ("THORNBURY PARISH COUNCIL") as the council writes it elsewhere: "Thornbury Parish Council". */
export function titleCase(name: string): string {
  if (/[a-z]/u.test(name)) return name;
  return name.toLowerCase().replace(/(^|[\s(/-])([a-z])/gu, (_, before: string, c: string) => `${before}${c.toUpperCase()}`).replace(/\b(Of|And|The|For|In|On)\b/gu, (w) => w.toLowerCase()).replace(/^./u, (c) => c.toUpperCase());
}

export function councilName(text: string): string | null {
  return VOCABULARY.councilName.exec(text)?.[1] ?? null;
}

/** Lines from the top of a text's body that may carry its heading ("GOVERNING COUNCIL" / "MINUTES OF ..."). */
const HEADING_LINES = 4;

/**
 * The council whose minutes these are: the one printed at the head of the text ("**NORTHBY COMMUNITY
 * COUNCIL**", "Northby Community Council Minutes"), else the one the text names most often ("The next
 * meeting of Fernhill Community Council ..."). The head comes first: a community council's minutes
 * often name the city council they write to more often than themselves.
 */
export function councilNamed(lines: readonly string[], from: number): string | null {
  const head = lines.slice(from).filter((l) => !isBlank(l)).slice(0, HEADING_LINES);
  for (const line of head) {
    const named = councilName(titleCase(plainText(line).replace(/\s+/gu, ' ').trim()));
    if (named) return named;
  }
  return councilNamedMost(lines, from);
}

function councilNamedMost(lines: readonly string[], from: number): string | null {
  const counts = new Map<string, number>();
  const every = new RegExp(VOCABULARY.councilName.source, 'gu');
  for (const line of lines.slice(from)) for (const m of line.matchAll(every)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Markdown's emphasis and link marks off a title or name: "**Action:**" is "Action:", "_Chair_" is "Chair". */
export function plainText(text: string): string {
  return text.replace(/\[([^\]]*)\]\([^)]*\)/gu, '$1').replace(/(^|[\s(—–-])[*_]+|[*_]+(?=$|[\s),.:;—–-])/gu, '$1').trim();
}

/**
 * The next meeting: a sentence ("The next meeting will be held on 4 June 2026"), or a "Date of next
 * meeting" label with its dates on the line or the next few ("30 October, 27 November"), a date without
 * its year being the first such date after this meeting. Each is a scheduled meeting of the same committee.
 */
export function nextMeetings(file: string, lines: readonly string[], committee: string | null, meetingDate: string, skip: ReadonlySet<number>, pageOf: PageOf): Meeting[] {
  const out: Meeting[] = [];
  for (const s of sentencesIn(lines, 0, lines.length - 1, skip)) {
    const m = VOCABULARY.nextMeeting.exec(s.text);
    const date = m ? findDates(s.text.slice(m.index))[0] : undefined;
    if (date) out.push(meetingRecord(committee, date.date, 'scheduled', 'next_meeting_note', span(file, s.first, s.last, pageOf), { time: findTime(s.text.slice(m!.index + date.index))?.replace(/(?<=[ap]m)\.$/iu, '') ?? null }));
  }
  if (out.length > 0) return out;
  const labelAt = lines.findIndex((l, i) => !skip.has(i) && VOCABULARY.nextMeetingLabel.test(withoutNumber(markdownLine(l))));
  if (labelAt < 0) return out;
  let last = labelAt;
  for (let i = labelAt, seen = 0; i < lines.length && seen < 3; i++) {
    const text = markdownLine(lines[i] ?? '');
    // Superscript ordinals a PDF sets on a line of their own ("th<TAB>th") are not a line of text.
    if (skip.has(i) || isBlank(lines[i]) || /^(?:\s|st|nd|rd|th)+$/u.test(text)) continue;
    seen++;
    const dates = datesAfter(i === labelAt ? withoutNumber(text).replace(VOCABULARY.nextMeetingLabel, '') : text, meetingDate);
    // The dates may sit a line or two below the label ("Dates for 2026 - last Thursday of the month:"); the first undated line after them ends them.
    if (dates.length === 0 && out.length > 0) break;
    last = i;
    const time = findTime(lines.slice(labelAt, i + 1).join(' '));
    for (const date of dates) out.push(meetingRecord(committee, date, 'scheduled', 'next_meeting_note', span(file, labelAt, last, pageOf), { time }));
  }
  return out;
}

/** A line without its Markdown: "- Alan Smith—_Chair_" is "Alan Smith—Chair"; "## Present" is "Present". */
export function markdownLine(raw: string): string {
  return plainText(raw.trim().replace(/^#{1,6}\s+/u, '').replace(/^[-*•]\s+/u, ''));
}


/** A heading less its item number: "200/25 Date of next meeting" is "Date of next meeting". */
function withoutNumber(text: string): string {
  return text.replace(VOCABULARY.itemLabel, '').replace(/^[\d./]*\d[.):]?\s+/u, '');
}
