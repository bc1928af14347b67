import type { Answer, Citation, Meeting, MeetingRecord, Minutes, WorkProgrammeRow } from '../model';
import { findDates } from '../parse';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';
import { chairNamedInPassing } from './chairOfBody';
import { CitationList, citeLines, findLine } from './cite';
import { committeeLabel, committeeMeetings, committeeRecord } from './committees';
import { compareDates, inRef, longDate, shortDate } from './dateRefs';
import { notFound } from './notFound';
import { phrase, TEXT_BEHIND } from './questionGrammar';
import type { Reading } from './read';
import type { Understanding } from './understand';

/** The panel's own meetings (not e.g. a review group's), in date order. */
export function panelMeetings(index: PaperIndex): Meeting[] {
  // A copy: callers sort and pop what they are given.
  return [...answerLookups(index).panelMeetings];
}

/** The meetings of the committee a question names, else of the main committee, in date order. */
function meetingsAsked(index: PaperIndex, u: Understanding): Meeting[] {
  return committeeMeetings(index, u.committee ?? null);
}

/** "the <committee>", for answers. */
function named(index: PaperIndex, u: Understanding): string {
  return committeeLabel(index, u.committee ?? null);
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

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

const OWN_PAPERS: ReadonlySet<MeetingRecord['evidence']> = new Set(['front_sheet', 'meeting_page', 'minutes', 'decision_notice', 'meeting_notice']);

/** The meeting's own paper when the papers hold one, else the line that lists it: not another meeting's mention of it. */
function ownRecord(m: Meeting): MeetingRecord {
  const best = bestRecord(m);
  return OWN_PAPERS.has(best.evidence) ? best : statusRecord(m);
}

/** A past meeting's record that it met: its minutes where the papers hold them (an agenda shows only that it was called). */
function heldRecord(m: Meeting): MeetingRecord {
  return m.records.find((r) => r.evidence === 'minutes') ?? ownRecord(m);
}

/** Records whose span is a heading block: the line giving the meeting's time (or date) is the one to cite. */
const HEADED: ReadonlySet<MeetingRecord['evidence']> = new Set(['meeting_page', 'minutes', 'decision_notice', 'meeting_notice']);

/** A date as papers print it: "1 June 2026", "1st June 2026", "Monday 1st June, 2026", "01/06/2026". */
function datePrinted(iso: string): RegExp {
  const [y, mo, d] = iso.split('-');
  const month = shortDate(iso).split(' ')[1]!;
  return new RegExp(`\\b0?${Number(d)}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${month},?\\s+${y}\\b|\\b${d}/${mo}/${y}\\b`, 'iu');
}

/** The line of a record that dates the meeting, 1-based: the one holding its time, else its date, else the first. */
function datingLine(index: PaperIndex, m: Meeting, r: MeetingRecord): number {
  const { file, lineStart, lineEnd } = r.source;
  const byTime = m.time ? findLine(index, file, lineStart, lineEnd, m.time) : null;
  return byTime ?? findLine(index, file, lineStart, lineEnd, datePrinted(m.date)) ?? lineStart;
}

/** At most this many lines from a heading block's date to its venue are quoted as one: more is not one heading. */
const MAX_HEADING_LINES = 12;
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
function printedLine(index: PaperIndex, file: string, n: number): string {
  return (index.lines(file)?.at(n - 1) ?? '').trim().replace(/^[-•*]\s*/u, '').replace(/\t+/gu, '  ');
}

/** A one-line record's line as printed ("4 Dec 2025 7:30 pm - CANCELLED"), for quoting in the text. */
function recordLine(index: PaperIndex, r: MeetingRecord): string | null {
  if (r.source.lineStart !== r.source.lineEnd) return null;
  return printedLine(index, r.source.file, r.source.lineStart) || null;
}

/** How a meeting stands, in words. */
function statusWords(m: Meeting): string {
  return m.status === 'scheduled' && !m.hasPapers ? 'scheduled' : m.status;
}

const notGoingAhead = (m: Meeting): boolean => m.status === 'cancelled' || m.status === 'postponed';

/** Held: minutes or decisions record it, a list says so, or its own papers are in and nothing says it was called off. */
const wasHeld = (m: Meeting): boolean => m.status === 'held' || (m.hasPapers && !notGoingAhead(m));

/** The minutes of a meeting on `date`: printed minutes before a decision notice. */
export function minutesOn(index: PaperIndex, date: string): Minutes | undefined {
  const all = index.corpus.minutes.filter((x) => x.meetingDate === date);
  return all.find((x) => x.record !== 'decision_notice') ?? all[0];
}

function recordTitle(m: Meeting, r: MeetingRecord): string {
  return `${recordTitleOf(r.evidence)} - ${shortDate(m.date)}`;
}

function recordTitleOf(evidence: MeetingRecord['evidence']): string {
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

function describe(m: Meeting): string {
  const parts = [longDate(m.date)];
  if (m.time) parts.push(`at ${m.time}`);
  if (m.venue) parts.push(`in ${m.venue}`);
  return parts.join(' ');
}

/** Where the papers disagree about a meeting, the answer says so rather than picking one silently. */
export function conflictNote(m: Meeting): string {
  return m.conflicts.length > 0 ? ` Note that the papers disagree: ${m.conflicts.join(' ')}` : '';
}

function onlyScheduledNote(m: Meeting): string {
  return !m.hasPapers && m.records.every((r) => r.evidence === 'work_programme')
    ? ' The only record of it is a work programme date; no agenda for it is in the papers.'
    : '';
}

export function answerNextMeeting(index: PaperIndex, u: Understanding, alsoLast: boolean): Answer {
  const meetings = meetingsAsked(index, u);
  const who = named(index, u);
  const anchor = u.after && u.dates[0] ? anchorDate(meetings, u) : u.asOf;
  const ahead = meetings.filter((m) => m.date > anchor);
  // A meeting that was called off is not the next one, but the answer says it was.
  const next = ahead.find((m) => !notGoingAhead(m));
  const cites = new CitationList();
  const lines: string[] = [];
  if (alsoLast) {
    const last = [...meetings].reverse().find((m) => m.date <= u.asOf && wasHeld(m));
    if (last) lines.push(`${capital(who)} last met on ${describe(last)} ${citeMeeting(index, last, cites)}.`);
  }
  if (!next) {
    const latest = meetings[meetings.length - 1];
    return notFound(
      index,
      `The papers record no meeting of ${who} after ${shortDate(anchor)}.${latest ? ` The latest meeting in the papers is ${shortDate(latest.date)}${notGoingAhead(latest) ? `, ${latest.status}` : ''}.` : ''}`,
    );
  }
  // What the papers out on the day asked said of it: the last minutes before then naming its date.
  const note = nextMeetingNote(index, next, u.asOf);
  const noted = note ? ` The ${shortDate(note.meetingDate!)} minutes named it as the next meeting ${cites.add(note)}.` : '';
  const lead = u.after ? `The next meeting after ${shortDate(anchor)}` : `The next meeting of ${who}`;
  lines.push(`${lead} is on ${describe(next)} ${citeMeeting(index, next, cites, planRecord(index, next))}.${noted}${onlyScheduledNote(next)}${conflictNote(next)}`);
  const skipped = ahead.filter((m) => m.date < next.date);
  if (skipped.length > 0) lines.push(skipped.map((m) => `The ${shortDate(m.date)} meeting was ${m.status} ${citeMeeting(index, m, cites, statusRecord(m))}.`).join(' '));
  const expected = expectedItems(index, next, cites);
  if (expected) lines.push(expected);
  return { kind: 'next_meeting', text: lines.join('\n\n'), citations: cites.items, meeting: next, followUps: [`What's on the agenda for ${shortDate(next.date)}?`, `Who chairs ${who}?`] };
}

/**
 * The plan a set of rows is best read from: a later forward plan or work programme drops meetings
 * already held, so the plan whose first listed meeting is latest is the newest (ties: the fuller one).
 */
function newestPlanFile(index: PaperIndex, rows: readonly WorkProgrammeRow[]): string | null {
  const files = new Set(rows.map((r) => r.source.file));
  const byFile = new Map<string, { first: string; count: number }>();
  for (const r of index.corpus.workProgramme) {
    if (!files.has(r.source.file)) continue;
    if (!r.meetingDate) continue;
    const seen = byFile.get(r.source.file);
    byFile.set(r.source.file, { first: seen && seen.first < r.meetingDate ? seen.first : r.meetingDate, count: (seen?.count ?? 0) + 1 });
  }
  return [...byFile].sort((a, b) => compareDates(b[1].first, a[1].first) || b[1].count - a[1].count)[0]?.[0] ?? null;
}

/** A meeting known only from plans is cited from the newest plan listing it; otherwise its best record. */
function planRecord(index: PaperIndex, m: Meeting): MeetingRecord {
  const best = bestRecord(m);
  if (best.evidence !== 'forward_plan' && best.evidence !== 'work_programme') return best;
  const file = newestPlanFile(index, index.corpus.workProgramme.filter((r) => r.meetingDate === m.date));
  return m.records.find((r) => r.evidence === best.evidence && r.source.file === file) ?? best;
}

/** For a meeting with no agenda in the papers: what the newest plan lists for it, each row's line quoted. */
function expectedItems(index: PaperIndex, m: Meeting, cites: CitationList): string | null {
  if (index.corpus.agendaItems.some((i) => i.meetingDate === m.date)) return null;
  const planned = index.corpus.workProgramme.filter((r) => r.meetingDate === m.date);
  const file = newestPlanFile(index, planned);
  const rows = planned.filter((r) => r.source.file === file);
  if (rows.length === 0) return null;
  const list = rows.map((r) => {
    const n = findLine(index, r.source.file, r.source.lineStart, r.source.lineEnd, r.item.split(/\s+/u).slice(0, 3).join(' ')) ?? r.source.lineStart;
    const line = printedLine(index, r.source.file, n) || r.item;
    return `- ${line} ${cites.add(citeLines(index, r.source.file, n, n, `${recordTitleOf('forward_plan')} - ${shortDate(m.date)}`, m.date))}`;
  });
  return `Items the plan lists for it:\n\n${list.join('\n')}`;
}

const NEXT_MEETING_NOTE = phrase('nextMeetingNote');

/** A line of the latest minutes before `asOf` that names `next`'s date as the next meeting, cited. */
function nextMeetingNote(index: PaperIndex, next: Meeting, asOf: string): Citation | null {
  const minutes = index.corpus.minutes.filter((m) => m.meetingDate <= asOf && m.meetingDate < next.date).sort((a, b) => compareDates(a.meetingDate, b.meetingDate)).pop();
  if (!minutes) return null;
  const date = shortDate(next.date);
  const { file, lineStart, lineEnd } = minutes.source;
  const lines = index.lines(file) ?? [];
  for (let n = lineStart; n <= Math.min(lineEnd, lines.length); n++) {
    const line = lines.at(n - 1) ?? '';
    if (line.includes(date) && NEXT_MEETING_NOTE.test(line.toLowerCase())) return citeLines(index, file, n, n, `Minutes - ${shortDate(minutes.meetingDate)}`, minutes.meetingDate);
  }
  return null;
}

function anchorDate(meetings: readonly Meeting[], u: Understanding): string {
  const ref = u.dates[0]!;
  const inside = meetings.filter((m) => inRef(m.date, ref));
  return inside[inside.length - 1]?.date ?? ref.to;
}

export function answerLastMeeting(index: PaperIndex, u: Reading): Answer {
  const who = named(index, u);
  const meetings = meetingsAsked(index, u).filter((m) => m.date < u.asOf);
  const last = [...meetings].reverse().find(wasHeld) ?? [...meetings].reverse().find((m) => !notGoingAhead(m));
  if (!last) return notFound(index, `The papers record no meeting of ${who} before ${shortDate(u.asOf)}.`);
  const cites = new CitationList();
  const minutes = minutesOn(index, last.date);
  let text = `${capital(who)} last met on ${describe(last)} ${citeMeeting(index, last, cites, heldRecord(last))}.${conflictNote(last)}`;
  // Meetings after it that did not go ahead: "last met" is the last one held, and the answer says why.
  const skipped = meetings.filter((m) => m.date > last.date && notGoingAhead(m));
  for (const m of skipped) text += ` The ${shortDate(m.date)} meeting was ${m.status} ${citeMeeting(index, m, cites, statusRecord(m))}.`;
  const listed = [last, ...skipped].map((m) => recordLine(index, statusRecord(m))).filter((l): l is string => l !== null);
  if (skipped.length > 0 && listed.length > 0) text += `\n\n${listed.map((l) => `- ${l}`).join('\n')}`;
  if (minutes && u.said.has('asksEnd')) text += endedNote(index, minutes, cites);
  const business = minutes?.items.filter((i) => !/^(?:Welcome|Meeting procedures|Apologies|Declarations|Minutes|Matters arising)/iu.test(i.title)) ?? [];
  if (business.length > 0) {
    text += `\n\nIt considered:\n\n${business.map((i) => `- ${i.title} ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineStart + 2, `Minutes - ${shortDate(last.date)}, item ${i.number} ${i.title}`, last.date))}`).join('\n')}`;
  } else {
    const items = index.corpus.agendaItems.filter((i) => i.meetingDate === last.date);
    if (items.length > 0) text += `\n\nIts agenda:\n\n${items.map((i) => `- ${i.number}. ${i.title}`).join('\n')}`;
  }
  return { kind: 'last_meeting', text, citations: cites.items, meeting: last, followUps: [`What did ${who} resolve on ${shortDate(last.date)}?`, 'When is the next meeting?'] };
}

