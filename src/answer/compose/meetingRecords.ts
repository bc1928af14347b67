import type { Meeting, MeetingRecord } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { longDate, shortDate } from '../dateRefs';
/** A meeting cited and described from its own records: which record, which lines, in what words. */

export const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Best first: the meeting's own papers (front sheet, meeting page, minutes, decisions, notice), then a
 * meetings list, then plans and what other papers say of it.
 */
const EVIDENCE_ORDER: readonly MeetingRecord['evidence'][] = [
  'front_sheet',
  'meeting_page',
  'minutes',
  'decision_notice',
  'meeting_notice',
  'meetings_list',
  'forward_plan',
  'work_programme',
  'next_meeting_note',
  'agenda_reference',
  'minutes_approval',
  'report',
];

/** The record a meeting is best cited from: its front sheet, its minutes, then what others say of it. */
export function bestRecord(m: Meeting): MeetingRecord {
  return [...m.records].sort((a, b) => EVIDENCE_ORDER.indexOf(a.evidence) - EVIDENCE_ORDER.indexOf(b.evidence))[0]!;
}

/** The record that says where a meeting stands: a meetings list's line for it (held, cancelled), else its best record. */
export function statusRecord(m: Meeting): MeetingRecord {
  return m.records.find((r) => r.evidence === 'meetings_list') ?? bestRecord(m);
}

export const OWN_PAPERS: ReadonlySet<MeetingRecord['evidence']> = new Set(['front_sheet', 'meeting_page', 'minutes', 'decision_notice', 'meeting_notice']);

/** The meeting's own paper when the papers hold one, else the line that lists it: not another meeting's mention of it. */
function ownRecord(m: Meeting): MeetingRecord {
  const best = bestRecord(m);
  return OWN_PAPERS.has(best.evidence) ? best : statusRecord(m);
}

/** A past meeting's record that it met: its minutes where the papers hold them (an agenda shows only that it was called). */
export function heldRecord(m: Meeting): MeetingRecord {
  return m.records.find((r) => r.evidence === 'minutes') ?? ownRecord(m);
}

/** Records whose span is a heading block: the line giving the meeting's time (or date) is the one to cite. */
export const HEADED: ReadonlySet<MeetingRecord['evidence']> = new Set(['meeting_page', 'minutes', 'decision_notice', 'meeting_notice']);

/** A date as papers print it: "1 June 2026", "1st June 2026", "Monday 1st June, 2026", "01/06/2026". */
export function datePrinted(iso: string): RegExp {
  const [y, mo, d] = iso.split('-');
  const month = shortDate(iso).split(' ')[1]!;
  return new RegExp(`\\b0?${Number(d)}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month},?\\s+${y}\\b|\\b${d}/${mo}/${y}\\b`, 'iu');
}

/** The line of a record that dates the meeting, 1-based: the one holding its time, else its date, else the first. */
export function datingLine(index: PaperIndex, m: Meeting, r: MeetingRecord): number {
  const { file, lineStart, lineEnd } = r.source;
  const byTime = m.time ? findLine(index, file, lineStart, lineEnd, m.time) : null;
  return byTime ?? findLine(index, file, lineStart, lineEnd, datePrinted(m.date)) ?? lineStart;
}

/** At most this many lines from a heading block's date to its venue are quoted as one: more is not one heading. */
export const MAX_HEADING_LINES = 12;
/** How far below its dating line a record's venue line may be and still be quoted with it. */
const MAX_VENUE_LINES = 40;

/**
 * The lines of a heading block that hold what an answer says of the meeting (its date, time and venue),
 * first to last, so the quote carries every fact the answer states; the dating line alone when they
 * lie far apart.
 */
