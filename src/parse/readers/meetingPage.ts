import type { Element } from 'domhandler';
import type { LineRange, RenderedHtml, SourceDocument } from '../../ingest';
import type { AgendaItem, Meeting, MeetingStatus, MinuteItem, Minutes, Paper, RecordedVote, Resolution } from '../../model';
import { findDates, findTime } from '../dates';
import type { ParsedFile } from '../parsedCorpus';
import { fromOpener, type IndexedLine, indexedLines, resolutionOf, voteOf, votesIn } from './decisionText';
import { listedMembers, withRole } from './committeeDetails';
import type { PaperReader } from './index';
import {
  byClass,
  firstByClass,
  hasClass,
  isLabel,
  isPage,
  labelKey,
  labelledValue,
  lineSpan,
  MODERNGOV,
  pageHeading,
  pageMinutes,
  parseContact,
  rangeOfAll,
  rendered,
  sections,
  subTitle,
  textOf,
  unreadable,
} from './moderngov';
import { fileFindings, meetingRecord } from './common';

const M = MODERNGOV.meetingPage;

/**
 * A ModernGov meeting page ("Agenda, decisions and minutes", "Agenda", "Meeting", ...): the header
 * "<committee> - Thursday 15 January 2026 7:30 pm", venue, contact, and the table of numbered items,
 * each with its description and, once the meeting is held, its "Decision:" and "Minutes:" text.
 */
export const meetingPageReader: PaperReader = {
  layout: 'moderngov_meeting_page',
  recognises: (doc) => isPage(doc, 'meeting'),
  read: readMeetingPage,
};

/** The meeting a page's header names: "<committee> - Thursday 15 January 2026 7:30 pm, CANCELLED". */
export interface MeetingHeader {
  readonly committee: string;
  readonly date: string;
  readonly time: string | null;
  readonly status: MeetingStatus | null;
}

const WEEKDAY = /(?<![\s,–-])[\s,–-]*(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)[\s,–-]*)?$/iu;

export function meetingHeader(text: string): MeetingHeader | null {
  const date = findDates(text)[0];
  if (!date) return null;
  const committee = text.slice(0, date.index).replace(WEEKDAY, '').trim();
  const after = text.slice(date.index + date.length);
  return { committee, date: date.date, time: findTime(after), status: statusIn(after) };
}

const wordsIn = (words: readonly string[], text: string): boolean =>
  words.some((w) => new RegExp(`(?:^|[^\\w])${w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?:$|[^\\w])`, 'iu').test(text));

/** "CANCELLED" or "POSTPONED" written after a meeting's date. */
export function statusIn(text: string): MeetingStatus | null {
  if (wordsIn(MODERNGOV.meetingStatus.cancelled, text)) return 'cancelled';
  if (wordsIn(MODERNGOV.meetingStatus.postponed, text)) return 'postponed';
  return null;
}

/** What one row of the items table holds, element by element. */
interface ItemParts {
  readonly row: Element;
  readonly number: string;
  readonly title: string;
  readonly titleElement: Element;
  readonly description: Element[];
  readonly decision: Element[];
  readonly minutes: Element[];
  readonly voteTables: Element[];
}

