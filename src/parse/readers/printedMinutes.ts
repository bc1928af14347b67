import type { SourceDocument } from '../../ingest';
import type { Attendee, Meeting, MinuteItem, Minutes, Paper, Resolution } from '../../model';
import { findDates, findTime } from '../dates';
import { isBlank, type PageOf, personName, span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { recordedVotes, sentencesIn } from '../recordedVotes';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, joinHeading, keptText, longDate, meetingRecord, openingLines, pageFurniture, pagesOf, POINT } from './common';
import { councilName, councilNamed, markdownLine, nextMeetings, plainText, titleCase } from './meetingText';
import { findCommitteeName } from '../committees';
import type { PaperReader } from './index';

const D = VOCABULARY.decision;

/**
 * Printed minutes published on their own (not bound in an agenda pack): "Minutes of the <Committee>",
 * the date and time, attendance blocks, numbered minute items with their decisions and recorded votes.
 */
export const PRINTED_MINUTES: PaperReader = { layout: 'printed_minutes', recognises, read };

function recognises(doc: SourceDocument): boolean {
  if (frontMatterMinutes(doc)) return true;
  const open = openingLines(doc, 10);
  const at = open.findIndex((l) => VOCABULARY.minutesHeading.test(l));
  return at >= 0 && open.slice(at, at + 5).some((l) => findDates(l).length > 0);
}

/**
 * A Markdown post that is minutes: front matter that says so (a title, type, category or tag with
 * "minutes"), or a post that reads as minutes (an attendance label and apologies near its top); dated by
 * the date in its title, else the front matter's date.
 */
function frontMatterMinutes(doc: SourceDocument): { date: string; title: string; titled: boolean } | null {
  const fields = doc.frontMatter?.fields;
  if (!fields) return null;
  const title = fields['title'] ?? '';
  const said = ['title', 'type', 'category', 'categories', 'tags', 'layout'].some((k) => /\bminutes\b/iu.test(fields[k] ?? ''));
  if (!said && !readsAsMinutes(doc.lines.slice(doc.frontMatter!.lineCount, doc.frontMatter!.lineCount + 40))) return null;
  const iso = /^(\d{4}-\d{2}-\d{2})\b/u.exec(fields['date'] ?? '')?.[1];
  // The title's date first, as identity reads it: a site's `date` is often when the post was published.
  const titled = findDates(title)[0]?.date;
  const date = titled ?? iso;
  return date ? { date, title, titled: titled !== undefined } : null;
}

/** An attendance label ("Present:", "In Attendance:") and an apologies line among a text's first lines: how minutes open, whatever they are titled. */
function readsAsMinutes(top: readonly string[]): boolean {
  const plain = top.map((l) => markdownLine(l));
  return plain.some((l) => labelOf(l) !== null) && plain.some((l) => VOCABULARY.standingItems.apologies.test(l));
}

interface Heading {
  readonly committee: string | null;
  readonly date: string;
  /** The heading's first and last lines (the date line), 0-based. */
  readonly from: number;
  readonly to: number;
  /** Text after the date on its line, where the time is. */
  readonly afterDate: string;
  /** Where the meeting was held, where the heading says. */
  readonly venue: string | null;
  /** Where the minutes' text starts, after the heading (or the front matter). */
  readonly bodyFrom: number;
}

/**
 * "Minutes of the <Committee>" down to the date line, the committee cut where the heading goes on to
 * say where or when it met ("Cabinet held in the Council Chamber, ... on Thursday" is "Cabinet"); or a
 * Markdown post's front matter. A heading that names no committee ("Minutes of a Meeting held on ...")
 * takes the council named above it or, failing that, the council the minutes name most.
 */