const MEETING_ENDED = phrase('meetingEnded');

/** "When did it end": the minutes' closing line ("Meeting ended at 7.30 pm"), quoted, where they have one. */
function endedNote(index: PaperIndex, minutes: Minutes, cites: CitationList): string {
  const { file, lineStart, lineEnd } = minutes.source;
  const n = findLine(index, file, lineStart, lineEnd, MEETING_ENDED);
  if (n === null) return ' The minutes do not say when it ended.';
  const line = printedLine(index, file, n);
  return ` The minutes close: "${line}" ${cites.add(citeLines(index, file, n, n, `Minutes - ${shortDate(minutes.meetingDate)}`, minutes.meetingDate))}.`;
}

/** The meeting a question points at: the one it names, else the nearest with a front sheet. */
export function targetMeeting(index: PaperIndex, u: Understanding, want: (m: Meeting) => boolean = () => true): Meeting | null {
  const meetings = meetingsAsked(index, u);
  if (u.dates.length > 0) {
    const ref = u.dates[0]!;
    const inside = meetings.filter((m) => inRef(m.date, ref));
    return inside.filter(want).pop() ?? inside.pop() ?? null;
  }
  // The nearest to the day asked, the first of equals: one pass, each date read once (a sort read two a
  // comparison, over the thousands of meetings a decade of several committees' papers holds).
  const t = Date.parse(u.asOf);
  let nearest: Meeting | null = null;
  let nearestGap = Infinity;
  for (const m of meetings) {
    if (!want(m)) continue;
    const gap = Math.abs(Date.parse(m.date) - t);
    if (gap < nearestGap) {
      nearest = m;
      nearestGap = gap;
    }
  }
  return nearest ?? meetings.find(want) ?? null;
}

