import type { SourceDocument } from '../../ingest';
import type { Attendee, Meeting, MinuteItem, Minutes, Paper, Resolution } from '../../model';
import { findDates, findTime } from '../dates';
import { isBlank, type PageOf, personName, span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { recordedVotes, sentencesIn } from '../recordedVotes';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, joinHeading, keptText, longDate, meetingRecord, openingLines, pageFurniture, pagesOf, POINT } from './common';
import type { PaperReader } from './index';

const D = VOCABULARY.decision;

/**
 * Printed minutes published on their own (not bound in an agenda pack): "Minutes of the <Committee>",
 * the date and time, attendance blocks, numbered minute items with their decisions and recorded votes.
 */
export const PRINTED_MINUTES: PaperReader = { layout: 'printed_minutes', recognises, read };

function recognises(doc: SourceDocument): boolean {
  const open = openingLines(doc, 10);
  const at = open.findIndex((l) => VOCABULARY.minutesHeading.test(l));
  return at >= 0 && open.slice(at, at + 5).some((l) => findDates(l).length > 0);
}

function read(doc: SourceDocument): Omit<ParsedFile, 'layout'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const skip = pageFurniture(doc);
  const headingAt = lines.findIndex((l) => VOCABULARY.minutesHeading.test(l.trim()));
  let dateAt = headingAt;
  while (dateAt < lines.length && findDates(lines[dateAt] ?? '').length === 0) dateAt++;
  const dateLine = lines[dateAt] ?? '';
  const date = findDates(dateLine)[0]!;
  const headingParts = lines.slice(headingAt, dateAt + 1).map((l, k) => (k === 0 ? (VOCABULARY.minutesHeading.exec(l.trim())?.[1] ?? '') : l));
  const last = headingParts.length - 1;
  headingParts[last] = (headingParts[last] ?? '').slice(0, date.index).replace(/\b(?:held\s+)?on\s*$|[,–-]\s*$/iu, '');
  const committee = joinHeading(headingParts) || null;
  const meetingDate = date.date;

  const end = minutesEnd(lines, dateAt + 1);
  const heads = itemHeads(lines, dateAt + 1, end, skip);
  const attendanceEnd = (heads[0]?.index ?? end + 1) - 1;
  const attendance = readAttendance(lines, dateAt + 1, attendanceEnd, skip);
  const attendanceFrom = nextKept(lines, dateAt + 1, attendanceEnd, skip);
  const items: MinuteItem[] = heads.map((head, h) => {
    const stop = (heads[h + 1]?.index ?? end + 1) - 1;
    return {
      meetingDate,
      number: head.number,
      title: head.title,
      body: keptText(lines, head.bodyFrom, stop, skip),
      resolutions: resolutionsIn(file, lines, head, stop, meetingDate, skip, pageOf),
      votes: recordedVotes(file, lines, head.bodyFrom, stop, skip, pageOf),
      source: span(file, head.index, lastKept(lines, head.index, stop, skip), pageOf),
    };
  });

  const apologies = items.find((i) => VOCABULARY.standingItems.apologies.test(i.title));
  const declarations = items.find((i) => VOCABULARY.standingItems.declarations.test(i.title));
  // "Councillor Hucker attended as substitute": the full name from the attendance list where it is there.
  const substitutes = apologies
    ? [...apologies.body.replace(/\s+/gu, ' ').matchAll(VOCABULARY.substitute)].map((m) => {
        const name = (m[1] ?? '').trim();
        return attendance.members.find((member) => member === name || member.endsWith(` ${name}`)) ?? name;
      })
    : [];
  const source = span(file, 0, lines.length - 1, pageOf);
  const minutes: Minutes = {
    meetingDate,
    committee,
    ...attendance,
    ...(attendanceFrom >= 0 ? { attendanceSource: span(file, attendanceFrom, lastKept(lines, attendanceFrom, attendanceEnd, skip), pageOf) } : {}),
    substitutes,
    apologies: apologies ? { text: apologies.body, source: apologies.source } : null,
    declarations: declarations ? { text: declarations.body, source: declarations.source } : null,
    items,
    source,
  };
  const meetings: Meeting[] = [
    meetingRecord(committee, meetingDate, 'held', 'minutes', span(file, headingAt, dateAt, pageOf), {
      time: findTime(dateLine.slice(date.index + date.length)),
      chair: attendance.chair,
      viceChair: attendance.viceChair,
      hasPapers: true,
    }),
    ...nextMeetings(file, lines, committee, skip, pageOf),
  ];
  const paper: Paper = { kind: 'minutes', title: `Minutes - ${longDate(meetingDate)}`, meetingDate, source };
  return fileFindings(doc, { papers: [paper], meetings, minutes: [minutes] });
}