function readHeading(doc: SourceDocument): Heading {
  const { lines } = doc;
  const post = frontMatterMinutes(doc);
  if (post) {
    const bodyFrom = doc.frontMatter?.lineCount ?? 0;
    const committee = councilNamed(lines, bodyFrom);
    // The post's own dated heading ("**MONDAY 2 JUNE 2025**" / "Held in the Village Hall at 7 p.m.") records
    // the meeting where it dates it as the post does (or the post's title gives no date); else the title line.
    const dated = datedHeadingLine(lines, bodyFrom);
    if (dated && (dated.date === post.date || !post.titled)) {
      const venue = venueNear(lines, dated.at, dated.afterDate);
      return { committee, date: dated.date, from: dated.at, to: venue?.at ?? dated.at, afterDate: dated.afterDate, venue: venue?.venue ?? null, bodyFrom };
    }
    // The meeting is recorded by the post's title line, never the front matter's fences.
    const titleAt = Math.max(0, lines.slice(0, bodyFrom).findIndex((l) => /^title\s*:/iu.test(l)));
    return { committee, date: post.date, from: titleAt, to: titleAt, afterDate: '', venue: null, bodyFrom };
  }
  const headingAt = lines.findIndex((l) => VOCABULARY.minutesHeading.test(l.trim()));
  let dateAt = headingAt;
  while (dateAt < lines.length && findDates(lines[dateAt] ?? '').length === 0) dateAt++;
  const dateLine = lines[dateAt] ?? '';
  const date = findDates(dateLine)[0]!;
  const headingParts = lines.slice(headingAt, dateAt + 1).map((l, k) => (k === 0 ? (VOCABULARY.minutesHeading.exec(l.trim())?.[1] ?? '') : l));
  const last = headingParts.length - 1;
  headingParts[last] = (headingParts[last] ?? '').slice(0, date.index).replace(/\b(?:held\s+)?on\s*$|[,–-]\s*$/iu, '');
  const named = joinHeading(headingParts).replace(VOCABULARY.committeeEnds, '').replace(/[\s,–-]+$/u, '');
  const committee = named ? titleCase(named) : (nameAbove(lines, headingAt) ?? councilNamed(lines, 0));
  const afterDate = dateLine.slice(date.index + date.length);
  const venue = venueNear(lines, dateAt, afterDate);
  return { committee, date: date.date, from: headingAt, to: dateAt, afterDate, venue: venue?.venue ?? null, bodyFrom: dateAt + 1 };
}

/** Lines of a post's text its heading is among ("GOVERNING COUNCIL" / "MINUTES OF ..." / the dateline). */
const POST_HEADING_LINES = 6;

/** The first dated line of a post's heading, with the text after its date (where the time and place are). */
function datedHeadingLine(lines: readonly string[], from: number): { at: number; date: string; afterDate: string } | null {
  let seen = 0;
  for (let i = from; i < lines.length && seen < POST_HEADING_LINES; i++) {
    const text = plainText((lines[i] ?? '').trim());
    if (!text) continue;
    seen++;
    const d = findDates(text)[0];
    if (d) return { at: i, date: d.date, afterDate: text.slice(d.index + d.length) };
  }
  return null;
}

/**
 * Where the meeting was held, from the heading: after the date on its line ("... 2025 AT THE VILLAGE
 * HALL"), else on one of the next two lines ("Held in the Village Hall at 7 p.m.", "Held: 7pm at the
 * Hub, 4 Mill Road", "7pm at the Village Hall"), with the line it is on.
 */
function venueNear(lines: readonly string[], dateAt: number, afterDate: string): { venue: string; at: number } | null {
  const onLine = venueOf(afterDate);
  if (onLine) return { venue: onLine, at: dateAt };
  let seen = 0;
  for (let i = dateAt + 1; i < lines.length && seen < 2; i++) {
    const text = plainText((lines[i] ?? '').trim());
    if (!text) continue;
    seen++;
    const venue = VOCABULARY.heldAt.test(text) || findTime(text) ? venueOf(text.replace(VOCABULARY.heldAt, '')) : null;
    if (venue) return { venue, at: i };
  }
  return null;
}

/** "at 7pm in the Village Hall", "in the Village Hall at 7 p.m.", "AT THE VILLAGE HALL": "the Village Hall". */
function venueOf(text: string): string | null {
  const rest = text.replace(/^[\s,:;–-]*(?:at\s+)?\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\.?/iu, '').replace(/\s+at\s+\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?\s?m\.?\s*$/iu, '');
  const m = /^\s*(?:,|-|–)?\s*(?:in|at)\s+(\S[^;]{2,100}?)[\s.]*$/iu.exec(rest);
  return m?.[1] ? titleCase(m[1].trim()) : null;
}

/**
 * The committee or council printed above a heading that names none ("Cabinet" / "Minutes of the meeting
 * held on ..."): the nearest short line that is not page furniture ("Public Document Pack").
 */
function nameAbove(lines: readonly string[], headingAt: number): string | null {
  for (let i = headingAt - 1, seen = 0; i >= 0 && seen < 4; i--) {
    const text = (lines[i] ?? '').trim();
    if (!text) continue;
    seen++;
    if (VOCABULARY.notCommittee.test(text) || findDates(text).length > 0) continue;
    const named = findCommitteeName(text) ?? councilName(text);
    if (named) return titleCase(named);
    if (text.split(/\s+/u).length <= 8 && /^[A-Z]/u.test(text) && !/[.:;]$/u.test(text)) return titleCase(text);
  }
  return null;
}