function readMeetingPage(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const page = rendered(doc)!;
  const header = subTitle(page);
  const parsed = header ? meetingHeader(textOf(header)) : null;
  const headerRange = header ? page.rangeOf(header) : undefined;
  if (!header || !parsed || !headerRange) return unreadable(doc, 'minutes_without_date', 'the meeting page names no meeting date in its header');
  const { file } = doc;
  const items = itemRows(page);
  const agendaItems: AgendaItem[] = [];
  const minuteItems: MinuteItem[] = [];
  let apologies: Minutes['apologies'] = null;
  let declarations: Minutes['declarations'] = null;
  const approvals: Meeting[] = [];

  for (const item of items) {
    const rowRange = page.rangeOf(item.row);
    if (!rowRange) continue;
    const description = rangeOfAll(page, item.description);
    agendaItems.push({
      meetingDate: parsed.date,
      number: item.number,
      title: item.title,
      pages: null,
      presenter: null,
      note: description ? indexedLines(doc, description).map((l) => l.text).join('\n') : null,
      section: null,
      source: lineSpan(file, rowRange),
    });
    const minutesRange = rangeOfAll(page, item.minutes);
    const decisionRange = rangeOfAll(page, item.decision);
    if (!minutesRange && !decisionRange) continue;
    const at = { meetingDate: parsed.date, itemNumber: item.number, itemTitle: item.title };
    const minutesLines = minutesRange ? indexedLines(doc, minutesRange) : [];
    const resolutions = itemResolutions(file, doc, item, decisionRange, minutesLines, at);
    const body = minutesLines.map((l) => l.text).join('\n');
    if (minutesRange && body !== '') {
      if (isStandingItem(item.title, MODERNGOV.standingItems.apologies)) apologies = { text: body, source: lineSpan(file, minutesRange) };
      if (isStandingItem(item.title, MODERNGOV.standingItems.declarations)) declarations = { text: body, source: lineSpan(file, minutesRange) };
    }
    for (const r of resolutions.filter((x) => !x.labelled)) approvals.push(...approvedMeetings(parsed.committee, r));
    minuteItems.push({
      ...at,
      number: item.number,
      title: item.title,
      body,
      resolutions,
      votes: [...votesIn(file, minutesLines), ...item.voteTables.flatMap((t) => tableVotes(doc, page, t))],
      source: lineSpan(file, rowRange),
    });
  }

  const held = minuteItems.length > 0 || heldDocumentsLinked(page);
  const status: MeetingStatus = parsed.status ?? (held ? 'held' : 'scheduled');
  const venue = labelledValue(page, M.venue);
  const contact = labelledValue(page, M.contact);
  const committee = parsed.committee || 'Unknown committee';
  // Where the page lists who attended ("Cllr Jo Bloggs (Chair)"), the chair and members are the meeting's.
  const attended = sections(page).filter((s) => isLabel(s.title, M.attendance)).flatMap((s) => listedMembers(s.body, null));
  const chair = withRole(attended, MODERNGOV.committeeDetails.roles.chair);
  const viceChair = withRole(attended, MODERNGOV.committeeDetails.roles.viceChair);
  // Like a front sheet, the record is the page's header block: the meeting, its venue and its contact.
  const block = rangeOfAll(page, [header, ...(venue ? [venue.paragraph] : []), ...(contact ? [contact.paragraph] : [])]) ?? headerRange;
  const meeting = meetingRecord(committee, parsed.date, status, 'meeting_page', lineSpan(file, block), {
    time: parsed.time,
    venue: venue ? venue.text.replace(/(?<![\s.])[\s.]+$/u, '') : null,
    contact: contact ? parseContact(contact.text) : null,
    hasPapers: items.length > 0 || held,
    chair,
    viceChair,
  });
  const table = firstByClass(page.document, 'mgItemTable');
  const tableRange = table ? page.rangeOf(table) : undefined;
  const minutes: Minutes[] =
    minuteItems.length === 0
      ? []
      : [pageMinutes(parsed.date, committee, minuteItems, lineSpan(file, tableRange ?? headerRange), { apologies, declarations, chair, viceChair, members: attended.map((a) => a.name) })];
  const paper: Paper = {
    kind: minutes.length > 0 ? 'minutes' : items.length > 0 ? 'agenda' : 'meeting_notice',
    title: `${pageHeading(page) ?? 'Meeting'}: ${textOf(header)}`,
    meetingDate: parsed.date,
    source: lineSpan(file, { first: headerRange.first, last: Math.max(headerRange.last, tableRange?.last ?? 0) }),
  };
  return fileFindings(doc, { papers: [paper], meetings: [meeting, ...approvals], agendaItems, minutes });
}

/**
 * An item's decisions: its "Decision:" section as published; else the minutes from their first
 * "RESOLVED"; else, for the previous meeting's minutes, their approval as an unlabelled decision.
 */
function itemResolutions(
  file: string,
  doc: SourceDocument,
  item: ItemParts,
  decision: LineRange | undefined,
  minutesLines: readonly IndexedLine[],
  at: { meetingDate: string; itemNumber: string; itemTitle: string },
): Resolution[] {
  const moreText = (l: IndexedLine): boolean => withoutMoreLink(l).text.trim() !== '';
  const decided = decision ? resolutionOf(file, indexedLines(doc, decision), { ...at, labelled: true }) : null;
  if (decided) return [decided];
  const resolved = resolutionOf(file, fromOpener(minutesLines).map(withoutMoreLink).filter(moreText), { ...at, labelled: true });
  if (resolved) return [resolved];
  if (isStandingItem(item.title, MODERNGOV.standingItems.previousMinutes, true)) {
    const approval = resolutionOf(file, minutesLines.map(withoutMoreLink).filter(moreText), { ...at, labelled: false });
    if (approval) return [approval];
  }
  return [];
}

/**
 * A line less the link ModernGov puts after a shortened minute ("Endorsed the amended Terms of Reference
 * ... and noted ... view the full minutes text for item 8."): the decision's words before it are kept (a
 * verbatim part of the line), the link and the dots that stand for the cut words are not.
 */
function withoutMoreLink(l: IndexedLine): IndexedLine {
  const lower = l.text.toLowerCase();
  const at = Math.min(...M.moreText.map((m) => lower.indexOf(m.toLowerCase())).filter((i) => i >= 0));
  if (!Number.isFinite(at)) return l;
  return { ...l, text: l.text.slice(0, at).replace(/[\s.…]+$/u, '') };
}