const hasFrontSheet = (m: Meeting): boolean => m.records.some((r) => r.evidence === 'front_sheet');

export function answerMeetingInfo(index: PaperIndex, u: Reading): Answer {
  switch (u.detail) {
    case 'apologies':
    case 'declarations':
      return answerFromMinutes(index, u, u.detail);
    case 'attendance':
      return answerAttendance(index, u);
    case 'chair':
      return answerChair(index, u);
    case 'members':
    case 'quorum':
      return answerMembership(index, u);
    default:
      return answerTimeVenue(index, u);
  }
}

function answerFromMinutes(index: PaperIndex, u: Understanding, detail: 'apologies' | 'declarations'): Answer {
  const meeting = targetMeeting(index, u, (m) => minutesOn(index, m.date) !== undefined);
  const minutes = meeting ? minutesOn(index, meeting.date) : undefined;
  const part = minutes?.[detail];
  if (!meeting || !minutes || !part) {
    return notFound(index, `The papers have no minutes recording ${detail}${meeting ? ` for ${shortDate(meeting.date)}` : ' for that meeting'}.`);
  }
  const cites = new CitationList();
  const c = cites.add(citeLines(index, part.source.file, part.source.lineStart, part.source.lineEnd, `Minutes - ${shortDate(meeting.date)}, ${detail}`, meeting.date));
  const body = (detail === 'apologies' ? part.text : part.text || 'None recorded.').split('\n').map((l) => `> ${l}`).join('\n>\n');
  const subs = detail === 'apologies' && minutes.substitutes && minutes.substitutes.length > 0 ? `\n\nSubstitutes: ${minutes.substitutes.map((n) => `Cllr ${n}`).join(', ')}.` : '';
  return { kind: 'meeting_info', text: `${detail === 'apologies' ? 'Apologies' : 'Declarations of interest'} at the ${shortDate(meeting.date)} meeting ${c}:\n\n${body}${subs}`, citations: cites.items, meeting, followUps: [] };
}

