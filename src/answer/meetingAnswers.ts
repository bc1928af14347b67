import type { Answer, Citation, Meeting, MeetingRecord } from '../model';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';
import { CitationList, citeLines, findLine } from './cite';
import { compareDates, inRef, longDate, shortDate } from './dateRefs';
import { notFound } from './notFound';
import { phrase } from './questionGrammar';
import type { Understanding } from './understand';

/** The panel's own meetings (not e.g. a review group's), in date order. */
export function panelMeetings(index: PaperIndex): Meeting[] {
  // A copy: callers sort and pop what they are given.
  return [...answerLookups(index).panelMeetings];
}

const EVIDENCE_ORDER: readonly MeetingRecord['evidence'][] = ['front_sheet', 'minutes', 'work_programme', 'agenda_reference', 'minutes_approval', 'report'];

/** The record a meeting is best cited from: its front sheet, its minutes, then what others say of it. */
export function bestRecord(m: Meeting): MeetingRecord {
  return [...m.records].sort((a, b) => EVIDENCE_ORDER.indexOf(a.evidence) - EVIDENCE_ORDER.indexOf(b.evidence))[0]!;
}

export function citeMeeting(index: PaperIndex, m: Meeting, cites: CitationList, record = bestRecord(m)): string {
  const { file, lineStart, lineEnd, page } = record.source;
  const end = record.evidence === 'front_sheet' ? Math.min(lineEnd, lineStart + 8) : lineEnd;
  return cites.add(citeLines(index, file, lineStart, end, recordTitle(m, record), m.date, page));
}

function recordTitle(m: Meeting, r: MeetingRecord): string {
  const what = {
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
  }[r.evidence];
  return `${what} - ${shortDate(m.date)}`;
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
  const meetings = panelMeetings(index);
  const anchor = u.after && u.dates[0] ? anchorDate(meetings, u) : u.asOf;
  const next = meetings.find((m) => m.date > anchor);
  const cites = new CitationList();
  const lines: string[] = [];
  if (alsoLast) {
    const last = [...meetings].reverse().find((m) => m.date <= u.asOf && m.hasPapers);
    if (last) lines.push(`The panel last met on ${describe(last)} ${citeMeeting(index, last, cites)}.`);
  }
  if (!next) {
    const latest = meetings[meetings.length - 1];
    return notFound(
      index,
      `The papers record no meeting of the panel after ${shortDate(anchor)}.${latest ? ` The latest meeting in the papers is ${shortDate(latest.date)}.` : ''}`,
    );
  }
  // What the papers out on the day asked said of it: the last minutes before then naming its date.
  const note = nextMeetingNote(index, next, u.asOf);
  const noted = note ? ` The ${shortDate(note.meetingDate!)} minutes named it as the next meeting ${cites.add(note)}.` : '';
  const lead = u.after ? `The next meeting after ${shortDate(anchor)}` : 'The next meeting of the panel';
  lines.push(`${lead} is on ${describe(next)} ${citeMeeting(index, next, cites)}.${noted}${onlyScheduledNote(next)}${conflictNote(next)}`);
  return { kind: 'next_meeting', text: lines.join('\n\n'), citations: cites.items, meeting: next, followUps: [`What's on the agenda for ${shortDate(next.date)}?`, 'Who chairs the panel?'] };
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

export function answerLastMeeting(index: PaperIndex, u: Understanding): Answer {
  const meetings = panelMeetings(index).filter((m) => m.date < u.asOf);
  const last = [...meetings].reverse().find((m) => m.hasPapers) ?? meetings[meetings.length - 1];
  if (!last) return notFound(index, `The papers record no meeting of the panel before ${shortDate(u.asOf)}.`);
  const cites = new CitationList();
  const minutes = index.corpus.minutes.find((x) => x.meetingDate === last.date);
  let text = `The panel last met on ${describe(last)} ${citeMeeting(index, last, cites)}.${conflictNote(last)}`;
  const business = minutes?.items.filter((i) => !/^(?:Welcome|Meeting procedures|Apologies|Declarations|Minutes|Matters arising)/iu.test(i.title)) ?? [];
  if (business.length > 0) {
    text += `\n\nIt considered:\n\n${business.map((i) => `- ${i.title} ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineStart + 2, `Minutes - ${shortDate(last.date)}, item ${i.number} ${i.title}`, last.date))}`).join('\n')}`;
  } else {
    const items = index.corpus.agendaItems.filter((i) => i.meetingDate === last.date);
    if (items.length > 0) text += `\n\nIts agenda:\n\n${items.map((i) => `- ${i.number}. ${i.title}`).join('\n')}`;
  }
  return { kind: 'last_meeting', text, citations: cites.items, meeting: last, followUps: [`What did the panel resolve on ${shortDate(last.date)}?`, 'When is the next meeting?'] };
}

