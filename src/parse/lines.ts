import type { SourceSpan } from '../model';

/** Markdown and table debris from PDF conversion, removed before a line is read (never from quotes). */
export function plain(line: string): string {
  return line
    .replace(/<[^>]+>/gu, ' ')
    .replace(/\*\*|__|\*/gu, '')
    .replace(/^\s*(?:[-•]\s+|#+\s+)/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

/** "Page 31" footers, which PDF conversion leaves mid-paragraph. */
export const PAGE_FOOTER = /^\s*Page\s+(\d{1,4})\s*$/u;

/**
 * A council's letterhead at the start of a line, in capitals as councils print it: "CITY OF X COUNCIL",
 * "CITY OF" (the name on the next line), "ROYAL BOROUGH OF X", "X COUNTY COUNCIL", "X COUNCIL".
 * Never any one council's name: any council's papers carry one.
 */
export const COUNCIL_LETTERHEAD =
  /^\s*(?:(?:ROYAL\s+|LONDON\s+|METROPOLITAN\s+)?(?:CITY|COUNTY|BOROUGH|DISTRICT)(?:\s+AND\s+(?:CITY|COUNTY|BOROUGH|DISTRICT))?\s+OF(?:\s+[A-Z][A-Z'’&-]+)*(?:\s+COUNCIL)?|(?:[A-Z][A-Z'’&-]+\s+){1,4}COUNCIL)(?=\s|$)/u;

/** The line that closes a paper in an agenda pack. */
export const BLANK_PAGE = /This page is intentionally left blank/iu;

/** A 1-based index's next non-blank line, or -1. `lines` is 0-based. */
export function nextNonBlank(lines: readonly string[], from: number, limit = lines.length): number {
  for (let i = from; i < Math.min(limit, lines.length); i++) if (!isBlank(lines[i])) return i;
  return -1;
}

/** Builds spans from 0-based indexes; the page is filled in later by the file's page map. */
export function span(file: string, startIndex: number, endIndex: number, pageOf: PageOf): SourceSpan {
  return { file, lineStart: startIndex + 1, lineEnd: endIndex + 1, page: pageOf(startIndex) };
}

export type PageOf = (index: number) => number | null;

/** Trims blank lines off both ends of a 0-based, inclusive range. */
export function trimRange(lines: readonly string[], start: number, end: number): [number, number] {
  let a = start;
  let b = end;
  while (a < b && isBlank(lines[a])) a++;
  while (b > a && isBlank(lines[b])) b--;
  return [a, b];
}

/** "Cllr Dr Michael Hardacre (Chair)" -> "Dr Michael Hardacre". */
export function personName(text: string): string {
  return text
    .replace(/\((?:Chair|Vice[- ]?Chair|Lab|Con|Lib Dem|LD|Ind|Green)\)/giu, '')
    .replace(/^\s*(?:Cllr|Councillor)\.?\s+/iu, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

/** Every "Cllr Name" in a line, which matters where conversion flattened a list onto one line. */
export function councillorsIn(line: string): string[] {
  const names: string[] = [];
  const re =
    /\b(?:Cllr|Councillor)\.?\s+((?:Dr\s+)?[A-Z][\w'’-]+(?:\s+(?!(?:Cllr|Councillor|Vice|Chair|Representing|Labour|Conservative)\b)[A-Z][\w'’-]+){0,3})/gu;
  for (const m of plain(line).matchAll(re)) {
    if (m[1]) names.push(m[1]);
  }
  return names;
}
