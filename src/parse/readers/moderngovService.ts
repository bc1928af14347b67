import type { Element } from 'domhandler';
import { findAll, findOne } from 'domutils';
import { type RenderedXml, renderXml, type SourceDocument, xmlFieldValue } from '../../ingest';
import type { AgendaItem, Committee, CommitteeMember, Meeting, MeetingStatus, MinuteItem, Minutes, Paper, PersonDetail, PersonRecord, Resolution, SourceSpan } from '../../model';
import { canonicalCommittee } from '../committees';
import { findDates } from '../dates';
import type { ParsedFile } from '../parsedCorpus';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, meetingRecord } from './common';
import type { PaperReader } from './index';
import { isLabel, lineSpan, MODERNGOV, pageMinutes } from './moderngov';
import { statusIn } from './meetingPage';

const W = MODERNGOV.webService;
const MINUTES_APPROVAL = new RegExp(W.minutesApproval, 'iu');
const APOLOGIES = new RegExp(W.apologies, 'iu');
const ABSENT = new RegExp(W.absent, 'iu');

/**
 * ModernGov web-service answers saved as XML (what `npm run fetch-papers` reads from mgWebService.asmx):
 * GetCommittees (the council's committees), GetMeetings (a committee's calendar, each meeting with its
 * status) and GetMeeting (one meeting: time, venue, status, attendees with their roles, agenda items,
 * and the minute text of each item once minutes are published). Known by the answer's root element.
 */
export const moderngovServiceReader: PaperReader = {
  layout: 'moderngov_web_service',
  recognises: (doc) => operation(doc) !== null,
  read: readService,
};

type Operation = keyof typeof W.roots;

/** The XML a document holds, rendered once however many times it is asked for. */
const RENDERED = new WeakMap<SourceDocument, RenderedXml>();

function xml(doc: SourceDocument): RenderedXml | null {
  if (doc.markup === undefined || !/^\s*(?:<\?xml\b|<[A-Za-z])/u.test(doc.markup) || /<html\b/iu.test(doc.markup.slice(0, 2000))) return null;
  let out = RENDERED.get(doc);
  if (!out) {
    out = renderXml(doc.markup);
    RENDERED.set(doc, out);
  }
  return out;
}

function root(x: RenderedXml): Element | null {
  return (x.document.children.find((c) => c.type === 'tag') as Element | undefined) ?? null;
}

function operation(doc: SourceDocument): Operation | null {
  const x = xml(doc);
  const top = x ? root(x) : null;
  if (!top) return null;
  const name = top.name.toLowerCase();
  return (Object.keys(W.roots) as Operation[]).find((op) => W.roots[op] === name) ?? null;
}

function readService(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const x = xml(doc)!;
  const top = root(x)!;
  const at = (el: Element): SourceSpan => lineSpan(doc.file, x.rangeOf(el) ?? { first: 0, last: 0 });
  switch (operation(doc)!) {
    case 'committees':
      return readCommittees(doc, top, at);
    case 'meetings':
      return readMeetings(doc, top, at);
    case 'meeting':
      return readMeeting(doc, x, top, at);
  }
}

/** GetCommittees: each committee by its title (deleted and expired ones too: their papers may still be here). */
function readCommittees(doc: SourceDocument, top: Element, at: (el: Element) => SourceSpan): Omit<ParsedFile, 'layout' | 'identity'> {
  const committees = children(top, 'committee').flatMap((c) => {
    const name = field(c, 'committeetitle');
    return name ? [committee(name, [], at(c))] : [];
  });
  const paper: Paper = { kind: 'committee_list', title: 'Committees', meetingDate: null, source: at(top) };
  return fileFindings(doc, { papers: [paper], committees });
}

/** GetMeetings: one committee's meetings (or several committees'), each with the status the service gives. */
function readMeetings(doc: SourceDocument, top: Element, at: (el: Element) => SourceSpan): Omit<ParsedFile, 'layout' | 'identity'> {
  const meetings: Meeting[] = [];
  const papers: Paper[] = [];
  // Meetings grouped under their committee, or (asked for one committee) listed bare under the root.
  const groups = descendants(top, 'committee');
  for (const c of groups.length > 0 ? groups : [top]) {
    const name = field(c, 'committeetitle');
    for (const m of descendants(c, 'meeting')) {
      const date = serviceDate(field(m, 'meetingdate'));
      if (!date) continue;
      meetings.push(meetingRecord(name, date, status(m), 'meetings_list', at(m), { time: field(m, 'meetingtime') }));
    }
    if (name) papers.push({ kind: 'meetings_list', title: `Meetings - ${name}`, meetingDate: null, source: at(c) });
  }
  return fileFindings(doc, { papers, meetings });
}

/**
 * GetMeeting: the meeting, its attendees (the committee's members with their roles), its agenda items,
 * and, where minutes are published, each item's minute text. An item approving "the minutes of the
 * meeting held on 25 November 2025" records that earlier meeting as held.
 */