/** The meeting a question points at: the one it names, else the nearest with a front sheet. */
export function targetMeeting(index: PaperIndex, u: Understanding, want: (m: Meeting) => boolean = () => true): Meeting | null {
  const meetings = panelMeetings(index);
  if (u.dates.length > 0) {
    const ref = u.dates[0]!;
    const inside = meetings.filter((m) => inRef(m.date, ref));
    return inside.filter(want).pop() ?? inside.pop() ?? null;
  }
  const withSheet = meetings.filter(want);
  const t = Date.parse(u.asOf);
  return withSheet.sort((a, b) => Math.abs(Date.parse(a.date) - t) - Math.abs(Date.parse(b.date) - t))[0] ?? null;
}

const hasFrontSheet = (m: Meeting): boolean => m.records.some((r) => r.evidence === 'front_sheet');

export function answerMeetingInfo(index: PaperIndex, u: Understanding): Answer {
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
  const meeting = targetMeeting(index, u, (m) => index.corpus.minutes.some((x) => x.meetingDate === m.date));
  const minutes = meeting ? index.corpus.minutes.find((x) => x.meetingDate === meeting.date) : undefined;
  const part = minutes?.[detail];
  if (!meeting || !minutes || !part) {
    return notFound(index, `The papers have no minutes recording ${detail}${meeting ? ` for ${shortDate(meeting.date)}` : ' for that meeting'}.`);
  }
  const cites = new CitationList();
  const c = cites.add(citeLines(index, part.source.file, part.source.lineStart, part.source.lineEnd, `Minutes - ${shortDate(meeting.date)}, ${detail}`, meeting.date));
  const body = (detail === 'apologies' ? part.text : part.text || 'None recorded.').split('\n').map((l) => `> ${l}`).join('\n>\n');
  return { kind: 'meeting_info', text: `${detail === 'apologies' ? 'Apologies' : 'Declarations of interest'} at the ${shortDate(meeting.date)} meeting ${c}:\n\n${body}`, citations: cites.items, meeting, followUps: [] };
}

function answerAttendance(index: PaperIndex, u: Understanding): Answer {
  const meeting = targetMeeting(index, u, (m) => index.corpus.minutes.some((x) => x.meetingDate === m.date));
  const minutes = meeting ? index.corpus.minutes.find((x) => x.meetingDate === meeting.date) : undefined;
  if (!meeting || !minutes) return notFound(index, 'The papers have no minutes recording attendance at that meeting.');
  const { file, lineStart } = minutes.source;
  const firstItem = minutes.items[0]?.source.lineStart ?? minutes.source.lineEnd;
  const from = findLine(index, file, lineStart, firstItem, /^\s*Attendance\s*$/u) ?? lineStart;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, file, from, firstItem - 1, `Minutes - ${shortDate(meeting.date)}, attendance`, meeting.date));
  const lines = [`Attendance at the ${shortDate(meeting.date)} meeting ${c}:\n`];
  if (minutes.members.length > 0) lines.push(`- Members: ${minutes.members.map((n) => `Cllr ${n}`).join(', ')}`);
  if (minutes.coopted.length > 0) lines.push(`- Co-opted: ${minutes.coopted.join('; ')}`);
  if (minutes.inAttendance.length > 0) lines.push(`- In attendance: ${minutes.inAttendance.join('; ')}`);
  if (minutes.employees.length > 0) lines.push(`- Employees: ${minutes.employees.map((e) => (e.role ? `${e.name} (${e.role})` : e.name)).join('; ')}`);
  return { kind: 'meeting_info', text: lines.join('\n'), citations: cites.items, meeting, followUps: [`Apologies at the ${shortDate(meeting.date)} meeting?`] };
}

