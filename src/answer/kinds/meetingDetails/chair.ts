import type { Answer } from '../../../model';
import type { PaperIndex } from '../../../search';
import { chairNamedInPassing } from '../../chairOfBody';
import { CitationList, citeLines, findLine } from '../../cite';
import { committeeRecord } from '../../committees';
import { bestRecord, capital, linesNaming, printedLine } from '../../compose/meetingRecords';
import { hasFrontSheet, latestAttendance, minutesOn, named, targetMeeting } from '../../compose/meetings';
import { shortDate } from '../../dateRefs';
import { electionAnswer, officesAsked } from '../../compose/elections';
import { notFound } from '../../notFound';
import { phrase, TEXT_BEHIND } from '../../questionGrammar';
import type { Reading } from '../../read';

export function answerChair(index: PaperIndex, u: Reading): Answer {
  // "Who was elected chair (and vice chair) at the annual meeting?": the elections as minuted.
  const elected = u.said.has('asksElected') ? electionAnswer(index, u, officesAsked(index, u.words, ['chair'])) : null;
  if (elected) return elected;
  if (u.dates.length === 0) {
    const fromPage = chairFromCommitteePage(index, u) ?? electionAnswer(index, u, ['chair']) ?? chairFromAttendance(index, u);
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
function chairOfMeeting(index: PaperIndex, u: Reading): Answer | null {
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

/** The chair as the papers print it, each naming line quoted: "Councillor A B (Chair)". */
function chairAnswer(index: PaperIndex, u: Reading, span: { file: string; lineStart: number; lineEnd: number }, chair: string, vice: string | null, title: string, date: string | null): Answer | null {
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
function chairFromCommitteePage(index: PaperIndex, u: Reading): Answer | null {
  const c = committeeRecord(index, u.committee ?? null);
  if (!c?.chair) return null;
  return chairAnswer(index, u, c.source, c.chair, c.viceChair, `Committee details - ${c.name}`, null);
}

/** Without a committee page: the latest minutes (before the day asked) marking a "(Chair)" in their attendance. */
function chairFromAttendance(index: PaperIndex, u: Reading): Answer | null {
  const minutes = latestAttendance(index, u, (m) => m.chair !== null);
  if (!minutes?.chair || !minutes.attendanceSource) return null;
  const answer = chairAnswer(index, u, minutes.attendanceSource, minutes.chair, minutes.viceChair, `Minutes - ${shortDate(minutes.meetingDate)}, attendance`, minutes.meetingDate);
  return answer ? { ...answer, text: `${answer.text}\n\n(As the minutes of the ${shortDate(minutes.meetingDate)} meeting record it.)` } : null;
}

const CHAIR_IN_MINUTES = phrase('chairInMinutes');

/** Minutes that list no chair often name one where they open ("Cllr A B, Chair, welcomed everyone"). */
function chairFromMinutes(index: PaperIndex, u: Reading): Answer | null {
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

type Span = { file: string; lineStart: number; lineEnd: number };

/** The vice-chair as the papers print them, each naming line quoted; null when no line of the span names them. */
function viceChairAnswer(index: PaperIndex, span: Span, vice: string, title: string, date: string | null, lead: string): Answer | null {
  const at = linesNaming(index, span, [vice]);
  if (at.length === 0) return null;
  const cites = new CitationList();
  const c = cites.add(citeLines(index, span.file, at[0]!, at[at.length - 1]!, title, date));
  const printed = at.map((n) => `- ${printedLine(index, span.file, n)}`).join('\n');
  return { kind: 'meeting_info', text: `${lead} Cllr ${vice} ${c}:\n\n${printed}`, citations: cites.items, followUps: [] };
}

/**
 * "And the vice chair?": the vice-chair alone, not the chair again, from the records that name the
 * chair: the committee's page (asked of no meeting), the meeting's front sheet or minutes, else the
 * latest minutes whose attendance marks one.
 */
export function answerViceChair(index: PaperIndex, u: Reading): Answer {
  const who = named(index, u);
  const page = u.dates.length === 0 ? committeeRecord(index, u.committee ?? null) : null;
  const fromPage = page?.viceChair ? viceChairAnswer(index, page.source, page.viceChair, `Committee details - ${page.name}`, null, `The vice-chair of ${who} is`) : null;
  if (fromPage) return fromPage;
  const m = targetMeeting(index, u, (x) => x.viceChair !== null && hasFrontSheet(x)) ?? targetMeeting(index, u, (x) => x.viceChair !== null);
  if (m?.viceChair) {
    const rec = bestRecord(m);
    // The front sheet's membership list runs past the record's heading lines, as for the chair.
    const span = { ...rec.source, lineEnd: rec.source.lineEnd + 40 };
    const title = `${rec.evidence === 'front_sheet' ? 'Agenda front sheet' : 'Minutes'} - ${shortDate(m.date)}`;
    const fromMeeting = viceChairAnswer(index, span, m.viceChair, title, m.date, `On ${shortDate(m.date)} the vice-chair of ${who} was`);
    if (fromMeeting) return { ...fromMeeting, meeting: m };
  }
  const minutes = latestAttendance(index, u, (x) => x.viceChair !== null);
  const fromMinutes = minutes?.viceChair && minutes.attendanceSource ? viceChairAnswer(index, minutes.attendanceSource, minutes.viceChair, `Minutes - ${shortDate(minutes.meetingDate)}, attendance`, minutes.meetingDate, `As the minutes of the ${shortDate(minutes.meetingDate)} meeting record it, the vice-chair of ${who} was`) : null;
  return fromMinutes ?? notFound(index, `The papers do not name a vice-chair of ${who}.`);
}