function answerAttendance(index: PaperIndex, u: Reading): Answer {
  const meeting = targetMeeting(index, u, (m) => minutesOn(index, m.date) !== undefined);
  const minutes = meeting ? minutesOn(index, meeting.date) : undefined;
  if (!meeting || !minutes) return notFound(index, 'The papers have no minutes recording attendance at that meeting.');
  const { file, lineStart } = minutes.source;
  const firstItem = minutes.items[0]?.source.lineStart ?? minutes.source.lineEnd;
  const cites = new CitationList();
  const lines: string[] = [];
  if (minutes.attendanceSource) {
    // The attendance lines as printed, quoted whole: who is marked chair, who was an officer.
    const a = minutes.attendanceSource;
    const c = cites.add(citeLines(index, a.file, a.lineStart, a.lineEnd, `Minutes - ${shortDate(meeting.date)}, attendance`, meeting.date));
    const printed = (index.lines(a.file)?.slice(a.lineStart - 1, a.lineEnd) ?? []).map((l) => l.trim()).filter(Boolean);
    lines.push(`Attendance at the ${shortDate(meeting.date)} meeting ${c}:\n`, ...printed.map((l) => `> ${l}`));
  } else {
    // A meeting page that links its attendance elsewhere ("Attendance details") lists nobody itself.
    if (minutes.members.length + minutes.coopted.length + minutes.inAttendance.length + minutes.employees.length === 0) {
      return notFound(index, `The papers' record of the ${shortDate(meeting.date)} meeting does not list who attended.`);
    }
    const from = findLine(index, file, lineStart, firstItem, /^\s*Attendance\s*$/u) ?? lineStart;
    const c = cites.add(citeLines(index, file, from, firstItem - 1, `Minutes - ${shortDate(meeting.date)}, attendance`, meeting.date));
    lines.push(`Attendance at the ${shortDate(meeting.date)} meeting ${c}:\n`);
    if (minutes.members.length > 0) lines.push(`- Members: ${minutes.members.map((n) => `Cllr ${n}`).join(', ')}`);
    if (minutes.coopted.length > 0) lines.push(`- Co-opted: ${minutes.coopted.join('; ')}`);
    if (minutes.inAttendance.length > 0) lines.push(`- In attendance: ${minutes.inAttendance.join('; ')}`);
    if (minutes.employees.length > 0) lines.push(`- Employees: ${minutes.employees.map((e) => (e.role ? `${e.name} (${e.role})` : e.name)).join('; ')}`);
  }
  // Who came and who sent apologies are one question to a reader; the apologies come with it.
  if (minutes.apologies && u.said.has('asksApologies')) {
    const ap = minutes.apologies;
    const c = cites.add(citeLines(index, ap.source.file, ap.source.lineStart, ap.source.lineEnd, `Minutes - ${shortDate(meeting.date)}, apologies`, meeting.date));
    lines.push('', `Apologies ${c}:`, '', ...ap.text.split('\n').map((l) => `> ${l}`));
  }
  return { kind: 'meeting_info', text: lines.join('\n'), citations: cites.items, meeting, followUps: [`Apologies at the ${shortDate(meeting.date)} meeting?`] };
}


function answerChair(index: PaperIndex, u: Understanding): Answer {
  if (u.dates.length === 0) {
    const fromPage = chairFromCommitteePage(index, u) ?? chairFromAttendance(index, u);
    if (fromPage) return fromPage;
  }
  // A meeting named: who chaired that meeting is what its minutes record, not the committee's chair.
  if (u.dates.length === 1) {
    const own = chairOfMeeting(index, u);
    if (own) return own;
  }
  const targets = u.dates.length > 1 ? u.dates.map((d) => targetMeeting(index, { ...u, dates: [d] }, (m) => m.chair !== null)) : [targetMeeting(index, u, (m) => m.chair !== null && hasFrontSheet(m)) ?? targetMeeting(index, u, (m) => m.chair !== null)];
  const cites = new CitationList();
  const lines: string[] = [];
  for (const m of targets) {
    if (!m?.chair) continue;
    const rec = bestRecord(m);
    const line = findLine(index, rec.source.file, rec.source.lineStart, rec.source.lineEnd + 40, m.chair.split(' ').pop() ?? m.chair);
    const viceLine = m.viceChair ? findLine(index, rec.source.file, rec.source.lineStart, rec.source.lineEnd + 40, m.viceChair.split(' ').pop() ?? m.viceChair) : null;
    const from = Math.min(line ?? rec.source.lineStart, viceLine ?? Infinity);
    const to = Math.max(line ?? rec.source.lineStart, viceLine ?? 0);
    const c = cites.add(citeLines(index, rec.source.file, from, to, `${rec.evidence === 'front_sheet' ? 'Agenda front sheet' : 'Minutes'} - ${shortDate(m.date)}`, m.date));
    lines.push(`On ${shortDate(m.date)} the chair was Cllr ${m.chair}${m.viceChair ? ` and the vice-chair Cllr ${m.viceChair}` : ''} ${c}.`);
  }
  if (lines.length === 0) {
    // "When is the next meeting and who chairs it?": a meeting not yet papered has the committee's standing chair.
    const standing = u.dates.length > 0 ? chairFromCommitteePage(index, u) : null;
    if (standing) return { ...standing, text: `The papers name no chair for that meeting itself. ${standing.text}` };
    return (
      chairFromMinutes(index, u) ??
      chairFromAttendance(index, u) ??
      (u.committee ? chairNamedInPassing(index, u.committee, u.asOf) : null) ??
      notFound(index, `The papers do not name a chair of ${named(index, u)}.`)
    );
  }
  return { kind: 'meeting_info', text: lines.join('\n'), citations: cites.items, followUps: [`Who is on ${named(index, u)}?`, 'When is the next meeting?'] };
}

/** A line that says who chaired ("TS chaired meeting", "Chaired by A B", "A B (Chair)"): the text behind's chair lines. */
const CHAIR_MARK = TEXT_BEHIND.typeWanted.get('chair') ?? /(?!)/u;
/** A person's role given as chair in a list ("A B — Chair"), so the standing chair's apologies are told. */
const CHAIR_ROLE = phrase('chairRole');

/**
 * Who chaired the meeting asked, from its minutes: the attendance as printed down to the line that
 * marks who chaired (a member chairing in the chair's absence is marked there, not in the list), and
 * the standing chair's apologies where the minutes record them. Null when the minutes mark no chair.
 */
function chairOfMeeting(index: PaperIndex, u: Understanding): Answer | null {
  const meeting = targetMeeting(index, u, (m) => minutesOn(index, m.date)?.chair != null);
  const minutes = meeting ? minutesOn(index, meeting.date) : undefined;
  if (!meeting || !minutes?.chair) return null;
  const { file, lineStart } = minutes.source;
  const opening = minutes.attendanceSource?.lineStart ?? lineStart;
  const end = Math.max(minutes.attendanceSource?.lineEnd ?? lineStart, (minutes.items[0]?.source.lineStart ?? minutes.source.lineEnd) - 1);
  const marks: number[] = [];
  for (let n = lineStart; n <= end; n++) if (CHAIR_MARK.test(index.lines(file)?.at(n - 1) ?? '')) marks.push(n);
  if (marks.length === 0) return null;
  const from = Math.min(opening, marks[0]!);
  const to = Math.max(minutes.attendanceSource?.lineEnd ?? from, marks[marks.length - 1]!);
  const cites = new CitationList();
  const c = cites.add(citeLines(index, file, from, to, `Minutes - ${shortDate(meeting.date)}, attendance`, meeting.date));
  const lines = [`At the ${shortDate(meeting.date)} meeting the chair was ${minutes.chair} ${c}:`, '', ...marks.map((n) => `> ${printedLine(index, file, n)}`)];
  const ap = minutes.apologies;
  const chairAway = ap?.text.split('\n').filter((l) => CHAIR_ROLE.test(l)) ?? [];
  if (ap && chairAway.length > 0) {
    const a = cites.add(citeLines(index, ap.source.file, ap.source.lineStart, ap.source.lineEnd, `Minutes - ${shortDate(meeting.date)}, apologies`, meeting.date));
    lines.push('', `Apologies ${a}:`, '', ...chairAway.map((l) => `> ${l.trim()}`));
  }
  return { kind: 'meeting_info', text: lines.join('\n'), citations: cites.items, meeting, followUps: [`Who attended the ${shortDate(meeting.date)} meeting?`, 'When is the next meeting?'] };
}