/** The "Meeting ended at ..." line, or the last line. */
function minutesEnd(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (VOCABULARY.meetingEnd.test((lines[i] ?? '').trim())) return i - 1;
  return lines.length - 1;
}

function lastKept(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): number {
  for (let i = to; i > from; i--) if (!skip.has(i) && !isBlank(lines[i])) return i;
  return from;
}

interface ItemHead {
  readonly index: number;
  readonly bodyFrom: number;
  readonly number: string;
  readonly title: string;
}

/** "8<TAB>20 mph Review", "10 Workplace Parking Levy", "24. Title", "24/25 Title", or the number alone above its title. */
const HEAD = /^([1-9]\d{0,2})(\/\d{2,4})?(\.)?(?:\s+(.*))?$/u;

/**
 * Minute items count upward; a heading follows a blank line, and every heading is numbered the way the
 * first one is ("8" or "8."), which keeps the numbered points of a decision ("8. Delegates authority") out.
 */
function itemHeads(lines: readonly string[], from: number, end: number, skip: ReadonlySet<number>): ItemHead[] {
  const heads: ItemHead[] = [];
  let style: string | null = null;
  let lastNumber = 0;
  let previousBlank = true;
  for (let i = from; i <= end; i++) {
    if (skip.has(i)) continue;
    const raw = (lines[i] ?? '').trim();
    const afterBlank = previousBlank;
    previousBlank = raw === '';
    if (!raw || !afterBlank) continue;
    const m = HEAD.exec(raw);
    if (!m) continue;
    const n = Number(m[1]);
    const marks = `${m[2] ? '/' : ''}${m[3] ?? ''}`;
    let title = (m[4] ?? '').trim();
    let bodyFrom = i + 1;
    if (!title) {
      const next = nextKept(lines, i + 1, end, skip);
      if (next < 0) continue;
      title = (lines[next] ?? '').trim();
      bodyFrom = next + 1;
    }
    const first = heads.length === 0;
    const inSequence = first ? n <= 6 || VOCABULARY.standingItems.apologies.test(title) : n > lastNumber && n <= lastNumber + 3;
    if (!inSequence || (!first && marks !== style) || !isTitle(title)) continue;
    // A heading too long for its line runs on: "... parking policies" / "and charges".
    const more = lines[bodyFrom] ?? '';
    if (!skip.has(bodyFrom) && /^[a-z]/u.test(more.trim())) {
      title = `${title} ${more.trim()}`;
      bodyFrom++;
    }
    heads.push({ index: i, bodyFrom, number: m[2] ? `${m[1]}${m[2]}` : String(n), title });
    style = marks;
    lastNumber = n;
  }
  return heads;
}

function nextKept(lines: readonly string[], from: number, end: number, skip: ReadonlySet<number>): number {
  for (let i = from; i <= Math.min(end, from + 3); i++) if (!skip.has(i) && !isBlank(lines[i])) return i;
  return -1;
}

