import type { AgendaItem } from '../model';
import { isBlank, type PageOf, plain, span } from './lines';

/** "- 5 **Minutes of the previous meeting (15 March 2023)** (Pages 5 - 20)", "4.<TAB>Draft Budget", "4) Title" and their looser cousins. */
const NUMBERED_ITEM = /^\s*(?:[-•]\s*)?(\d{1,2})[.)]?\s+(?!\d)(.+)$/u;
/** An item whose number conversion dropped: "- Spotlight Review ...". */
const UNNUMBERED_ITEM = /^\s*[-•]\s+(?![[(])(.+)$/u;
const PAGES = /\(Pages?\s+(\d{1,4})(?:\s*[-–]?\s*(\d{1,4}))?\)/iu;
/** "[Laura Collings, Head of Policy & Strategy, to present report]". */
const PRESENTER = /^\[?\s*((?:Cllr\s+|Councillor\s+|Dr\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s*(.+?),?\s+to\s+(?:present|lead|introduce|give)\b/u;
const SECTION = /^[A-Z][A-Z\s&/-]{5,}$/u;

/**
 * Reads agenda items from an agenda (lines[start..end]). Items number upward; a bullet with no number
 * between items n and n+2 is item n+1, which is how PDF conversion loses numbers.
 */
export function parseAgendaItems(
  file: string,
  lines: readonly string[],
  start: number,
  end: number,
  meetingDate: string,
  pageOf: PageOf,
): AgendaItem[] {
  const heads: { index: number; number: string | null; text: string; section: string | null }[] = [];
  let section: string | null = null;
  let last = 0;
  const begin = lines.findIndex((l, i) => i >= start && i <= end && /Item No\.?|^\s*Agenda\s*$/iu.test(plain(l)));
  for (let i = begin < 0 ? start : begin + 1; i <= end; i++) {
    const raw = fromTableRow(lines[i] ?? '');
    if (isBlank(raw)) continue;
    const line = plain(raw);
    if (SECTION.test(line) && !/^Part\s/iu.test(line)) {
      section = line;
      continue;
    }
    const numbered = NUMBERED_ITEM.exec(raw.replace(/\*\*/gu, ''));
    if (numbered && Number(numbered[1]) > last && Number(numbered[1]) <= last + 2 && /^[A-Z0-9]/u.test(numbered[2] ?? '')) {
      last = Number(numbered[1]);
      heads.push({ index: i, number: numbered[1] ?? null, text: numbered[2] ?? '', section });
      continue;
    }
    const unnumbered = UNNUMBERED_ITEM.exec(raw);
    if (unnumbered && /^[A-Z]/u.test(plain(unnumbered[1] ?? '')) && !/^[a-z]\)/u.test(unnumbered[1] ?? '') && last > 0 && looksLikeTitle(raw)) {
      heads.push({ index: i, number: null, text: unnumbered[1] ?? '', section });
    }
  }
  // Number the unnumbered heads from their neighbours; drop those that can't be placed.
  const items: AgendaItem[] = [];
  for (let h = 0; h < heads.length; h++) {
    const head = heads[h]!;
    let number = head.number;
    if (number === null) {
      const prev = Number(heads[h - 1]?.number ?? NaN);
      const next = Number(heads[h + 1]?.number ?? NaN);
      if (!(next === prev + 2)) continue;
      number = String(prev + 1);
    }
    const stop = (heads[h + 1]?.index ?? end + 1) - 1;
    items.push(toAgendaItem(file, lines, head.index, stop, number, head.text, head.section, meetingDate, pageOf));
  }
  return items;
}

/** "| 5 | Minutes of ... |" (a markdown table row) read as "5 Minutes of ...". */
function fromTableRow(raw: string): string {
  if (!raw.includes('|')) return raw;
  return raw
    .replace(/^\s*-?\s*\|/u, '')
    .replace(/\|\s*$/u, '')
    .replace(/\s*\|\s*/gu, ' ')
    .replace(/^[\s-]*$/u, '');
}

function looksLikeTitle(raw: string): boolean {
  return /\*\*/u.test(raw) || /\(report to follow\)|\(Pages?/iu.test(raw) || /^\s*[-•]\s+[A-Z][^.]{3,100}$/u.test(raw);
}

function toAgendaItem(
  file: string,
  lines: readonly string[],
  index: number,
  stop: number,
  number: string,
  text: string,
  section: string | null,
  meetingDate: string,
  pageOf: PageOf,
): AgendaItem {
  // The note is the bracketed text after the title, on the same line or the lines below.
  const bodyLines: string[] = [text];
  let last = index;
  for (let i = index + 1; i <= stop; i++) {
    const raw = fromTableRow(lines[i] ?? '');
    if (isBlank(raw)) continue;
    if (SECTION.test(plain(raw))) break;
    bodyLines.push(raw.trim());
    last = i;
  }
  const body = bodyLines.join('\n');
  const pages = PAGES.exec(body);
  const titlePart = plain(text.split('[')[0] ?? text)
    .replace(PAGES, '')
    .trim();
  const boldTitle = /\*\*(.+?)\*\*/u.exec(fromTableRow(lines[index] ?? ''))?.[1];
  const title = plain(boldTitle ?? titlePart).replace(/\s+/gu, ' ');
  const noteStart = body.indexOf('[');
  const note = noteStart >= 0 ? body.slice(noteStart).replace(/\s+/gu, ' ').trim() : null;
  const presenter = note ? PRESENTER.exec(note.replace(/^\[/u, '')) : null;
  const from = pages?.[1] ? Number(pages[1]) : null;
  const to = pages?.[2] ? Number(pages[2]) : from;
  return {
    meetingDate,
    number,
    title,
    pages: from !== null && to !== null ? [from, to] : null,
    presenter: presenter ? `${presenter[1]}, ${presenter[2]}` : null,
    note,
    section,
    source: span(file, index, last, pageOf),
  };
}
