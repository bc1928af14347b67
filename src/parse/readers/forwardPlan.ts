import type { SourceDocument } from '../../ingest';
import type { Meeting, Paper, WorkProgrammeRow } from '../../model';
import { findDates } from '../dates';
import { span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, meetingRecord, openingLines, pageFurniture, pagesOf } from './common';
import type { PaperReader } from './index';

const F = VOCABULARY.forwardPlan;

type Column = 'lead' | 'item' | 'meetingDate' | 'decider' | 'other';

/**
 * Forward plans of key decisions: a table whose rows give the lead officer, the decision's title and
 * summary, the meeting date and the committee that decides. Each row becomes a work programme row,
 * and each committee and date a scheduled meeting (evidence 'forward_plan').
 */
export const FORWARD_PLAN: PaperReader = { layout: 'forward_plan', recognises, read };

function recognises(doc: SourceDocument): boolean {
  return openingLines(doc, 8).some((l) => F.marks.test(l)) && doc.lines.some((l) => headerColumns(l) !== null);
}

/** A table header row: its cells by column, when one of them is the meeting date. */
function headerColumns(line: string): Column[] | null {
  const cells = line.split('\t').map((c) => c.trim());
  if (cells.length < 3 || !cells.some((c) => F.meetingDateHeader.test(c))) return null;
  return cells.map((c) =>
    F.meetingDateHeader.test(c) ? 'meetingDate' : F.itemHeader.test(c) ? 'item' : F.leadHeader.test(c) ? 'lead' : F.deciderHeader.test(c) ? 'decider' : 'other',
  );
}

interface Row {
  first: number;
  last: number;
  item: string;
  lead: string;
  decider: string;
  meetingDate: string;
  /** The summary of the decision ("To seek approval ..."), line by line. */
  summary: string[];
  /** Whether the title may still run onto the next line (it stops at the summary, "To seek approval ..."). */
  titleOpen: boolean;
}

function read(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const skip = pageFurniture(doc);
  const cover = coverCommittee(lines);
  const rows: Row[] = [];
  let columns: Column[] | null = null;
  let row: Row | null = null;
  lines.forEach((raw, i) => {
    // The header row repeats on every page, so it is page furniture too; it is read before that is skipped.
    const header = headerColumns(raw);
    if (header) {
      columns = header;
      return;
    }
    if (skip.has(i)) return;
    if (!columns || !raw.trim()) return;
    const cells = raw.split('\t').map((c) => c.trim());
    const dateAt = cells.findIndex((c) => findDates(c).length > 0 && c.length <= 20);
    const dateColumn = (columns as Column[]).indexOf('meetingDate');
    if (dateAt >= 0) {
      // A row's first line has every cell; cells missing before the date are missing from the left.
      const at = (k: number): Column => (columns as Column[])[dateColumn - (dateAt - k)] ?? 'other';
      const get = (column: Column): string => cells.filter((_, k) => at(k) === column).join(' ');
      row = { first: i, last: i, summary: [], item: get('item'), lead: get('lead'), decider: get('decider'), meetingDate: findDates(cells[dateAt] ?? '')[0]!.date, titleOpen: true };
      rows.push(row);
      return;
    }
    const current = row as Row | null;
    if (!current) return;
    current.last = i;
    // The row's second line continues each column: lead officer, title, committee, report type.
    if (i === current.first + 1 && cells.length >= 3) {
      current.lead = `${current.lead} ${cells[0] ?? ''}`.trim();
      const title = cells[1] ?? '';
      if (current.titleOpen && title && !F.continuationStarts.test(title)) current.item = `${current.item} ${title}`;
      else current.summary.push(title);
      current.decider = `${current.decider} ${cells[cells.length - 2] ?? ''}`.trim();
    } else {
      // Below that, the summary column: the second cell beside the lead officer's email, or the whole line.
      const cell = cells.length >= 2 ? (cells[1] ?? '') : (cells[0] ?? '');
      if (!F.rowFlags.test(cell) && !cell.includes('@') && !(cells.length === 1 && /^\S{1,3}$/u.test(cell))) current.summary.push(cell);
    }
    current.titleOpen = false;
  });

  const workProgramme: WorkProgrammeRow[] = rows.map((r) => ({
    item: r.item.replace(/\s+/gu, ' ').trim(),
    description: r.summary.join(' ').replace(/\s+/gu, ' ').trim() || null,
    lead: r.lead.replace(/\s+/gu, ' ').replace(/(?<![,\s])[,\s]+$/u, '').trim() || null,
    author: null,
    meetingDate: r.meetingDate,
    meetingDateText: null,
    publicationDate: null,
    status: null,
    source: span(file, r.first, r.last, pageOf),
  }));
  const seen = new Set<string>();
  const meetings: Meeting[] = [];
  for (const r of rows) {
    const committee = r.decider.replace(/\s+/gu, ' ').trim() || cover;
    const key = `${committee}|${r.meetingDate}`;
    if (seen.has(key)) continue;
    seen.add(key);
    meetings.push(meetingRecord(committee, r.meetingDate, 'scheduled', 'forward_plan', span(file, r.first, r.first, pageOf)));
  }
  meetings.push(...listedMeetings(file, lines, cover, seen, pageOf));
  const source = span(file, 0, lines.length - 1, pageOf);
  const paper: Paper = { kind: 'forward_plan', title: `Forward plan${cover ? ` - ${cover}` : ''}`, meetingDate: null, source };
  return fileFindings(doc, { papers: [paper], meetings, workProgramme });
}

/** "AT TRANSPORT & CONNECTIVITY POLICY" / "COMMITTEE": the cover's committee, in title case. */
function coverCommittee(lines: readonly string[]): string | null {
  const open = lines.slice(0, 30).map((l) => l.trim());
  const at = open.findIndex((l) => F.committeeLine.test(l));
  if (at < 0) return null;
  const parts = [F.committeeLine.exec(open[at] ?? '')?.[1] ?? ''];
  for (let i = at + 1; i < open.length && parts.length < 4; i++) {
    const l = open[i] ?? '';
    if (!l) continue;
    if (l !== l.toUpperCase() || findDates(l).length > 0) break;
    parts.push(l);
  }
  return parts.join(' ').toLowerCase().replace(/(^|\s)([a-z])/gu, (_, s: string, c: string) => `${s}${c.toUpperCase()}`).replace(/\bAnd\b/gu, 'and').trim() || null;
}

/** Dates listed under a "... Meetings" heading: the committee's meeting dates for the year. */
function listedMeetings(file: string, lines: readonly string[], committee: string | null, seen: Set<string>, pageOf: (i: number) => number | null): Meeting[] {
  const out: Meeting[] = [];
  lines.forEach((line, i) => {
    if (!/\bMeetings\s*:?\s*$/u.test(line.trim())) return;
    for (let j = i + 1; j < Math.min(lines.length, i + 30); j++) {
      const text = (lines[j] ?? '').trim();
      if (!text) continue;
      const dates = findDates(text);
      if (dates.length === 0 || text.length > 60) break;
      for (const d of dates) {
        const key = `${committee}|${d.date}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(meetingRecord(committee, d.date, 'scheduled', 'forward_plan', span(file, j, j, pageOf)));
      }
    }
  });
  return out;
}
