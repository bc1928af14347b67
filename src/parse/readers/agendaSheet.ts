import type { SourceDocument } from '../../ingest';
import type { Meeting, Paper } from '../../model';
import { parseAgendaItems } from '../agendaItems';
import { findCommitteeName } from '../committees';
import { findDates, findTime } from '../dates';
import { span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { segmentPapers } from '../segmentPapers';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, longDate, meetingRecord, pageFurniture, pagesOf } from './common';
import type { PaperReader } from './index';
import { councilName, markdownLine, nextMeetings, titleCase } from './meetingText';

const S = VOCABULARY.agendaSheet;
/** How far down a front sheet its heading, date and agenda mark sit. */
const TOP_LINES = 14;

/**
 * An agenda published on its own, as parish, town and county councils publish them: "Thornbury Green
 * Parish Council – Meeting of the Parish Council / 26th March 2026 at 7.30pm in the Village Hall / Agenda
 * & Summons ...", or "Cabinet / Date: Thursday, 30 January 2025 / Time: 10.00 am / Venue: ... / AGENDA",
 * then numbered items. Known by an agenda or summons mark and a date near the top; a pack that binds
 * minutes and reports behind its front sheet is left to the agenda pack reader.
 */
export const AGENDA_SHEET: PaperReader = { layout: 'agenda_front_sheet', recognises, read };

/** The first non-blank lines with their indexes, a PDF's doubled text ("COUNCILCOUNCIL") made single. */
function topLines(doc: SourceDocument): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  for (let i = 0; i < doc.lines.length && out.length < TOP_LINES; i++) {
    const text = undoubled(markdownLine(doc.lines[i] ?? ''));
    if (text) out.push({ index: i, text });
  }
  return out;
}

/** "THORNBURY PARISH COUNCILTHORNBURY PARISH COUNCIL": text a PDF printed twice (a fake bold) read once. */
function undoubled(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && half > 3 && text.slice(0, half) === text.slice(half) ? text.slice(0, half) : text;
}

function recognises(doc: SourceDocument): boolean {
  const top = topLines(doc);
  if (!top.some((l) => S.marks.test(l.text)) || !top.some((l) => findDates(l.text).length > 0)) return false;
  if (top.some((l) => VOCABULARY.minutesHeading.test(l.text))) return false;
  return !segmentPapers(doc.lines).some((s) => s.kind === 'minutes' || s.kind === 'report' || s.kind === 'agenda' || s.kind === 'work_programme');
}

function read(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const top = topLines(doc);
  const field = (name: keyof typeof S.fields): { index: number; value: string } | null => {
    for (const l of top) {
      const m = S.fields[name].exec(l.text);
      if (m?.[1] && (name !== 'date' || findDates(m[1]).length > 0)) return { index: l.index, value: m[1].trim() };
    }
    return null;
  };
  const dated = field('date') ?? top.map((l) => ({ index: l.index, value: l.text })).find((l) => findDates(l.value).length > 0)!;
  const date = findDates(dated.value)[0]!;
  const afterDate = dated.value.slice(date.index + date.length);
  const time = findTime(field('time')?.value ?? afterDate) ?? findTime(top.find((l) => l.index > dated.index)?.text ?? '');
  const venue = field('venue')?.value ?? venueAfter(afterDate) ?? venueAfter(top.find((l) => l.index > dated.index && !findTime(l.text))?.text ?? '');
  const committee = committeeOf(top.filter((l) => l.index < dated.index).map((l) => l.text));
  const marked = top.find((l) => S.marks.test(l.text));
  const headingEnd = Math.max(dated.index, marked?.index ?? 0, field('venue')?.index ?? 0);
  const meeting: Meeting = meetingRecord(committee, date.date, 'scheduled', 'front_sheet', span(file, top[0]?.index ?? 0, dated.index, pageOf), { time, venue, hasPapers: true });
  const agendaItems = parseAgendaItems(file, lines, headingEnd + 1, lines.length - 1, date.date, pageOf);
  const paper: Paper = { kind: 'agenda', title: `Agenda - ${longDate(date.date)}`, meetingDate: date.date, source: span(file, 0, lines.length - 1, pageOf) };
  const later = nextMeetings(file, lines, committee, date.date, pageFurniture(doc), pageOf);
  return fileFindings(doc, { papers: [paper], meetings: [meeting, ...later], agendaItems });
}

/** "at 7.30pm in the Village Hall" after the date: "the Village Hall". */
function venueAfter(text: string): string | null {
  const rest = text.replace(/^.*?\b\d{1,2}(?:[.:]\d{2})?\s*[ap]\.?m\.?/iu, '');
  return S.venueAfterTime.exec(rest)?.[1]?.trim() ?? null;
}

/**
 * The committee the heading names: a committee ("Cabinet", "Planning Committee"), else the council
 * ("Thornbury Parish Council - Meeting of the Parish Council"), else the heading's first line.
 */
function committeeOf(heading: readonly string[]): string | null {
  const text = heading.filter((l) => !S.marks.test(l) && !VOCABULARY.notCommittee.test(l));
  for (const line of text) {
    const named = findCommitteeName(line) ?? councilName(titleCase(line));
    if (named) return named;
  }
  return text[0] ? titleCase(text[0].replace(/\s+[–-]\s+.*$/u, '')) : null;
}