function read(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const skip = pageFurniture(doc);
  const heading = readHeading(doc);
  const { committee, date: meetingDate } = heading;
  const headingAt = heading.from;
  const dateAt = heading.to;
  const bodyFrom = heading.bodyFrom;

  const end = minutesEnd(lines, bodyFrom);
  const heads = itemHeads(lines, bodyFrom, end, skip);
  const attendanceEnd = attendanceEndOf(heads, end);
  const attendance = readAttendance(lines, bodyFrom, attendanceEnd, skip);
  const attendanceFrom = nextKept(lines, bodyFrom, attendanceEnd, skip);
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
  const source = span(file, doc.frontMatter?.lineCount ?? 0, lines.length - 1, pageOf);
  const minutes: Minutes = {
    meetingDate,
    committee,
    ...attendance,
    ...(attendanceFrom >= 0 ? { attendanceSource: span(file, attendanceFrom, lastKept(lines, attendanceFrom, attendanceEnd, skip), pageOf) } : {}),
    substitutes,
    apologies: apologies ? { text: apologies.body, source: apologies.source } : apologiesBeforeItems(file, lines, bodyFrom, attendanceEnd, skip, pageOf),
    declarations: declarations ? { text: declarations.body, source: declarations.source } : null,
    items,
    source,
  };
  const meetings: Meeting[] = [
    meetingRecord(committee, meetingDate, 'held', 'minutes', span(file, headingAt, dateAt, pageOf), {
      time: findTime(heading.afterDate) ?? (heading.venue ? findTime(lines.slice(heading.from, heading.to + 1).join(' ')) : null),
      venue: heading.venue,
      chair: attendance.chair,
      viceChair: attendance.viceChair,
      hasPapers: true,
    }),
    ...nextMeetings(file, lines, committee, meetingDate, skip, pageOf),
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

/**
 * A minute item's number as councils write it, then its title on the line or the next:
 * "8<TAB>20 mph Review", "10 Workplace Parking Levy", "24. Title", "4) Title", "196/20 Title",
 * "09.25.01<TAB>Apologies" (month, year and the item), "Item 4 Title" (the word is itemLabel).
 * "CAB45 Title": a committee's letters before the number. Group 1 is those letters, group 2 the number,
 * group 3 its mark ("." or ")") and group 4 the title.
 */
const HEAD = /^([A-Z]{1,6}[ /.-]?)?((?:\d{1,2}\.){2,3}\d{1,3}|[1-9]\d{0,2}(?:\/\d{2,4})?)([.):])?(?:\s+(.*))?$/u;
/** A Markdown heading: "## Apologies for Absence". */
const MARKDOWN_HEADING = /^#{1,6}\s+(.+?)\s*#*$/u;

/** Where a number sits in its sequence, and the style every heading of one set of minutes shares. */
function numbering(number: string, mark: string): { n: number; style: string } {
  const parts = number.split(/[./]/u);
  // "09.25.01": the last part counts; the rest ("09.25.") is the style, so a typo's repeat is still a heading.
  if (parts.length > 2 || (parts.length === 2 && number.includes('.'))) return { n: Number(parts[parts.length - 1]), style: `${parts.slice(0, -1).join('.')}.${mark}` };
  return { n: Number(parts[0]), style: `${number.includes('/') ? '/' : ''}${mark}` };
}

/**
 * Minute items count upward; a heading follows a blank line, and every heading is numbered the way the
 * first one is ("8" or "8."), which keeps the numbered points of a decision ("8. Delegates authority") out.
 * Minutes written in Markdown head their items with headings instead; headings over an attendance list
 * ("## Present") are attendance, not items.
 */
function itemHeads(lines: readonly string[], from: number, end: number, skip: ReadonlySet<number>): ItemHead[] {
  const numbered = numberedHeads(lines, from, end, skip);
  const marked = markdownHeads(lines, from, end);
  return marked.length > numbered.length ? marked : numbered;
}

function markdownHeads(lines: readonly string[], from: number, end: number): ItemHead[] {
  const A = VOCABULARY.attendance;
  const heads: ItemHead[] = [];
  // A post titled with a top-level heading ("# Monthly meeting") holds its items under lower ones.
  const titled = lines.slice(from, end + 1).some((l) => /^#{2,6}\s/u.test(l.trim()));
  for (let i = from; i <= end; i++) {
    if (titled && /^#\s/u.test((lines[i] ?? '').trim())) continue;
    const m = MARKDOWN_HEADING.exec((lines[i] ?? '').trim());
    const title = m ? plainText(m[1] ?? '') : '';
    if (!title || [A.members, A.officers, A.alsoPresent].some((label) => label.test(title))) continue;
    heads.push({ index: i, bodyFrom: i + 1, number: String(heads.length + 1), title });
  }
  return heads;
}

function numberedHeads(lines: readonly string[], from: number, end: number, skip: ReadonlySet<number>): ItemHead[] {
  const heads: ItemHead[] = [];
  let style: string | null = null;
  let lastNumber = 0;
  let previousBlank = true;
  for (let i = from; i <= end; i++) {
    if (skip.has(i)) continue;
    const raw = (lines[i] ?? '').trim().replace(VOCABULARY.itemLabel, '');
    const afterBlank = previousBlank;
    previousBlank = raw === '';
    if (!raw || !afterBlank) continue;
    const m = HEAD.exec(raw);
    if (!m) continue;
    const numbered = numbering(m[2] ?? '', m[3] ?? '');
    const n = numbered.n;
    const marks = `${m[1] ?? ''}${numbered.style}`;
    // "1. **Attendance and Apologies**": Markdown marks around a title are not part of it.
    let title = plainText((m[4] ?? '').trim());
    let bodyFrom = i + 1;
    if (!title) {
      const next = nextKept(lines, i + 1, end, skip);
      if (next < 0) continue;
      title = plainText((lines[next] ?? '').trim());
      bodyFrom = next + 1;
    }
    const first = heads.length === 0;
    // Numbers that carry their meeting ("09.25.08") are headings by their prefix, whatever the order a typo gives.
    const prefixed = numbered.style.includes('.') && numbered.style.length > 2;
    // Minutes number their items from 1, or run on through the council's year ("54 Apologies"): a first
    // heading numbered higher must be one of the standing items minutes open with.
    const I = VOCABULARY.standingItems;
    const standing = [I.apologies, I.declarations, I.previousMinutes, I.publicForum].some((item) => item.test(title));
    const inSequence = first ? n <= 6 || standing : prefixed || (n > lastNumber && n <= lastNumber + 3);
    if (!inSequence || (!first && marks !== style) || !isTitle(title)) continue;
    // A heading too long for its line runs on: "... parking policies" / "and charges".
    const more = lines[bodyFrom] ?? '';
    if (!skip.has(bodyFrom) && /^[a-z]/u.test(more.trim())) {
      title = `${title} ${more.trim()}`;
      bodyFrom++;
    }
    heads.push({ index: i, bodyFrom, number: `${m[1] ?? ''}${m[2] ?? n}`, title });
    style = marks;
    lastNumber = n;
  }
  return heads;
}

/**
 * Where the attendance blocks end: before the first item, or, where the first item is the attendance
 * business itself ("1. Attendance and Apologies" over "Attending: ..." and "Apologies: ..."), at its end.
 */
function attendanceEndOf(heads: readonly ItemHead[], end: number): number {
  const first = heads[0];
  if (!first) return end;
  if (!VOCABULARY.standingItems.attendance.test(first.title.replace(/^[\d.]+\s*/u, ''))) return first.index - 1;
  return (heads[1]?.index ?? end + 1) - 1;
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

type Section = 'members' | 'officers' | 'alsoPresent';

/** The label a line opens with ("Present:", "## Members of the Public Present", "Officers in attendance"), and the rest. */
function labelOf(text: string): { section: Section; rest: string } | null {
  const A = VOCABULARY.attendance;
  for (const [section, label] of [['officers', A.officers], ['alsoPresent', A.alsoPresent], ['members', A.members]] as const) {
    const m = label.exec(text);
    if (m && m.index === 0) return { section, rest: text.slice(m[0].length).replace(/^\s*(?:present\b)?\s*[:;-]*\s*-?\s*/iu, '') };
  }
  return null;
}

/**
 * The attendance blocks between the date and the first item, by their labels: a label with the names
 * after it ("Present: A (Chair), B and C"), a heading or label over a list, one name a line, or a table
 * whose columns are labelled ("Present:<tab>Members of the Public:"), each row's cells read by column.
 * "The meeting was chaired by X" names the chair where no mark does.
 */
function readAttendance(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): Attendance {
  const A = VOCABULARY.attendance;
  const entries: Record<Section, string[]> = { members: [], officers: [], alsoPresent: [] };
  let section: Section | null = null;
  let columns: (Section | null)[] | null = null;
  let chairedBy: string | null = null;
  let chairInitials: string | null = null;
  let wrapped = '';
  const add = (to: Section, text: string): void => {
    for (const cell of text.split('\t')) if (cell.trim()) entries[to].push(cell.trim());
  };
  for (let i = from; i <= to; i++) {
    if (skip.has(i)) continue;
    const raw = markdownLine(lines[i] ?? '');
    if (!raw) continue;
    chairedBy ??= A.chairedBy.exec(raw)?.[1] ?? null;
    chairInitials ??= A.chairedByInitials.exec(raw)?.[1] ?? null;
    const cells = raw.split('\t');
    const labels = cells.map((c) => labelOf(c.trim()));
    if (cells.length > 1 && labels.filter(Boolean).length > 1) {
      // A table whose header row labels its columns.
      columns = labels.map((l) => l?.section ?? null);
      section = columns[0] ?? null;
      continue;
    }
    // "Apologies: ..." before the first item is not attendance (apologiesBeforeItems reads it).
    if (VOCABULARY.standingItems.apologies.test(raw)) {
      section = null;
      continue;
    }
    const label = labels[0] ? { ...labels[0], rest: [labels[0].rest, ...cells.slice(1)].filter((c) => c.trim()).join('\t') } : null;
    if (label) {
      if (!(label.section === 'members' && section === 'members')) section = label.section;
      columns = null;
      wrapped = '';
      if (label.rest) add(section, label.rest);
      wrapped = label.rest;
      continue;
    }
    if (!section) continue;
    if (columns && cells.length > 1) {
      cells.forEach((cell, k) => add(columns?.[k] ?? section!, cell));
      continue;
    }
    // A list written as a sentence runs over lines ("Councillors A, B," / "C and D"): joined before splitting.
    const list = entries[section];
    if (list.length > 0 && /,|\band\s*$/u.test(wrapped) && !/\.\s*$/u.test(wrapped)) list[list.length - 1] = `${list[list.length - 1]} ${raw}`;
    else add(section, raw);
    wrapped = raw;
  }
  const out: Attendance = { chair: null, viceChair: null, members: [], coopted: [], inAttendance: [], employees: [] };
  // "In Attendance: A (Chair), B, C" with no "Present:" list over it: those in attendance are who attended.
  if (entries.members.length === 0) entries.members.push(...entries.alsoPresent.splice(0));
  for (const entry of entries.members.flatMap((e) => splitList(e.replace(/^\s*Councillors?\s*:\s*/iu, '')))) {
    if (!isNameEntry(entry)) continue;
    const officer = A.officerMark.exec(entry);
    const name = personName(withoutMarks(entry));
    if (!name) continue;
    if (officer) {
      out.employees.push({ name, role: officer[1] ? titleCase(officer[1]) : null });
      continue;
    }
    if (A.chairMark.test(entry) && !out.chair) out.chair = name;
    if (A.viceChairMark.test(entry) && !out.viceChair) out.viceChair = name;
    out.members.push(name);
  }
  if (!out.chair && chairedBy) out.chair = personName(chairedBy);
  // "TS chaired meeting": minutes that name people by their initials; the member whose initials they are.
  if (!out.chair && chairInitials) out.chair = out.members.find((m) => initialsOf(m) === chairInitials) ?? null;
  out.employees.push(...people(entries.officers.flatMap((e) => splitList(e)).filter(isNameEntry).join(', ')));
  for (const entry of entries.alsoPresent.flatMap((e) => splitList(e))) {
    if (!isNameEntry(entry)) continue;
    // The clerk listed with the public ("Cathy Fleet (CF) CLERK") is the council's officer.
    const officer = A.officerMark.exec(entry);
    if (officer) out.employees.push({ name: personName(withoutMarks(entry)), role: officer[1] ? titleCase(officer[1]) : null });
    else out.inAttendance.push(...people(entry).map((p) => (p.role ? `${p.name} (${p.role})` : p.name)));
  }
  return out;
}

/** "Trevor Smith" is "TS". */
function initialsOf(name: string): string {
  return name.split(/\s+/u).map((w) => w[0] ?? '').join('').toUpperCase();
}

/** A cell of initials beside a name in an attendance table ("MC", "(NO)"): not a person. */
const INITIALS = /^[([]?[A-Z]{1,4}[)\]]?$/u;

/**
 * Whether an attendance entry names someone: capitalised words, maybe a mark or a role after them.
 * Not a cell of initials ("MC"), a table header ("Items"), or a sentence ("The Meeting was Chaired by
 * Kenny Combe.", "TS chaired meeting") that sits between the list and the first item.
 */
function isNameEntry(entry: string): boolean {
  if (INITIALS.test(entry) || VOCABULARY.attendance.notNames.test(entry.trim())) return false;
  const name = personName(withoutMarks(entry));
  const words = name.split(/\s+/u);
  const named = /^(?:Cllr|Councillors?|C\/Cllr|D\/Cllr)\b/iu.test(entry.trim()) || words.length >= 2;
  return named && words.length <= 6 && words.every((w) => /^[A-Z(‘'"]|^(?:de|van|von|der|la|le|di|da|du|of|and)$/u.test(w));
}

/** A name less its marks: initials in brackets, "(Chair)", "[Chair]", "— Chair", "CHAIR", "CLERK", "— Secretary", " - Ashvale Scouts". */
function withoutMarks(entry: string): string {
  const A = VOCABULARY.attendance;
  return entry.replace(/^\s*Councillors\s+/u, '').replace(/[.;]\s*$/u, '').replace(A.officerMark, '').replace(A.chairMark, '').replace(A.viceChairMark, '').replace(/\s*[—–]\s*\S.*$|\s+-\s+\S.*$/u, '').replace(/\s*[([][A-Z]{1,4}[)\]]/gu, '').replace(/[\s,;—–-]+$/u, '').trim();
}

/** "A (Chair), B and C; D": names split at commas, semicolons and a last "and", brackets kept whole. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    if ((c === ',' || c === ';') && depth === 0) {
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
    if (!(D.noted.test(s.text) || D.minutesApproved.test(s.text) || D.sentence.test(s.text))) continue;
    // A sentence inside the paragraph a decision already quotes ("... approved. Proposed by X, seconded by Y.").
    if (out.some((r) => s.first <= r.source.lineEnd - 1 && s.first >= r.source.lineStart - 1)) continue;
    // The whole paragraph: "... noted the closure report. The strategy will be brought to Committee in due course."
    let last = s.last;
    while (last < stop && !isBlank(lines[last + 1]) && !skip.has(last + 1)) last++;
    // From where the decision's sentence starts on its first line: "... for the unit. It was agreed that ...".
    const text = fromSentence(keptText(lines, s.first, last, skip), s.text);
    out.push({ ...base, text, points: [text.replace(/\s*\n\s*/gu, ' ')], labelled: false, source: span(file, s.first, last, pageOf) });
  }
  return out;
}

/** A paragraph's text from where a sentence of it starts, when the sentence starts on its first line. */
function fromSentence(paragraph: string, sentence: string): string {
  const firstLine = paragraph.split('\n')[0] ?? '';
  // The sentence may run onto the next line after only a few words: its longest opening on the first line.
  for (let k = Math.min(sentence.length, 24); k >= 8; k--) {
    const at = firstLine.lastIndexOf(sentence.slice(0, k));
    if (at >= 0 && firstLine.slice(at) === sentence.slice(0, firstLine.length - at)) return paragraph.slice(at);
  }
  return paragraph;
}

/** A label line that is itself the decision ("It was AGREED that the Committee note the petition"), not just "It was APPROVED that;". */
function hasDecisionWords(line: string): boolean {
  const after = line.replace(/^.*?\b(?:RESOLVED|APPROVED|AGREED|resolved|approved|agreed)\b\s*(?:that)?\s*[:;.,-]*\s*/u, '');
  return after.length >= 12 && /[a-z]/u.test(after) && !/:\s*$/u.test(line);
}

/** "Apologies for absence were received from ..." or "Apologies: ...", written before the first item rather than as one. */
function apologiesBeforeItems(file: string, lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>, pageOf: PageOf): Minutes['apologies'] {
  const I = VOCABULARY.standingItems;
  // A labelled line first: "Apologies: ..." often runs on straight after "Present: ..." with no blank line between.
  for (let i = from; i <= to; i++) {
    if (!skip.has(i) && I.apologiesLabel.test(markdownLine(lines[i] ?? ''))) return { text: (lines[i] ?? '').trim(), source: span(file, i, i, pageOf) };
  }
  const s = sentencesIn(lines, from, to, skip).find((x) => I.apologiesSentence.test(x.text));
  return s ? { text: keptText(lines, s.first, s.last, skip), source: span(file, s.first, s.last, pageOf) } : null;
}