function answerChair(index: PaperIndex, u: Understanding): Answer {
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
  if (lines.length === 0) return chairFromMinutes(index, u) ?? notFound(index, 'The papers do not name a chair for that meeting.');
  return { kind: 'meeting_info', text: lines.join('\n'), citations: cites.items, followUps: ['Who is on the panel?', 'When is the next meeting?'] };
}

const CHAIR_IN_MINUTES = phrase('chairInMinutes');

/** Minutes that list no chair often name one where they open ("Cllr A B, Chair, welcomed everyone"). */
function chairFromMinutes(index: PaperIndex, u: Understanding): Answer | null {
  const meeting = targetMeeting(index, u, (m) => index.corpus.minutes.some((x) => x.meetingDate === m.date));
  const minutes = meeting ? index.corpus.minutes.find((x) => x.meetingDate === meeting.date) : undefined;
  if (!meeting || !minutes) return null;
  const { file, lineStart, lineEnd } = minutes.source;
  const n = findLine(index, file, lineStart, lineEnd, CHAIR_IN_MINUTES);
  const name = n === null ? undefined : CHAIR_IN_MINUTES.exec(index.lines(file)?.at(n - 1) ?? '')?.[1];
  if (n === null || !name) return null;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, file, n, n, `Minutes - ${shortDate(meeting.date)}`, meeting.date));
  return { kind: 'meeting_info', text: `The minutes of the ${shortDate(meeting.date)} meeting name Cllr ${name} as chair ${c}.`, citations: cites.items, meeting, followUps: [] };
}

function answerMembership(index: PaperIndex, u: Understanding): Answer {
  const m = targetMeeting(index, u, (x) => hasFrontSheet(x) && (x.quorum !== null || x.members.length > 0));
  const sheet = m?.records.find((r) => r.evidence === 'front_sheet')?.source;
  if (!m || !sheet) {
    return u.dates.length > 0 && m
      ? answerAttendance(index, u)
      : notFound(index, 'The papers have no front sheet listing the panel for that meeting.');
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

function answerTimeVenue(index: PaperIndex, u: Understanding): Answer {
  const m = targetMeeting(index, u);
  if (!m) return notFound(index, 'The papers record no meeting on that date.');
  if (!m.time && !m.venue) {
    return notFound(index, `The papers give no time or venue for the ${shortDate(m.date)} meeting.${onlyScheduledNote(m)}`);
  }
  const cites = new CitationList();
  const c = citeMeeting(index, m, cites);
  return { kind: 'meeting_info', text: `The ${shortDate(m.date)} meeting is ${describe(m).replace(/^\w+ [\d\w ]+? (?=at|in)/u, '')} ${c}.`, citations: cites.items, meeting: m, followUps: [] };
}

export function answerMeetingList(index: PaperIndex, u: Understanding): Answer {
  const meetings = panelMeetings(index).filter((m) => u.dates.length === 0 || u.dates.some((d) => inRef(m.date, d)));
  if (meetings.length === 0) {
    const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ');
    return notFound(index, `The papers record no meeting of the panel in ${label}.`);
  }
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

export function answerAgenda(index: PaperIndex, u: Understanding): Answer {
  const next = u.dates.length === 0 && /\bnext\b/u.test(u.text) ? (panelMeetings(index).find((x) => x.date > u.asOf) ?? null) : null;
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