function readMeeting(doc: SourceDocument, x: RenderedXml, top: Element, at: (el: Element) => SourceSpan): Omit<ParsedFile, 'layout' | 'identity'> {
  const date = serviceDate(field(top, 'meetingdate'));
  if (!date) return fileFindings(doc, { issues: [{ code: 'minutes_without_date', message: `parse: ${doc.file}: the meeting has no readable date`, file: doc.file, line: null }] });
  const items = descendants(top, 'agendaitem');
  const name = [...items.map((i) => field(i, 'refertocommittee')), ...descendants(top, 'committeetitle').map((e) => text(e))].find((n) => n) ?? null;
  const members: CommitteeMember[] = descendants(top, 'attendee').flatMap((a) => {
    const person = attribute(a, FIELDS.name);
    return person ? [{ name: person, role: attribute(a, FIELDS.role) }] : [];
  });
  const chair = withRole(members, W.chairRoles);
  const viceChair = withRole(members, W.viceChairRoles);
  const meeting: Meeting = {
    ...meetingRecord(name, date, status(top), 'meeting_page', fieldsSpan(doc, x, top), {
      time: field(top, 'meetingtime'),
      venue: field(top, 'meetinglocation'),
      chair,
      viceChair,
      hasPapers: true,
    }),
  };
  const agendaItems: AgendaItem[] = [];
  const minuteItems: MinuteItem[] = [];
  const earlier: Meeting[] = [];
  for (const item of items) {
    const number = (field(item, 'fulldisplaynumberformat') ?? field(item, 'agendaitemnumber') ?? '').replace(/\.$/u, '');
    const title = field(item, 'agendaitemtitle') ?? '';
    const note = element(item, 'agendatext');
    agendaItems.push({ meetingDate: date, number, title, pages: null, presenter: field(item, 'commenttext1'), note: note ? text(note) : null, section: null, source: at(item) });
    for (const said of [note, element(item, 'minutesnonemptyhtmlbody')]) {
      const words = said ? text(said) : '';
      const approved = MINUTES_APPROVAL.exec(words) ? findDates(words.slice(MINUTES_APPROVAL.exec(words)!.index))[0]?.date : undefined;
      if (said && approved && approved < date) earlier.push(meetingRecord(name, approved, 'held', 'minutes_approval', at(said)));
    }
    const minute = element(item, 'minutesnonemptyhtmlbody');
    const minuteText = minute ? text(minute) : '';
    if (!minute || !minuteText) continue;
    const number2 = field(item, 'minutesitemnumber') ?? number;
    // The minute's words are on its one line after the field name: quoted from there, verbatim.
    const decided = isDecision(minuteText);
    const resolutions: Resolution[] = decided ? [{ meetingDate: date, itemNumber: number2, itemTitle: title, text: minuteText, points: [minuteText], labelled: false, source: at(minute) }] : [];
    minuteItems.push({ meetingDate: date, number: number2, title, body: minuteText, resolutions, votes: [], source: at(item) });
  }
  const committees = name && members.length > 0 ? [committee(name, members, at(element(top, 'attendees') ?? top))] : [];
  const minutes = minuteItems.length > 0 ? [pageMinutes(date, name, minuteItems, at(top), { chair, viceChair, ...attendance(doc, x, top) })] : [];
  const papers: Paper[] = [{ kind: minutes.length > 0 ? 'minutes' : 'agenda', title: `${name ?? 'Meeting'} - ${date}`, meetingDate: date, source: at(top) }];
  const people = descendants(top, 'attendee').flatMap((a) => attendeeRecord(doc, x, a, name, date));
  return fileFindings(doc, { papers, meetings: [meeting, ...earlier], committees, agendaItems, minutes, people });
}

const FIELDS = W.attendeeFields;
const DETAILS: readonly [PersonDetail['detail'], string][] = [['party', FIELDS.party], ['ward', FIELDS.ward], ['key_posts', FIELDS.keyPosts]];

/**
 * An attendee as a person record: their role on the committee, party, ward and key posts, each with the
 * line that gives it. The record's source runs from the first of those lines to the last, so a citation
 * of the record quotes every field it states. An attendee with no role is a member like the others.
 */
