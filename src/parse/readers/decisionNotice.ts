import type { SourceDocument } from '../../ingest';
import type { MinuteItem, Minutes, Paper, Resolution } from '../../model';
import { findDates } from '../dates';
import { personName, span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, joinHeading, longDate, meetingRecord, openingLines, pageFurniture, pagesOf, parseIssue, POINT } from './common';
import type { PaperReader } from './index';

const N = VOCABULARY.decisionNotice;

/**
 * Decision notices (decision recording forms): "Decision determined at <Committee> meeting on <date>",
 * who was present, apologies, then per subject "(a) Subject:", "(agenda item 8)", "(d) Decision taken".
 * Read as minutes of the meeting whose items are the subjects and whose resolutions are the decisions,
 * so answers find them beside minutes; Minutes.record says they came from a decision notice.
 */
export const DECISION_NOTICE: PaperReader = { layout: 'decision_notice', recognises, read };

function recognises(doc: SourceDocument): boolean {
  const open = openingLines(doc, 8);
  return open.some((l) => N.heading.test(l)) && open.some((l) => N.determinedAt.test(l));
}

function read(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const skip = pageFurniture(doc);
  const text = (i: number): string => (skip.has(i) ? '' : (lines[i] ?? '').trim());
  const at = lines.findIndex((l) => N.determinedAt.test(l.trim()));
  let dateAt = at;
  while (dateAt < lines.length && !(N.meetingOn.test(text(dateAt)) && findDates(text(dateAt)).length > 0)) dateAt++;
  const meetingDate = findDates(text(dateAt))[0]?.date;
  if (!meetingDate) {
    return fileFindings(doc, { issues: [parseIssue(file, 'minutes_without_date', 'decision notice names no meeting date', at)] });
  }
  const parts = [N.determinedAt.exec(text(at))?.[1] ?? '', ...lines.slice(at + 1, dateAt + 1).map((l, k) => (at + 1 + k === dateAt ? l.slice(0, l.search(N.meetingOn)) : l))];
  const committee = joinHeading(at === dateAt ? [(parts[0] ?? '').slice(0, (parts[0] ?? '').search(N.meetingOn))] : parts) || null;

  const members: string[] = [];
  const apologies: { lines: number[] } = { lines: [] };
  let list: string[] | number[] | null = null;
  const firstSubject = lines.findIndex((l) => N.subject.test(l.trim()));
  for (let i = dateAt + 1; i < (firstSubject < 0 ? lines.length : firstSubject); i++) {
    const line = text(i);
    if (!line) continue;
    if (N.members.test(line)) list = members;
    else if (N.apologies.test(line)) {
      list = apologies.lines;
      const inline = line.replace(N.apologies, '').trim();
      if (inline) apologies.lines.push(i);
    } else if (N.deadline.test(line)) list = null;
    else if (list === members) members.push(personName(line.replace(/,.*$/u, '')));
    else if (list === apologies.lines) apologies.lines.push(i);
  }

  const items: MinuteItem[] = [];
  const subjects = lines.flatMap((l, i) => (N.subject.test(l.trim()) ? [i] : []));
  subjects.forEach((start, k) => {
    const stop = (subjects[k + 1] ?? lines.length) - 1;
    let title = N.subject.exec(text(start))?.[1]?.trim() ?? '';
    let number = '';
    let i = start + 1;
    for (; i <= stop && !N.field.test(text(i)); i++) {
      const line = text(i);
      const item = N.agendaItem.exec(line);
      if (item) number = item[1] ?? '';
      else if (line) title = `${title} ${line}`;
      if (item) break;
    }
    const decisionAt = lines.findIndex((l, j) => j > start && j <= stop && N.decisionTaken.test(l.trim()));
    const kept: number[] = [];
    if (decisionAt >= 0) {
      for (let j = decisionAt + 1; j <= stop && !N.field.test(text(j)); j++) if (text(j)) kept.push(j);
    }
    const resolutions: Resolution[] = kept.length === 0 ? [] : [decision(file, lines, kept, meetingDate, number, title.trim(), pageOf)];
    items.push({
      meetingDate,
      number,
      title: title.replace(/\s+/gu, ' ').trim(),
      body: kept.map((j) => text(j)).join('\n'),
      resolutions,
      votes: [],
      source: span(file, start, stop, pageOf),
    });
  });

  const source = span(file, 0, lines.length - 1, pageOf);
  const apologiesText = apologies.lines.map((i) => text(i)).join('\n');
  const minutes: Minutes = {
    meetingDate,
    committee,
    record: 'decision_notice',
    chair: null,
    viceChair: null,
    members,
    coopted: [],
    inAttendance: [],
    employees: [],
    apologies: apologies.lines.length > 0 ? { text: apologiesText, source: span(file, apologies.lines[0]!, apologies.lines[apologies.lines.length - 1]!, pageOf) } : null,
    declarations: null,
    items,
    source,
  };
  const paper: Paper = { kind: 'decision_notice', title: `Decisions - ${longDate(meetingDate)}`, meetingDate, source };
  return fileFindings(doc, {
    papers: [paper],
    meetings: [meetingRecord(committee, meetingDate, 'held', 'decision_notice', span(file, at, dateAt, pageOf), { hasPapers: true })],
    minutes: [minutes],
  });
}

/** The decision as recorded, verbatim; its numbered points (those approved) without their numbers. */
function decision(file: string, lines: readonly string[], kept: readonly number[], meetingDate: string, itemNumber: string, itemTitle: string, pageOf: (i: number) => number | null): Resolution {
  const points: string[] = [];
  let previous = -2;
  for (const j of kept) {
    const line = (lines[j] ?? '').trim();
    // "Recommendation 3 was not approved": what follows is recorded but was not decided.
    if (VOCABULARY.decision.rejected.test(line)) break;
    const point = POINT.exec(line);
    if (point) points.push(point[1] ?? '');
    else if (points.length > 0 && j === previous + 1 && !/:\s*$/u.test(line)) points[points.length - 1] += ` ${line}`;
    else if (!/:\s*$/u.test(line) && points.length === 0) points.push(line);
    previous = j;
  }
  const text = kept.map((j) => (lines[j] ?? '').trim()).join('\n');
  return { meetingDate, itemNumber, itemTitle, text, points: points.length > 0 ? points : [text], labelled: true, source: span(file, kept[0]!, kept[kept.length - 1]!, pageOf) };
}




