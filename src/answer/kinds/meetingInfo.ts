import type { Answer, Meeting } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { endedNote } from '../compose/meetingEnd';
import { bestRecord, capital, citeMeeting, conflictNote, datePrinted, datingLine, describe, HEADED, heldRecord, MAX_HEADING_LINES, onlyScheduledNote, OWN_PAPERS, printedLine, recordTitle, recordTitleOf } from '../compose/meetingRecords';
import { minutesOn, named, targetMeeting } from '../compose/meetings';
import { shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';
import { answerAttendance, answerMembership } from './meetingDetails/attendance';
import { answerChair, answerViceChair } from './meetingDetails/chair';

function answerMeetingInfo(index: PaperIndex, u: Reading): Answer {
  switch (u.detail) {
    case 'apologies':
    case 'declarations':
      return answerFromMinutes(index, u, u.detail);
    case 'attendance':
      return answerAttendance(index, u);
    case 'chair':
      return answerChair(index, u);
    case 'vice_chair':
      return answerViceChair(index, u);
    case 'members':
    case 'quorum':
      return answerMembership(index, u);
    default:
      return answerTimeVenue(index, u);
  }
}

function answerFromMinutes(index: PaperIndex, u: Reading, detail: 'apologies' | 'declarations'): Answer {
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

/**
 * A meeting whose papers give no time or venue the parser read: its own record's heading line that
 * dates it ("Minutes of a meeting held on 3 June 2021 via Zoom") says how and where it was held, if
 * anything does. Null when its own papers print no such line.
 */
function headingOnly(index: PaperIndex, u: Reading, m: Meeting): Answer | null {
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

/** A detail of a meeting or the panel: chair, members, quorum, apologies, attendance, time and venue. */
export const meetingInfo: QuestionKind = { name: 'meeting_info', hears: readAs('meeting_info'), answer: (index, r, next) => orNext(answerMeetingInfo(index, r), next) };
