import { DateTime } from 'luxon';
import type { SourceDocument } from '../../ingest';
import type { Meeting, MeetingEvidence, MeetingStatus, ParseIssue, SourceSpan } from '../../model';
import { canonicalCommittee } from '../committees';
import type { ParsedFile } from '../parsedCorpus';
import { isBlank, PAGE_FOOTER, type PageOf } from '../lines';

/** "- 5 -", "5 of 12", "Page 5": page numbers as printed. */
const PAGE_NUMBER = /^\s*(?:-\s*\d{1,4}\s*-|\d{1,4}(?:\s+of\s+\d{1,4})?|Page\s+\d{1,4}(?:\s+of\s+\d{1,4})?)\s*$/iu;

/** The PDF page of each line, or null everywhere for text papers. */
export function pagesOf(doc: SourceDocument): PageOf {
  return (i) => doc.pages?.[i] ?? null;
}

/**
 * Lines that are page furniture, not the paper's words: page numbers, and a line repeated on three
 * or more pages at a page's top or bottom (a council's email address, a running title). Found by
 * repetition, so no council's footer is named in code. Text papers without pages: a repeated line
 * with no spaces (an address) or a page number.
 */
export function pageFurniture(doc: SourceDocument): Set<number> {
  const { lines } = doc;
  const nearBoundary = (i: number): boolean => {
    if (!doc.pages) return false;
    const page = doc.pages[i];
    const around = (step: number): boolean => {
      let seen = 0;
      for (let j = i + step; j >= 0 && j < lines.length; j += step) {
        if (doc.pages?.[j] !== page) return true;
        if (!isBlank(lines[j]) && ++seen >= 2) return false;
      }
      return true;
    };
    return around(-1) || around(1);
  };
  const byText = new Map<string, number[]>();
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text) byText.set(text, [...(byText.get(text) ?? []), i]);
  });
  const out = new Set<number>();
  for (const [text, at] of byText) {
    const repeated = at.length >= 3 && (doc.pages ? at.every(nearBoundary) : !/\s/u.test(text));
    if (repeated) at.forEach((i) => out.add(i));
  }
  lines.forEach((line, i) => {
    if (PAGE_FOOTER.test(line) || (PAGE_NUMBER.test(line) && nearBoundary(i))) out.add(i);
  });
  return out;
}

/** A meeting as one record knows it: a date, a committee, a status and where it is said. */
export function meetingRecord(
  committee: string | null,
  date: string,
  status: MeetingStatus,
  evidence: MeetingEvidence,
  source: SourceSpan,
  details: Partial<Pick<Meeting, 'time' | 'venue' | 'contact' | 'chair' | 'viceChair' | 'hasPapers'>> = {},
): Meeting {
  const name = committee ?? 'Unknown committee';
  return {
    committee: name,
    canonicalCommittee: canonicalCommittee(name),
    date,
    time: details.time ?? null,
    venue: details.venue ?? null,
    chair: details.chair ?? null,
    viceChair: details.viceChair ?? null,
    members: [],
    coopted: [],
    quorum: null,
    contact: details.contact ?? null,
    status,
    hasPapers: details.hasPapers ?? false,
    records: [{ evidence, source }],
    conflicts: [],
  };
}

export function parseIssue(file: string, code: ParseIssue['code'], message: string, index: number | null): ParseIssue {
  return { code, message: `parse: ${file}${index === null ? '' : `:${index + 1}`}: ${message}`, file, line: index === null ? null : index + 1 };
}

/** The first non-blank lines of a document, for recognising its layout cheaply. */
export function openingLines(doc: SourceDocument, count: number): string[] {
  return doc.lines.filter((l) => !isBlank(l)).slice(0, count).map((l) => l.trim());
}

/** A committee name run over several heading lines ("Minutes of the Transport &" / "Policy Committee"). */
export function joinHeading(parts: readonly string[]): string {
  return parts.map((p) => p.trim()).filter(Boolean).join(' ').replace(/\s+/gu, ' ').trim();
}

/** "2026-03-19" -> "19 March 2026", as paper titles give dates. */
export function longDate(iso: string): string {
  return DateTime.fromISO(iso).toFormat('d LLLL yyyy');
}

/** A numbered or lettered point: "1. Noted ...", "2a. Residents ...", "(b) ...", "iv) ...". */
export const POINT = /^\(?(?:\d{1,2}[a-z]?|[a-z]|[ivx]{1,4})[.)]\s+(.*)$/u;

/** lines[from..to] less blank lines and page furniture, trimmed: a quote's verbatim text, line by line. */
export function keptText(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): string {
  const kept: string[] = [];
  for (let i = from; i <= to; i++) if (!skip.has(i) && !isBlank(lines[i])) kept.push((lines[i] ?? '').trim());
  return kept.join('\n');
}

/** What a reader found in one file: the parts it read, nothing for the rest. */
export function fileFindings(doc: SourceDocument, found: Partial<Omit<ParsedFile, 'file' | 'layout' | 'pages' | 'identity'>>): Omit<ParsedFile, 'layout' | 'identity'> {
  return {
    file: doc.file,
    papers: [],
    committees: [],
    meetings: [],
    agendaItems: [],
    minutes: [],
    reports: [],
    workProgramme: [],
    issues: [],
    ...found,
    pages: doc.lines.map((_, i) => doc.pages?.[i] ?? null),
  };
}