/** The previous meeting whose minutes an item approves was held: "The minutes of the meeting held on 18 November 2025 were approved". */
function approvedMeetings(committee: string, r: Resolution): Meeting[] {
  const date = findDates(r.text)[0]?.date;
  if (!date || date === r.meetingDate) return [];
  return [meetingRecord(committee, date, 'held', 'minutes_approval', r.source)];
}

/** Whether an item's title is a standing item: exactly, or (unless `exact`) starting with its words. */
function isStandingItem(title: string, names: readonly string[], exact = false): boolean {
  const key = labelKey(title);
  return names.some((n) => key === labelKey(n) || (!exact && key.startsWith(`${labelKey(n)} `)));
}

/** The meeting's own documents list a printed minutes or decisions document: it was held. */
function heldDocumentsLinked(page: RenderedHtml): boolean {
  return byClass(page.document, 'mgActionList').some((list) =>
    list.children.some((li) => li.type === 'tag' && isLabel(textOf(li, (el) => hasClass(el, 'mgFileSize')), M.heldDocuments)),
  );
}

/** Each row of the items table: number cell, then the cell holding title, description and labelled sections. */
function itemRows(page: RenderedHtml): ItemParts[] {
  const table = firstByClass(page.document, 'mgItemTable');
  if (!table) return [];
  const out: ItemParts[] = [];
  for (const numberCell of byClass(table, 'mgItemNumberCell')) {
    const row = numberCell.parent as Element | null;
    const cell = row?.children.find((c): c is Element => c.type === 'tag' && c.name === 'td' && c !== numberCell && !hasClass(c, 'mgItemNumberCell'));
    const titleElement = cell ? firstByClass(cell, 'mgAiTitleTxt') : null;
    if (!row || !cell || !titleElement) continue;
    const parts = { description: [] as Element[], decision: [] as Element[], minutes: [] as Element[], voteTables: [] as Element[] };
    let section: Element[] | null = parts.description;
    for (const el of blocksOf(cell)) {
      if (el === titleElement) continue;
      if (el.name === 'table' && isVoteTable(el)) {
        // The recorded votes close the item; what follows them (a "View Recorded Vote" link) is no minute.
        parts.voteTables.push(el);
        section = null;
        continue;
      }
      if (hasClass(el, 'mgSubItemTitleTxt')) {
        const label = textOf(el);
        section = isLabel(label, M.sections.minutes) ? parts.minutes : isLabel(label, M.sections.decision) ? parts.decision : null;
        continue;
      }
      if (!hasClass(el, 'mgActionList')) section?.push(el);
    }
    out.push({
      row,
      number: textOf(numberCell).replace(/\.$/u, ''),
      title: textOf(titleElement, (el) => hasClass(el, 'mgFileSize')),
      titleElement,
      ...parts,
    });
  }
  return out;
}

/** A cell's blocks in order; wrappers holding section labels are opened so every label is seen. */
function blocksOf(el: Element): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type !== 'tag') continue;
    const child = c as Element;
    const wraps = !hasClass(child, 'mgWordPara') && child.name !== 'table' && byClass(child, 'mgSubItemTitleTxt').length > 0 && !hasClass(child, 'mgSubItemTitleTxt');
    if (wraps) out.push(...blocksOf(child));
    else out.push(child);
  }
  return out;
}

function isVoteTable(table: Element): boolean {
  const caption = table.children.find((c): c is Element => c.type === 'tag' && c.name === 'caption');
  return caption !== undefined && isLabel(textOf(caption), M.recordedVoteCaption);
}

/** A recorded-vote table's rows: title (what was put), type, text, result (the outcome). */
function tableVotes(doc: SourceDocument, page: RenderedHtml, table: Element): RecordedVote[] {
  const rows = collectRows(table);
  const votes: RecordedVote[] = [];
  for (const row of rows) {
    const cells = row.children.filter((c): c is Element => c.type === 'tag' && c.name === 'td');
    const range = page.rangeOf(row);
    if (cells.length < 2 || !range) continue;
    const motion = textOf(cells[0]!);
    const result = textOf(cells.at(-1)!);
    votes.push(voteOf(doc.file, { index: range.first, text: doc.lines[range.first] ?? '' }, motion || null, result || null));
  }
  return votes;
}

function collectRows(table: Element): Element[] {
  const rows: Element[] = [];
  const walk = (el: Element): void => {
    for (const c of el.children) {
      if (c.type !== 'tag') continue;
      const child = c as Element;
      if (child.name === 'tr') rows.push(child);
      else if (child.name !== 'table') walk(child);
    }
  };
  walk(table);
  return rows;
}
