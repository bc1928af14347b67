import type { Answer } from '../../../model';
import type { PaperIndex } from '../../../search';
import { CitationList, citeLines, findLine } from '../../cite';
import { committeeRecord } from '../../committees';
import { linesNaming, printedLine } from '../../compose/meetingRecords';
import { hasFrontSheet, latestAttendance, minutesOn, named, targetMeeting } from '../../compose/meetings';
import { shortDate } from '../../dateRefs';
import { notFound } from '../../notFound';
import type { Reading } from '../../read';

export function answerAttendance(index: PaperIndex, u: Reading): Answer {
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

/** A committee page's membership list, quoted as printed, for "who is on the committee" with no date. */
function membersFromCommitteePage(index: PaperIndex, u: Reading): Answer | null {
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

export function answerMembership(index: PaperIndex, u: Reading): Answer {
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