function attendeeRecord(doc: SourceDocument, x: RenderedXml, a: Element, committee: string | null, date: string): PersonRecord[] {
  const name = attribute(a, FIELDS.name);
  const range = x.rangeOf(a);
  if (!name || !range) return [];
  const lineOf = (attr: string): number | null => {
    for (let i = range.first; i <= range.last; i++) if (doc.lines[i]?.trimStart().startsWith(`${a.name}[@${attr}]:`)) return i;
    return null;
  };
  const nameLine = lineOf(FIELDS.name);
  if (nameLine === null) return [];
  const role = attribute(a, FIELDS.role);
  const details: PersonDetail[] = DETAILS.flatMap(([detail, attr]) => {
    const value = attribute(a, attr);
    const line = value ? lineOf(attr) : null;
    return value && line !== null ? [{ detail, value, source: lineSpan(doc.file, { first: line, last: line }) }] : [];
  });
  const lines = [nameLine, ...[role ? lineOf(FIELDS.role) : null, ...details.map((d) => d.source.lineStart - 1)].filter((n): n is number => n !== null)];
  const source = lineSpan(doc.file, { first: Math.min(...lines), last: Math.max(...lines) });
  return [{ name, role: role ?? 'Member', evidence: 'service_attendee', committee, meetingDate: date, context: null, source, details }];
}

/** An attribute's value, trimmed; null when absent or empty. */
function attribute(el: Element, name: string): string | null {
  return el.attribs[name]?.trim() || null;
}

/**
 * Who attended and who sent apologies, by each attendee's attendance ("Present", "Apologies"): the
 * apologies quoted as their name lines, which the cited lines hold word for word.
 */
function attendance(doc: SourceDocument, x: RenderedXml, top: Element): Pick<Minutes, 'members' | 'apologies'> {
  const attendees = descendants(top, 'attendee').filter((a) => a.attribs['name']?.trim());
  const said = (a: Element, pattern: RegExp): boolean => pattern.test(a.attribs['attendance'] ?? '');
  const sent = attendees.filter((a) => said(a, APOLOGIES));
  const members = attendees.filter((a) => !said(a, ABSENT)).map((a) => a.attribs['name']!.trim());
  if (sent.length === 0) return { members, apologies: null };
  const ranges = sent.map((a) => x.rangeOf(a)!).filter(Boolean);
  const nameLines = ranges.map((r) => doc.lines.slice(r.first, r.last + 1).find((l) => /\[@name\]:/u.test(l))?.trim() ?? '');
  const source = lineSpan(doc.file, { first: ranges[0]!.first, last: ranges[ranges.length - 1]!.last });
  return { members, apologies: { text: nameLines.filter(Boolean).join('\n'), source } };
}

/** Minute text that records a decision (the council wording of printed minutes), not only a discussion. */
function isDecision(words: string): boolean {
  const D = VOCABULARY.decision;
  return MINUTES_APPROVAL.test(words) || D.label.test(words) || D.opener.test(words) || D.noted.test(words) || D.minutesApproved.test(words);
}

/** The meeting's own fields (date, status, time, venue, ...), not its agenda and attendees: what a citation of the meeting quotes. */
function fieldsSpan(doc: SourceDocument, x: RenderedXml, el: Element): SourceSpan {
  const first = x.rangeOf(el)?.first ?? 0;
  const leaves = el.children.filter((c): c is Element => c.type === 'tag' && !c.children.some((g) => g.type === 'tag'));
  const last = Math.max(first, ...leaves.map((c) => x.rangeOf(c)?.last ?? first));
  return lineSpan(doc.file, { first, last });
}

function committee(name: string, members: readonly CommitteeMember[], source: SourceSpan): Committee {
  return {
    name,
    canonical: canonicalCommittee(name),
    chair: withRole(members, W.chairRoles),
    viceChair: withRole(members, W.viceChairRoles),
    members,
    substitutes: [],
    supportOfficer: null,
    purpose: null,
    source,
  };
}

function withRole(members: readonly CommitteeMember[], roles: readonly string[]): string | null {
  return members.find((m) => m.role !== null && isLabel(m.role, roles))?.name ?? null;
}

/** "Cancelled", "Postponed" as the service words them; otherwise scheduled (minutes or the calendar say held). */
function status(meeting: Element): MeetingStatus {
  return statusIn(field(meeting, 'meetingstatus') ?? '') ?? 'scheduled';
}

/** "10/02/2026", the service's dd/mm/yyyy, as an ISO date. */
function serviceDate(value: string | null): string | null {
  const m = value ? /^(\d{1,2})\/(\d{1,2})\/(\d{4})/u.exec(value) : null;
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : null;
}

function children(parent: Element, name: string): Element[] {
  return parent.children.filter((c): c is Element => c.type === 'tag' && c.name.toLowerCase() === name);
}

function descendants(parent: Element, name: string): Element[] {
  return findAll((e) => e.name.toLowerCase() === name, parent.children);
}

function element(parent: Element, name: string): Element | null {
  return findOne((e) => e.name.toLowerCase() === name, parent.children, false);
}

/** A field's words as its rendered line shows them (after "name: "); null when empty. */
function field(parent: Element, name: string): string | null {
  const el = element(parent, name);
  const value = el ? text(el) : '';
  return value === '' ? null : value;
}

/** An element's value as renderXml wrote it on its line. */
function text(el: Element): string {
  return xmlFieldValue(el);
}