/** Lines of a span naming each of `names` (by surname), in order, 1-based, without repeats. */
function linesNaming(index: PaperIndex, span: { file: string; lineStart: number; lineEnd: number }, names: readonly string[]): number[] {
  const found = names.map((n) => findLine(index, span.file, span.lineStart, span.lineEnd, n) ?? findLine(index, span.file, span.lineStart, span.lineEnd, n.split(' ').pop() ?? n));
  return [...new Set(found.filter((n): n is number => n !== null))].sort((a, b) => a - b);
}

/** The chair as the papers print it, each naming line quoted: "Councillor A B (Chair)". */
function chairAnswer(index: PaperIndex, u: Understanding, span: { file: string; lineStart: number; lineEnd: number }, chair: string, vice: string | null, title: string, date: string | null): Answer | null {
  const at = linesNaming(index, span, vice ? [chair, vice] : [chair]);
  if (at.length === 0) return null;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, span.file, at[0]!, at[at.length - 1]!, title, date));
  const printed = at.map((n) => printedLine(index, span.file, n));
  const who = named(index, u);
  const text = `${capital(who)} is chaired by Cllr ${chair}${vice ? `; the vice-chair is Cllr ${vice}` : ''} ${c}:\n\n${printed.map((l) => `- ${l}`).join('\n')}`;
  return { kind: 'meeting_info', text, citations: cites.items, followUps: [`Who is on ${who}?`, 'When is the next meeting?'] };
}

/** A committee page names the chair and vice-chair in its membership list. */
function chairFromCommitteePage(index: PaperIndex, u: Understanding): Answer | null {
  const c = committeeRecord(index, u.committee ?? null);
  if (!c?.chair) return null;
  return chairAnswer(index, u, c.source, c.chair, c.viceChair, `Committee details - ${c.name}`, null);
}

/** The committee's latest minutes, up to the day asked, that list who attended (and pass `want`). */
function latestAttendance(index: PaperIndex, u: Understanding, want: (m: Minutes) => boolean = () => true): Minutes | undefined {
  const dates = new Set(meetingsAsked(index, u).map((m) => m.date));
  return index.corpus.minutes
    .filter((m) => m.attendanceSource !== undefined && dates.has(m.meetingDate) && m.meetingDate <= u.asOf && want(m))
    .sort((a, b) => compareDates(a.meetingDate, b.meetingDate))
    .pop();
}

/** Without a committee page: the latest minutes (before the day asked) marking a "(Chair)" in their attendance. */
function chairFromAttendance(index: PaperIndex, u: Understanding): Answer | null {
  const minutes = latestAttendance(index, u, (m) => m.chair !== null);
  if (!minutes?.chair || !minutes.attendanceSource) return null;
  const answer = chairAnswer(index, u, minutes.attendanceSource, minutes.chair, minutes.viceChair, `Minutes - ${shortDate(minutes.meetingDate)}, attendance`, minutes.meetingDate);
  return answer ? { ...answer, text: `${answer.text}\n\n(As the minutes of the ${shortDate(minutes.meetingDate)} meeting record it.)` } : null;
}

const CHAIR_IN_MINUTES = phrase('chairInMinutes');

/** Minutes that list no chair often name one where they open ("Cllr A B, Chair, welcomed everyone"). */
function chairFromMinutes(index: PaperIndex, u: Understanding): Answer | null {
  const meeting = targetMeeting(index, u, (m) => minutesOn(index, m.date) !== undefined);
  const minutes = meeting ? minutesOn(index, meeting.date) : undefined;
  if (!meeting || !minutes) return null;
  const { file, lineStart, lineEnd } = minutes.source;
  const n = findLine(index, file, lineStart, lineEnd, CHAIR_IN_MINUTES);
  const name = n === null ? undefined : CHAIR_IN_MINUTES.exec(index.lines(file)?.at(n - 1) ?? '')?.[1];
  if (n === null || !name) return null;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, file, n, n, `Minutes - ${shortDate(meeting.date)}`, meeting.date));
  return { kind: 'meeting_info', text: `The minutes of the ${shortDate(meeting.date)} meeting name Cllr ${name} as chair ${c}.`, citations: cites.items, meeting, followUps: [] };
}

/** A committee page's membership list, quoted as printed, for "who is on the committee" with no date. */
function membersFromCommitteePage(index: PaperIndex, u: Understanding): Answer | null {
  const c = committeeRecord(index, u.committee ?? null);
  if (!c || c.members.length === 0 || u.detail === 'quorum') return null;
  const at = linesNaming(index, c.source, c.members.map((m) => m.name));
  if (at.length === 0) return null;
  const cites = new CitationList();
  const ref = cites.add(citeLines(index, c.source.file, at[0]!, at[at.length - 1]!, `Committee details - ${c.name}`, null));
  const printed = at.map((n) => printedLine(index, c.source.file, n));
  const subs = c.substitutes.length > 0 ? `\n\nSubstitutes: ${c.substitutes.join(', ')}.` : '';
  return { kind: 'meeting_info', text: `Members of ${named(index, u)} ${ref}:\n\n${printed.map((l) => `- ${l}`).join('\n')}${subs}`, citations: cites.items, followUps: [`Who chairs ${named(index, u)}?`, 'When is the next meeting?'] };
}