function isTitle(text: string): boolean {
  return text.length >= 3 && text.length <= 160 && /^[A-Z0-9'‘"(]/u.test(text) && !(/\.\s*$/u.test(text) && text.length > 60) && !D.opener.test(text) && !D.label.test(text);
}

interface Attendance {
  chair: string | null;
  viceChair: string | null;
  members: string[];
  coopted: string[];
  inAttendance: string[];
  employees: Attendee[];
}

/** The attendance blocks between the date and the first item, by their labels. */
function readAttendance(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): Attendance {
  const A = VOCABULARY.attendance;
  const text: Record<'members' | 'officers' | 'alsoPresent', string> = { members: '', officers: '', alsoPresent: '' };
  let section: keyof typeof text | null = null;
  for (let i = from; i <= to; i++) {
    if (skip.has(i)) continue;
    let raw = (lines[i] ?? '').trim();
    if (!raw) continue;
    for (const [name, label] of [['officers', A.officers], ['alsoPresent', A.alsoPresent], ['members', A.members]] as const) {
      const m = label.exec(raw);
      if (m && m.index === 0) {
        if (!(name === 'members' && section === 'members')) section = name;
        raw = raw.slice(m[0].length).replace(/^\s*[:;-]+\s*-?\s*/u, '');
        break;
      }
    }
    if (section && raw) text[section] += ` ${raw}`;
  }
  const out: Attendance = { chair: null, viceChair: null, members: [], coopted: [], inAttendance: [], employees: [] };
  for (const entry of splitList(text.members.replace(/^\s*Councillors?\s*:\s*/iu, ''))) {
    const name = personName(entry);
    if (!name) continue;
    if (A.chairMark.test(entry) && !out.chair) out.chair = name;
    if (A.viceChairMark.test(entry) && !out.viceChair) out.viceChair = name;
    out.members.push(name);
  }
  out.employees.push(...people(text.officers));
  out.inAttendance.push(...people(text.alsoPresent).map((p) => (p.role ? `${p.name} (${p.role})` : p.name)));
  return out;
}

/** "A (Chair), B and C": names split at commas and a last "and", brackets kept whole. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if (c === ',' && depth === 0) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts.flatMap((p) => p.split(/\s+and\s+(?![^(]*\))/u)).map((p) => p.trim()).filter(Boolean);
}

/** "John Smith (Executive Director: Growth), Ann Roe (Head of X) and Bo Li": names with their roles. */
function people(text: string): Attendee[] {
  return splitList(text).map((entry) => {
    const m = /^([^(]*?)\s*\((.*)\)\s*$/u.exec(entry);
    return m ? { name: personName(m[1] ?? ''), role: (m[2] ?? '').trim() || null } : { name: personName(entry), role: null };
  }).filter((p) => p.name.length > 0);
}

/**
 * The decisions of one item, verbatim. A decision block opens at a decision label ("It was APPROVED
 * that;", "RESOLVED:", "That the Committee ...:"), taking in the motion and vote lines just before it,
 * and runs through its points until the next motion, label, "not approved" line or sub-heading. An item
 * with no label keeps its plain decisions ("The Committee ... noted the report.") as unlabelled ones.
 */
function resolutionsIn(file: string, lines: readonly string[], head: ItemHead, stop: number, meetingDate: string, skip: ReadonlySet<number>, pageOf: PageOf): Resolution[] {
  const base = { meetingDate, itemNumber: head.number, itemTitle: head.title };
  const out: Resolution[] = [];
  let block: { first: number; kept: number[]; points: string[]; afterLabel: boolean; lastBlank: boolean } | null = null;
  let voteFrom: number | null = null;
  const close = (): void => {
    if (block && block.kept.length > 0) {
      const text = block.kept.map((i) => (lines[i] ?? '').trim()).join('\n');
      const points = block.points.length > 0 ? block.points : [text];
      out.push({ ...base, text, points, labelled: true, source: span(file, block.kept[0]!, block.kept[block.kept.length - 1]!, pageOf) });
    }
    block = null;
    voteFrom = null;
  };
  let blankBefore = false;
  let afterFurniture = false;
  for (let i = head.bodyFrom; i <= stop; i++) {
    if (skip.has(i)) {
      // A page break is not a paragraph break: the blank line after a page's furniture is ignored.
      afterFurniture = true;
      continue;
    }
    const line = (lines[i] ?? '').trim();
    if (!line) {
      blankBefore ||= !afterFurniture;
      continue;
    }
    afterFurniture = false;
    const paragraphStart = blankBefore;
    blankBefore = false;
    const label = D.label.test(line) || D.opener.test(line);
    const vote = !label && (VOCABULARY.vote.mover.test(line) || VOCABULARY.vote.putToVote.test(line) || /\bseconded by\b/iu.test(line));
    const breaks = D.rejected.test(line) || D.subheading.test(line);
    const point = POINT.exec(line);
    const current = block as { first: number; kept: number[]; points: string[]; afterLabel: boolean; lastBlank: boolean } | null;
    if (current) {
      const ends = vote || breaks || (label && current.points.length > 0) || (current.points.length > 0 && paragraphStart && !point && !/:\s*$/u.test(line));
      if (ends) close();
      else {
        current.kept.push(i);
        if (point) current.points.push(point[1] ?? '');
        else if (current.points.length > 0 && !paragraphStart) current.points[current.points.length - 1] += ` ${line}`;
        else if (!label && !/:\s*$/u.test(line)) current.points.push(line);
        else if (label && hasDecisionWords(line)) current.points.push(line);
        continue;
      }
    }
    if (breaks) {
      voteFrom = null;
      continue;
    }
    if (label) {
      const from = voteFrom ?? i;
      const kept: number[] = [];
      for (let k = from; k <= i; k++) if (!skip.has(k) && !isBlank(lines[k])) kept.push(k);
      const points = point ? [point[1] ?? ''] : hasDecisionWords(line) ? [line] : [];
      block = { first: from, kept, points, afterLabel: true, lastBlank: false };
      continue;
    }
    if (vote) {
      voteFrom ??= i;
      continue;
    }
  }
  close();
  if (out.length > 0) return out;
  // Unlabelled decisions: a noting, or the previous minutes agreed.
  for (const s of sentencesIn(lines, head.bodyFrom, stop, skip)) {
    if (!(D.noted.test(s.text) || D.minutesApproved.test(s.text))) continue;
    // The whole paragraph: "... noted the closure report. The strategy will be brought to Committee in due course."
    let last = s.last;
    while (last < stop && !isBlank(lines[last + 1]) && !skip.has(last + 1)) last++;
    const text = keptText(lines, s.first, last, skip);
    out.push({ ...base, text, points: [text.replace(/\s*\n\s*/gu, ' ')], labelled: false, source: span(file, s.first, last, pageOf) });
  }
  return out;
}

/** A label line that is itself the decision ("It was AGREED that the Committee note the petition"), not just "It was APPROVED that;". */
function hasDecisionWords(line: string): boolean {
  const after = line.replace(/^.*?\b(?:RESOLVED|APPROVED|AGREED|resolved|approved|agreed)\b\s*(?:that)?\s*[:;.,-]*\s*/u, '');
  return after.length >= 12 && /[a-z]/u.test(after) && !/:\s*$/u.test(line);
}

/** "The next meeting will be held on 4 June 2026": a scheduled meeting of the same committee. */
function nextMeetings(file: string, lines: readonly string[], committee: string | null, skip: ReadonlySet<number>, pageOf: PageOf): Meeting[] {
  const out: Meeting[] = [];
  for (const s of sentencesIn(lines, 0, lines.length - 1, skip)) {
    const m = VOCABULARY.nextMeeting.exec(s.text);
    const date = m ? findDates(s.text.slice(m.index))[0] : undefined;
    if (date) out.push(meetingRecord(committee, date.date, 'scheduled', 'next_meeting_note', span(file, s.first, s.last, pageOf), { time: findTime(s.text.slice(m!.index + date.index))?.replace(/(?<=[ap]m)\.$/iu, '') ?? null }));
  }
  return out;
}