function describingLines(index: PaperIndex, m: Meeting, r: MeetingRecord): [number, number] {
  const { file, lineStart, lineEnd } = r.source;
  const dating = datingLine(index, m, r);
  const venue = m.venue ? findLine(index, file, lineStart, lineEnd, m.venue) : null;
  const found = [dating, findLine(index, file, lineStart, lineEnd, datePrinted(m.date)), venue].filter((n): n is number => n !== null);
  const from = Math.min(...found);
  const to = Math.max(...found);
  if (to - from >= MAX_HEADING_LINES) {
    // A meeting page gives its venue below its documents: the dating line through the venue line, so the quote holds the venue the answer states.
    return venue !== null && venue > dating && venue - dating < MAX_VENUE_LINES ? [dating, venue] : [dating, dating];
  }
  // A heading of a few lines ("Minutes for General Meeting 2nd of February 2026" / "Held: 7pm at ...") is quoted whole.
  return r.source.lineEnd - r.source.lineStart <= HEADING_SPAN ? [Math.min(from, lineStart), to] : [from, to];
}

/** Lines a minutes heading runs over, its dateline and venue line among them. */
const HEADING_SPAN = 3;

export function citeMeeting(index: PaperIndex, m: Meeting, cites: CitationList, record = bestRecord(m)): string {
  const { file, lineStart, lineEnd, page } = record.source;
  if (HEADED.has(record.evidence)) {
    const [from, to] = describingLines(index, m, record);
    return cites.add(citeLines(index, file, from, to, recordTitle(m, record), m.date));
  }
  const end = record.evidence === 'front_sheet' ? Math.min(lineEnd, lineStart + 8) : lineEnd;
  return cites.add(citeLines(index, file, lineStart, end, recordTitle(m, record), m.date, page));
}

/**
 * Line `n` of a file as printed, for quoting in an answer's text: without its list bullet (the answer
 * bullets it again) and with table cells' tabs as spaces. '' when the file has no such line.
 */
export function printedLine(index: PaperIndex, file: string, n: number): string {
  return (index.lines(file)?.at(n - 1) ?? '').trim().replace(/^[-•*]\s*/u, '').replace(/\t+/gu, '  ');
}

/** A one-line record's line as printed ("4 Dec 2025 7:30 pm - CANCELLED"), for quoting in the text. */
export function recordLine(index: PaperIndex, r: MeetingRecord): string | null {
  if (r.source.lineStart !== r.source.lineEnd) return null;
  return printedLine(index, r.source.file, r.source.lineStart) || null;
}

/** How a meeting stands, in words. */
export function statusWords(m: Meeting): string {
  return m.status === 'scheduled' && !m.hasPapers ? 'scheduled' : m.status;
}

export function recordTitle(m: Meeting, r: MeetingRecord): string {
  return `${recordTitleOf(r.evidence)} - ${shortDate(m.date)}`;
}

export function recordTitleOf(evidence: MeetingRecord['evidence']): string {
  return {
    front_sheet: 'Agenda front sheet',
    minutes: 'Minutes',
    work_programme: 'Work programme',
    agenda_reference: 'Agenda',
    minutes_approval: 'Minutes approval',
    report: 'Report',
    meetings_list: 'Meetings list',
    meeting_page: 'Meeting page',
    meeting_notice: 'Meeting notice',
    decision_notice: 'Decision notice',
    forward_plan: 'Forward plan',
    next_meeting_note: 'Minutes',
  }[evidence];
}

export function describe(m: Meeting): string {
  const parts = [longDate(m.date)];
  if (m.time) parts.push(`at ${m.time}`);
  if (m.venue) parts.push(`in ${m.venue}`);
  return parts.join(' ');
}

/** Where the papers disagree about a meeting, the answer says so rather than picking one silently. */
export function conflictNote(m: Meeting): string {
  return m.conflicts.length > 0 ? ` Note that the papers disagree: ${m.conflicts.join(' ')}` : '';
}

export function onlyScheduledNote(m: Meeting): string {
  return !m.hasPapers && m.records.every((r) => r.evidence === 'work_programme')
    ? ' The only record of it is a work programme date; no agenda for it is in the papers.'
    : '';
}

/** Lines of a span naming each of `names` (by surname), in order, 1-based, without repeats. */
export function linesNaming(index: PaperIndex, span: { file: string; lineStart: number; lineEnd: number }, names: readonly string[]): number[] {
  const found = names.map((n) => findLine(index, span.file, span.lineStart, span.lineEnd, n) ?? findLine(index, span.file, span.lineStart, span.lineEnd, n.split(' ').pop() ?? n));
  return [...new Set(found.filter((n): n is number => n !== null))].sort((a, b) => a - b);
}