function answerMembership(index: PaperIndex, u: Reading): Answer {
  const fromPage = u.dates.length === 0 ? membersFromCommitteePage(index, u) : null;
  if (fromPage) return fromPage;
  const m = targetMeeting(index, u, (x) => hasFrontSheet(x) && (x.quorum !== null || x.members.length > 0));
  const sheet = m?.records.find((r) => r.evidence === 'front_sheet')?.source;
  if (!m || !sheet) {
    if (u.dates.length > 0 && m) return answerAttendance(index, u);
    // No front sheet or committee page lists the members: the latest minutes say who attended.
    const latest = latestAttendance(index, u)?.meetingDate;
    const attended = latest ? answerAttendance(index, { ...u, dates: [{ from: latest, to: latest, label: latest, exactDay: true }] }) : null;
    if (attended && attended.kind !== 'not_found') return { ...attended, text: `The papers list no membership of ${named(index, u)}; the minutes of its latest meeting record who attended.\n\n${attended.text}` };
    return notFound(index, 'The papers have no front sheet listing the panel for that meeting.');
  }
  const cites = new CitationList();
  const from = findLine(index, sheet.file, sheet.lineStart, sheet.lineEnd, /Membership|Chair/u) ?? sheet.lineStart;
  const c = cites.add(citeLines(index, sheet.file, from, sheet.lineEnd, `Agenda front sheet - ${shortDate(m.date)}, membership`, m.date));
  const parts: string[] = [];
  if (u.detail !== 'quorum' || m.quorum === null) {
    parts.push(`Membership for the ${shortDate(m.date)} meeting ${c}: chair Cllr ${m.chair ?? 'not named'}, vice-chair Cllr ${m.viceChair ?? 'not named'}.\n`);
    for (const g of m.members) parts.push(`- ${g.party}: ${g.members.map((n) => `Cllr ${n}`).join(', ')}`);
  }
  if (m.quorum) parts.push(`${m.quorum} ${c}`);
  return { kind: 'meeting_info', text: parts.join('\n'), citations: cites.items, meeting: m, followUps: ['Who chairs the panel?', 'When is the next meeting?'] };
}

function answerTimeVenue(index: PaperIndex, u: Reading): Answer {
  // Of a month's meetings, the one whose own papers give a venue says where the committee met.
  const m = targetMeeting(index, u, (x) => x.venue !== null && OWN_PAPERS.has(bestRecord(x).evidence)) ?? targetMeeting(index, u);
  if (!m) return notFound(index, 'The papers record no meeting on that date.');
  // "What time did it finish?": the minutes' closing line, not the start time.
  const minutes = u.said.has('asksEnd') ? minutesOn(index, m.date) : undefined;
  if (minutes) {
    const cites = new CitationList();
    const note = endedNote(index, minutes, cites).trim();
    return { kind: 'meeting_info', text: `The ${shortDate(m.date)} meeting: ${note}`, citations: cites.items, meeting: m, followUps: [] };
  }
  if (!m.time && !m.venue) {
    return headingOnly(index, u, m) ?? notFound(index, `The papers give no time or venue for the ${shortDate(m.date)} meeting.${onlyScheduledNote(m)}`);
  }
  const cites = new CitationList();
  const record = bestRecord(m);
  if (!HEADED.has(record.evidence)) {
    const c = citeMeeting(index, m, cites);
    return { kind: 'meeting_info', text: `The ${shortDate(m.date)} meeting is ${describe(m).replace(/^\w+ [\d\w ]+? (?=at|in)/u, '')} ${c}.`, citations: cites.items, meeting: m, followUps: [] };
  }
  // A meeting page or minutes heading: its dating line and its venue line, each quoted as printed.
  const { file, lineStart, lineEnd } = record.source;
  const dating = datingLine(index, m, record);
  const venue = m.venue ? findLine(index, file, lineStart, lineEnd, m.venue) : null;
  const at = [...new Set([dating, ...(venue === null ? [] : [venue])])].sort((a, b) => a - b);
  const c = cites.add(citeLines(index, file, at[0]!, at[at.length - 1]!, recordTitle(m, record), m.date));
  const printed = at.map((n) => printedLine(index, file, n));
  const when = m.date < u.asOf ? 'met' : 'meets';
  return {
    kind: 'meeting_info',
    text: `${capital(named(index, u))} ${when} on ${describe(m)} ${c}:\n\n${printed.map((l) => `- ${l}`).join('\n')}${conflictNote(m)}`,
    citations: cites.items,
    meeting: m,
    followUps: [],
  };
}

/** "It did not go ahead", in the tense of the day asked: a meeting still ahead "will not go ahead". */
function noneGoingAhead(index: PaperIndex, u: Understanding, meetings: readonly Meeting[], label: string): string {
  const [only] = meetings;
  if (meetings.length === 1 && only && u.dates.length === 1 && u.dates[0]!.exactDay) {
    const ahead = only.date >= u.asOf;
    return `The ${shortDate(only.date)} meeting of ${named(index, u)} ${ahead ? 'is' : 'was'} ${only.status}: it ${ahead ? 'will not go' : 'did not go'} ahead.`;
  }
  return `No meeting of ${named(index, u)}${label ? ` in ${label}` : ''} went ahead.`;
}

/**
 * A meeting whose papers give no time or venue the parser read: its own record's heading line that
 * dates it ("Minutes of a meeting held on 3 June 2021 via Zoom") says how and where it was held, if
 * anything does. Null when its own papers print no such line.
 */
function headingOnly(index: PaperIndex, u: Understanding, m: Meeting): Answer | null {
  const record = heldRecord(m);
  if (!HEADED.has(record.evidence) && record.evidence !== 'front_sheet') return null;
  const { file, lineStart, lineEnd } = record.source;
  const n = findLine(index, file, lineStart, Math.min(lineEnd, lineStart + MAX_HEADING_LINES), datePrinted(m.date));
  if (n === null) return null;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, file, n, n, recordTitle(m, record), m.date));
  const text = `The papers give no start time or venue for the ${shortDate(m.date)} meeting of ${named(index, u)}; its ${recordTitleOf(record.evidence).toLowerCase()} open ${c}:\n\n> ${printedLine(index, file, n)}`;
  return { kind: 'meeting_info', text, citations: cites.items, meeting: m, followUps: [] };
}

const PLAN_QUESTION = phrase('asksPlan');

