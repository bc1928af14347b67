import type { Answer, Meeting } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { citeMeeting, conflictNote, describe, printedLine, recordLine, recordTitleOf, statusRecord, statusWords } from '../compose/meetingRecords';
import { hasFrontSheet, meetingsAsked, named, notGoingAhead } from '../compose/meetings';
import { newestPlanFile, planDate } from '../compose/plans';
import { inRef, longDate, shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

/** "It did not go ahead", in the tense of the day asked: a meeting still ahead "will not go ahead". */
function noneGoingAhead(index: PaperIndex, u: Reading, meetings: readonly Meeting[], label: string): string {
  const [only] = meetings;
  if (meetings.length === 1 && only && u.dates.length === 1 && u.dates[0]!.exactDay) {
    const ahead = only.date >= u.asOf;
    return `The ${shortDate(only.date)} meeting of ${named(index, u)} ${ahead ? 'is' : 'was'} ${only.status}: it ${ahead ? 'will not go' : 'did not go'} ahead.`;
  }
  return `No meeting of ${named(index, u)}${label ? ` in ${label}` : ''} went ahead.`;
}

function answerMeetingList(index: PaperIndex, u: Reading): Answer {
  if (u.said.has('asksPlan')) {
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
function listedMeetings(index: PaperIndex, u: Reading, meetings: readonly Meeting[]): Answer {
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

/**
 * "Which meeting dates are in the February forward plan": the meetings a plan lists, each row's line
 * quoted. The date names the plan (its publication), not the meetings; without one, the newest plan.
 */
function planMeetingList(index: PaperIndex, u: Reading): Answer | null {
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

/** "Which meetings are in the papers?", "did we meet in May?": the calendar over a span. */
export const meetingList: QuestionKind = { name: 'meeting_list', hears: readAs('meeting_list'), answer: (index, r, next) => orNext(answerMeetingList(index, r), next) };
