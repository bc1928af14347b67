import type { Answer, Citation, Meeting } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { capital, citeMeeting, conflictNote, describe, onlyScheduledNote, printedLine, recordTitleOf, statusRecord } from '../compose/meetingRecords';
import { meetingsAsked, named, notGoingAhead, wasHeld } from '../compose/meetings';
import { newestPlanFile, planRecord } from '../compose/plans';
import { compareDates, inRef, shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import { phrase } from '../questionGrammar';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

/** `after`: the next meeting found already, for "the meeting after next": the answer is the one after it. */
function answerNextMeeting(index: PaperIndex, u: Reading, alsoLast: boolean, after: Meeting | null = null): Answer {
  const meetings = meetingsAsked(index, u);
  const who = named(index, u);
  const anchor = after ? after.date : u.after && u.dates[0] ? anchorDate(meetings, u) : u.asOf;
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
  const lead = after ? `The meeting after next of ${who} (the next is on ${shortDate(after.date)})` : u.after ? `The next meeting after ${shortDate(anchor)}` : `The next meeting of ${who}`;
  lines.push(`${lead} is on ${describe(next)} ${citeMeeting(index, next, cites, planRecord(index, next))}.${noted}${onlyScheduledNote(next)}${conflictNote(next)}`);
  const skipped = ahead.filter((m) => m.date < next.date);
  if (skipped.length > 0) lines.push(skipped.map((m) => `The ${shortDate(m.date)} meeting was ${m.status} ${citeMeeting(index, m, cites, statusRecord(m))}.`).join(' '));
  const expected = expectedItems(index, next, cites);
  if (expected) lines.push(expected);
  return { kind: 'next_meeting', text: lines.join('\n\n'), citations: cites.items, meeting: next, followUps: [`What's on the agenda for ${shortDate(next.date)}?`, `Who chairs ${who}?`] };
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

function anchorDate(meetings: readonly Meeting[], u: Reading): string {
  const ref = u.dates[0]!;
  const inside = meetings.filter((m) => inRef(m.date, ref));
  return inside[inside.length - 1]?.date ?? ref.to;
}

/** "When do we meet again?": the first meeting after the day asked, from the calendar. */
export const nextMeeting: QuestionKind = {
  name: 'next_meeting',
  hears: readAs('next_meeting'),
  // "Last and next meeting?": the last one too when the question asks for it.
  answer: (index, r, next) => {
    const alsoLast = r.said.has('alsoLastMeeting');
    const first = answerNextMeeting(index, r, alsoLast);
    // "The meeting after next": the first meeting going ahead after the next one.
    if (!r.said.has('afterNext') || !first.meeting) return orNext(first, next);
    return orNext(answerNextMeeting(index, r, alsoLast, first.meeting), next);
  },
};