export function answerMeetingList(index: PaperIndex, u: Understanding): Answer {
  if (PLAN_QUESTION.test(u.text)) {
    const planned = planMeetingList(index, u);
    if (planned) return planned;
  }
  const meetings = meetingsAsked(index, u).filter((m) => u.dates.length === 0 || u.dates.some((d) => inRef(m.date, d)));
  const who = named(index, u);
  if (meetings.length === 0) {
    const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ');
    return notFound(index, `The papers record no meeting of ${who} in ${label}.`);
  }
  if (meetings.some((m) => m.records.some((r) => r.evidence === 'meetings_list'))) return listedMeetings(index, u, meetings);
  const packs = meetings.filter(hasFrontSheet);
  const minuted = meetings.filter((m) => !hasFrontSheet(m) && m.records.some((r) => r.evidence === 'minutes'));
  const cites = new CitationList();
  const lines = ['Agenda packs in the papers:', ''];
  for (const m of packs) lines.push(`- ${describe(m)} ${citeMeeting(index, m, cites)}${conflictNote(m)}`);
  if (minuted.length > 0) {
    lines.push('', 'Minutes of other meetings in the papers:', '');
    for (const m of minuted) lines.push(`- ${longDate(m.date)} ${citeMeeting(index, m, cites)}`);
  }
  const scheduled = meetings.filter((m) => !m.hasPapers);
  if (scheduled.length > 0) lines.push('', `Dates known only from work programmes or references: ${scheduled.map((m) => shortDate(m.date)).join(', ')}.`);
  for (const m of scheduled.filter((x) => x.conflicts.length > 0)) lines.push(conflictNote(m).trim());
  return { kind: 'meeting_list', text: lines.join('\n'), citations: cites.items, followUps: [] };
}

/**
 * Meetings a meetings list shows, each with its list line quoted and where it stands (held, cancelled,
 * scheduled): the list's lines for the whole range are the first citation.
 */
function listedMeetings(index: PaperIndex, u: Understanding, meetings: readonly Meeting[]): Answer {
  const cites = new CitationList();
  const listed = meetings.flatMap((m) => m.records.filter((r) => r.evidence === 'meetings_list'));
  const file = listed[0]!.source.file;
  // None of them going ahead, the same list's next meeting that does is the rest of the answer, quoted with them.
  const after = meetings.every(notGoingAhead) ? nextListedAfter(index, meetings, file) : null;
  const inFile = [...listed, ...(after?.records ?? [])].filter((r) => r.source.file === file && r.evidence === 'meetings_list');
  const from = Math.min(...inFile.map((r) => r.source.lineStart));
  const to = Math.max(...inFile.map((r) => r.source.lineEnd));
  const c = cites.add(citeLines(index, file, from, to, recordTitleOf('meetings_list'), null));
  const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label.replace(/\b\p{Ll}/gu, (l) => l.toUpperCase()))).join(', ');
  const lines = [`Meetings of ${named(index, u)}${label ? ` listed for ${label}` : ' in the papers'} ${c}:`, ''];
  // "Did it meet in December?": when none of them went ahead, that is the answer, before the list.
  if (meetings.every(notGoingAhead)) lines.unshift(noneGoingAhead(index, u, meetings, label), '');
  if (after) lines.splice(1, 0, `The next meeting listed: ${describe(after)} (${statusWords(after)}).`);
  for (const m of [...meetings].reverse()) {
    const r = statusRecord(m);
    const line = recordLine(index, r) ?? describe(m);
    lines.push(`- ${line} (${statusWords(m)})${r.evidence === 'meetings_list' && r.source.file === file ? '' : ` ${citeMeeting(index, m, cites, r)}`}${conflictNote(m)}`);
  }
  return { kind: 'meeting_list', text: lines.join('\n'), citations: cites.items, followUps: [] };
}

/** The first meeting after `meetings`, of the same committee, that one list (`file`) shows going ahead. */
function nextListedAfter(index: PaperIndex, meetings: readonly Meeting[], file: string): Meeting | null {
  const last = meetings.reduce((a, b) => (b.date > a.date ? b : a));
  return (
    index.corpus.meetings
      .filter((m) => m.canonicalCommittee === last.canonicalCommittee && m.date > last.date && !notGoingAhead(m))
      .filter((m) => m.records.some((r) => r.evidence === 'meetings_list' && r.source.file === file))
      .sort((a, b) => a.date.localeCompare(b.date))[0] ?? null
  );
}

/** The date a plan was published, from its opening lines ("This update published: 18th February 2026"). */
function planDate(index: PaperIndex, file: string): string | null {
  const lines = index.lines(file)?.slice(0, 20) ?? [];
  return findDates(lines.join('\n'))[0]?.date ?? null;
}

/**
 * "Which meeting dates are in the February forward plan": the meetings a plan lists, each row's line
 * quoted. The date names the plan (its publication), not the meetings; without one, the newest plan.
 */
function planMeetingList(index: PaperIndex, u: Understanding): Answer | null {
  const dates = new Set(meetingsAsked(index, u).map((m) => m.date));
  const rows = index.corpus.workProgramme.filter((r) => r.meetingDate !== null && dates.has(r.meetingDate));
  const files = [...new Set(rows.map((r) => r.source.file))];
  const dated = u.dates.length > 0 ? files.filter((f) => u.dates.some((d) => inRef(planDate(index, f), d))) : [];
  const file = dated.length === 1 ? dated[0]! : newestPlanFile(index, rows);
  if (!file) return null;
  const meetings = meetingsAsked(index, u).filter((m) => m.records.some((r) => r.source.file === file && (r.evidence === 'forward_plan' || r.evidence === 'work_programme')));
  if (meetings.length === 0) return null;
  const cites = new CitationList();
  const title = index.corpus.papers.find((p) => p.source.file === file)?.title ?? recordTitleOf('forward_plan');
  const published = planDate(index, file);
  const lines = [`Meeting dates of ${named(index, u)} in the plan${published ? ` published ${shortDate(published)}` : ''} (${title}):`, ''];
  for (const m of meetings) {
    const r = m.records.find((x) => x.source.file === file && (x.evidence === 'forward_plan' || x.evidence === 'work_programme'))!;
    const n = findLine(index, file, r.source.lineStart, r.source.lineEnd, /\d{4}/u) ?? r.source.lineStart;
    const line = printedLine(index, file, n);
    lines.push(`- ${longDate(m.date)} (${statusWords(m)}): ${line} ${cites.add(citeLines(index, file, n, n, `${title} - ${shortDate(m.date)}`, m.date))}`);
  }
  return { kind: 'meeting_list', text: lines.join('\n'), citations: cites.items, followUps: [] };
}

