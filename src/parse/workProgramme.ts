import type { WorkProgrammeRow, WorkProgrammeStatus } from '../model';
import { findDates } from './dates';
import { BLANK_PAGE, isBlank, type PageOf, plain, span } from './lines';

type Column = 'item' | 'description' | 'lead' | 'author' | 'meetingDate' | 'publicationDate' | 'status' | 'other';

/** Header cells name the columns; councils order and word them differently, so columns are found by name. */
function columnOf(header: string): Column {
  const h = header.toLowerCase();
  if (/date of meeting|meeting date/u.test(h)) return 'meetingDate';
  if (/publication|deadline/u.test(h)) return 'publicationDate';
  if (/^item description$|^item$|^topic$|^title$/u.test(h)) return 'item';
  if (/description/u.test(h)) return 'description';
  if (/author|officer/u.test(h)) return 'author';
  if (/lead/u.test(h)) return 'lead';
  if (/status/u.test(h)) return 'status';
  return 'other';
}

interface Row {
  cells: Partial<Record<Column, string>>;
  first: number;
  last: number;
}

/** Reads the work programme table(s) and the undated "future work programme" list in lines[start..end]. */
export function parseWorkProgramme(file: string, lines: readonly string[], start: number, end: number, pageOf: PageOf): WorkProgrammeRow[] {
  const out: WorkProgrammeRow[] = [];
  let columns: Column[] | null = null;
  let row: Row | null = null;
  let inFuture = false;
  const flush = (): void => {
    if (row) out.push(...toRows(file, row, pageOf));
    row = null;
  };
  for (let i = start; i <= end; i++) {
    const raw = lines[i] ?? '';
    if (BLANK_PAGE.test(raw)) break;
    if (isBlank(raw) || /^[\s|:-]+$/u.test(raw)) continue;
    const cells = raw.split('\t').map((c) => c.trim());
    if (cells.length >= 3 && cells.some((c) => /date of meeting|meeting date/iu.test(c))) {
      flush();
      columns = cells.map(columnOf);
      inFuture = false;
      continue;
    }
    if (/^(?:#+\s*)?(?:\*\*)?Future Work Programme/iu.test(raw.trim())) {
      flush();
      columns = null;
      inFuture = true;
      continue;
    }
    if (inFuture) {
      const bullet = /^\s*[-•]\s+(.+)$/u.exec(raw);
      if (bullet?.[1]) out.push(futureRow(file, i, plain(bullet[1]), pageOf));
      else if (!/^\s*[-•]/u.test(raw)) inFuture = false;
      continue;
    }
    if (!columns || !raw.includes('\t')) {
      if (columns && !raw.includes('\t')) {
        flush();
        columns = null;
      }
      continue;
    }
    const dateAt = columns.indexOf('meetingDate');
    const hasDate = dateAt >= 0 && findDates(cells[dateAt] ?? '').length > 0;
    if (hasDate || !row) {
      flush();
      row = { cells: {}, first: i, last: i };
    }
    const current: Row = row!;
    cells.forEach((cell, k) => {
      const column = columns![k] ?? 'other';
      if (!cell) return;
      current.cells[column] = current.cells[column] ? `${current.cells[column]} ${cell}` : cell;
    });
    current.last = i;
  }
  flush();
  return out;
}

/** "– September 2023 –" in an undated entry: a month, never made into a day. */
const MONTH_YEAR = /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+(\d{4})\b/u;

function futureRow(file: string, index: number, text: string, pageOf: PageOf): WorkProgrammeRow {
  return {
    item: text,
    description: null,
    lead: null,
    author: null,
    meetingDate: null,
    meetingDateText: MONTH_YEAR.exec(text)?.[0] ?? null,
    publicationDate: null,
    status: null,
    source: span(file, index, index, pageOf),
  };
}

/** One table row can list several items ("1. Evaluation of MASH 24 2. ..."), with one author each. */
function toRows(file: string, row: Row, pageOf: PageOf): WorkProgrammeRow[] {
  const dateText = plain(row.cells.meetingDate ?? '');
  const meetingDate = findDates(dateText)[0]?.date ?? null;
  const status = /provisional/iu.test(row.cells.status ?? '') ? 'Provisional' : /programmed/iu.test(row.cells.status ?? '') ? 'Programmed' : null;
  const rawItem = row.cells.item ?? row.cells.description ?? '';
  const listed = splitList(rawItem);
  const authors = splitParagraphs(row.cells.author ?? '');
  const theme = listed.theme;
  const items = listed.items.length > 0 ? listed.items : [plain(rawItem)];
  return items
    .filter((item) => item.length > 0)
    .map((item, k) => ({
      item,
      description: row.cells.item ? (plain(row.cells.description ?? '') || theme) : theme,
      lead: plain(row.cells.lead ?? '') || null,
      author: (items.length > 1 && authors.length === items.length ? authors[k] : plain(row.cells.author ?? '')) || null,
      meetingDate,
      meetingDateText: meetingDate ? null : dateText || null,
      publicationDate: plain(row.cells.publicationDate ?? '') || null,
      status: status as WorkProgrammeStatus,
      source: span(file, row.first, row.last, pageOf),
    }));
}

/** "<p>Spotlight on Safeguarding</p> <ol> 1. Evaluation of MASH 24 2. Supporting ..." -> theme and items. */
function splitList(cell: string): { theme: string | null; items: string[] } {
  const themeMatch = /^\s*<p>(.*?)<\/p>/u.exec(cell) ?? /^\s*([^<\d][^<]*?)\s*(?=<ol)/u.exec(cell);
  const theme = themeMatch?.[1] ? plain(themeMatch[1]) : null;
  const body = plain(themeMatch ? cell.slice(themeMatch[0].length) : cell);
  if (!/(?:^|\s)1\.\s/u.test(body)) return { theme, items: theme && body ? [body] : [] };
  const items = body
    .split(/(?:^|\s)\d{1,2}\.\s+/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return { theme, items };
}

function splitParagraphs(cell: string): string[] {
  if (!/<p>/u.test(cell)) return [];
  return [...cell.matchAll(/<p>(.*?)<\/p>/gu)].map((m) => plain(m[1] ?? ''));
}