export function answerAgenda(index: PaperIndex, u: Understanding): Answer {
  const next = u.dates.length === 0 && /\bnext\b/u.test(u.text) ? (meetingsAsked(index, u).find((x) => x.date > u.asOf && !notGoingAhead(x)) ?? null) : null;
  const m = next ?? targetMeeting(index, u, (x) => index.corpus.agendaItems.some((i) => i.meetingDate === x.date));
  if (!m) return notFound(index, 'The papers have no agenda for that meeting.');
  const items = index.corpus.agendaItems.filter((i) => i.meetingDate === m.date);
  const cites = new CitationList();
  if (items.length === 0) {
    // No agenda in the papers: the minutes say what the meeting took, or a work programme what it will.
    const minuted = index.corpus.minutes.find((x) => x.meetingDate === m.date);
    if (minuted && minuted.items.length > 0) {
      const list = minuted.items.map((i) => `- ${i.number}. ${i.title} ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineStart, `Minutes - ${shortDate(m.date)}, item ${i.number}`, m.date))}`);
      return { kind: 'agenda', text: `No agenda for ${shortDate(m.date)} is in the papers; its minutes record these items:\n\n${list.join('\n')}`, citations: cites.items, meeting: m, followUps: [`What did the panel resolve on ${shortDate(m.date)}?`] };
    }
    const rows = index.corpus.workProgramme.filter((r) => r.meetingDate === m.date);
    if (rows.length === 0) return notFound(index, `The papers have no agenda for the ${shortDate(m.date)} meeting.`);
    const list = rows.map((r) => `- ${r.item} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme - ${shortDate(m.date)}`, m.date))}`);
    return { kind: 'agenda', text: `No agenda for ${shortDate(m.date)} is in the papers; the work programme lists:\n\n${list.join('\n')}`, citations: cites.items, meeting: m, followUps: [] };
  }
  const first = items[0]!.source;
  const last = items[items.length - 1]!.source;
  const c = cites.add(citeLines(index, first.file, first.lineStart, last.lineEnd, `Agenda - ${shortDate(m.date)}`, m.date));
  const list = items.map((i) => `- ${i.number}. ${i.title}${i.pages ? ` (pages ${i.pages[0]}-${i.pages[1]})` : ''}${i.presenter ? ` — ${i.presenter}` : ''}`);
  return {
    kind: 'agenda',
    text: `Agenda for ${describe(m)} ${c}:\n\n${list.join('\n')}`,
    citations: cites.items,
    meeting: m,
    agendaItems: items,
    followUps: [`Who chairs the ${shortDate(m.date)} meeting?`, 'When is the next meeting?'],
  };
}

/** Call-in: the agenda marks pre-decision items "not available for Call-in"; answer from that note. */
export function answerCallIn(index: PaperIndex, u: Understanding): Answer {
  const typed = u.typed.filter((t) => !/^(?:call|in|decision|called|can|be)$/u.test(t));
  const titles = answerLookups(index).agendaTitles.match(u.topic, typed);
  const items = [...titles]
    .map(([id, m]) => ({ i: index.corpus.agendaItems[id]!, m }))
    .filter((x) => x.m.coverage >= 0.5)
    .sort((a, b) => Number(/call-?in/iu.test(b.i.note ?? '')) - Number(/call-?in/iu.test(a.i.note ?? '')) || b.m.hits - a.m.hits || compareDates(b.i.meetingDate, a.i.meetingDate));
  const item = items[0]?.i;
  if (!item) return notFound(index, 'I could not find that item on an agenda in the papers.');
  const cites = new CitationList();
  const { file, lineStart, lineEnd } = item.source;
  const noteLine = findLine(index, file, lineStart, lineEnd, /call-?in/iu);
  const c = cites.add(citeLines(index, file, noteLine ?? lineStart, noteLine ?? lineEnd, `Agenda - ${shortDate(item.meetingDate)}, item ${item.number} ${item.title}`, item.meetingDate));
  const text = noteLine
    ? `Item ${item.number}, "${item.title}" (${shortDate(item.meetingDate)}), is marked ${c}:\n> ${(index.lines(file)?.at(noteLine - 1) ?? '').trim()}`
    : `Item ${item.number}, "${item.title}" (${shortDate(item.meetingDate)}), carries no call-in note on the agenda ${c}.`;
  return { kind: 'agenda', text, citations: cites.items, agendaItems: [item], followUps: [] };
}

/**
 * "What page is the VSH report on in the pack", "the report to follow: who's doing it": one agenda item,
 * cited by its own lines (pages, presenter, note), from the meeting the question names or nearest the day asked.
 */
export function answerAgendaItem(index: PaperIndex, u: Understanding): Answer {
  const t = Date.parse(u.asOf);
  const titles = answerLookups(index).agendaTitles.match(u.topic, u.typed);
  const items = [...titles]
    .map(([id, m]) => ({ i: index.corpus.agendaItems[id]!, m }))
    .filter(({ i, m }) => m.coverage >= 0.5 && (u.dates.length === 0 || u.dates.some((d) => inRef(i.meetingDate, d))))
    .sort((a, b) => b.m.coverage - a.m.coverage || b.m.hits - a.m.hits || Math.abs(Date.parse(a.i.meetingDate) - t) - Math.abs(Date.parse(b.i.meetingDate) - t));
  const best = items[0]?.i;
  if (!best) return answerAgenda(index, u);
  const cites = new CitationList();
  const c = cites.add(citeLines(index, best.source.file, best.source.lineStart, best.source.lineEnd, `Agenda - ${shortDate(best.meetingDate)}, item ${best.number}`, best.meetingDate));
  const details = [
    best.pages ? `pages ${best.pages[0]} to ${best.pages[1]} of the pack` : /\bto follow\b/iu.test(best.title) ? 'not in the pack: the report is to follow' : null,
    best.presenter ? `presented by ${best.presenter}` : null,
  ].filter(Boolean);
  return {
    kind: 'agenda',
    text: `Item ${best.number} on the ${shortDate(best.meetingDate)} agenda, "${best.title}"${details.length > 0 ? `: ${details.join('; ')}` : ''} ${c}.`,
    citations: cites.items,
    followUps: [],
  };
}
