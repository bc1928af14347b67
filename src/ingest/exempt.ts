import { z } from 'zod';
import data from '../../data/exempt-markers.json';
import type { ParseIssue } from '../model';
import type { SourceDocument } from './sourceDocument';

/**
 * Papers a council must not publish: marked exempt under the Local Government Act 1972 (Schedule
 * 12A paragraphs), Part II of the agenda, NOT FOR PUBLICATION or CONFIDENTIAL, or listed by name in
 * EXEMPT_PAPERS. Such a paper is never indexed nor served; it is reported like a file that can't be
 * read. The wording is data (data/exempt-markers.json); the rule:
 *
 * - only the top of the paper is read: its first `headerLines` non-blank lines, and those of each
 *   PDF page (an exempt report carries its marking at the head of the report or of every page);
 * - a marking is a whole line ("NOT FOR PUBLICATION", "Part II - Confidential", "Exempt information
 *   under paragraph 3 of Schedule 12A"), never a phrase inside a sentence: public reports say "the
 *   appendix is not for publication" and decision notices ask "Exempt Information? No";
 * - a line about excluding the press and public is never a marking: a public agenda resolves to
 *   exclude them for a later Part II item;
 * - after an agenda's "Part 1" heading nothing counts: what follows is that public agenda's list.
 *
 * The whole file is set aside, never a page of it: a pack that carries one marked page is held
 * back whole, since the pages after a marked one are as likely to be exempt.
 */

const ExemptMarkersSchema = z.object({
  headerLines: z.number().int().positive(),
  markers: z.array(z.object({ name: z.string().min(1), pattern: z.string().min(1) })).min(1),
  neverMarking: z.string().min(1),
  openSection: z.string().min(1),
});

/** Compiled once; a broken data file fails at start, naming the file. */
const MARKERS = compile(data);

function compile(raw: unknown) {
  const parsed = ExemptMarkersSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`ingest: data/exempt-markers.json is not valid: ${z.prettifyError(parsed.error)}`);
  const whole = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');
  return {
    headerLines: parsed.data.headerLines,
    markers: parsed.data.markers.map((m) => ({ name: m.name, pattern: whole(m.pattern) })),
    neverMarking: new RegExp(parsed.data.neverMarking, 'u'),
    openSection: whole(parsed.data.openSection),
  };
}

/** Why a paper is exempt: the marking found (its 1-based line) or its listing in EXEMPT_PAPERS. */
export type ExemptMarking =
  | { readonly by: 'marking'; readonly marker: string; readonly line: number; readonly text: string }
  | { readonly by: 'listed'; readonly marker?: never; readonly line?: never; readonly text?: never };

/** A paper's lines as ingest read them, or as an index snapshot holds them (read one at a time). */
export interface PaperLines {
  readonly length: number;
  at(index: number): string | undefined;
}

/**
 * Whether a paper is exempt, and why; null for a public paper. Pure.
 * @param listed file names from EXEMPT_PAPERS
 */
export function findExemptMarking(file: string, lines: PaperLines, pages: readonly (number | null)[] | null, listed: ReadonlySet<string>): ExemptMarking | null {
  if (listed.has(file)) return { by: 'listed' };
  let top = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const page = pages?.[i] ?? null;
    // Each PDF page has a top of its own; a text or HTML paper has only the file's.
    if (i > 0 && page !== null && page !== pages?.[i - 1]) top = 0;
    const raw = lines.at(i) ?? '';
    if (top >= MARKERS.headerLines) {
      if (pages === null) return null;
      // Cheap test first: only a short line naming a part can open the agenda's public section.
      if (raw.length <= MAX_MARKING_CHARS && /part/iu.test(raw) && readings(raw).some((l) => MARKERS.openSection.test(l))) return null;
      continue;
    }
    if (raw.length > MAX_MARKING_CHARS) {
      if (raw.trim() !== '') top += 1;
      continue;
    }
    const read = readings(raw);
    if (read.every((l) => l === '')) continue;
    top += 1;
    if (read.some((l) => MARKERS.openSection.test(l))) return null;
    if (read.some((l) => MARKERS.neverMarking.test(l))) continue;
    const marker = MARKERS.markers.find((m) => read.some((l) => m.pattern.test(l)));
    if (marker) return { by: 'marking', marker: marker.name, line: i + 1, text: raw.trim() };
  }
  return null;
}

/** Longer than this, a line is a sentence, not a marking: it is not normalised nor matched, which bounds the work per line. */
const MAX_MARKING_CHARS = 300;
/** Format characters (zero-width space and joiners, soft hyphen, BOM, direction marks): invisible, so they must not hide a marking. */
const INVISIBLE = /\p{Cf}+/gu;
const CLOSING_PUNCTUATION = new Set(['.', ':', ';', ',']);

/**
 * A line as a marking is read: normalised (see `normalise`) once with invisible characters as
 * spaces ("NOT\u200bFOR PUBLICATION": a zero-width space between words) and once with them removed
 * ("PUB\u00adLICATION": a soft hyphen inside one); a marking in either reading counts.
 */
function readings(line: string): string[] {
  if (!/\p{Cf}/u.test(line)) return [normalise(line)];
  return [normalise(line.replace(INVISIBLE, ' ')), normalise(line.replace(INVISIBLE, ''))];
}

/**
 * "**NOT FOR  PUBLICATION:**" -> "not for publication": case, markdown, spacing and closing
 * punctuation aside, after Unicode compatibility normalisation (NFKC: full-width letters, ligatures).
 */
function normalise(line: string): string {
  const plain = line
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(/[*_#|[\]]/gu, ' ')
    .replace(/^\s*[-•]\s+/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
  // Closing punctuation by hand: /[.:;,]+$/ backtracks over every run of it, quadratic on a long line.
  let end = plain.length;
  while (end > 0 && CLOSING_PUNCTUATION.has(plain[end - 1]!)) end -= 1;
  return plain.slice(0, end).toLowerCase();
}

/** The issue that reports a paper set aside as exempt: what the log and `npm run papers` show. */
export function exemptIssue(file: string, marking: ExemptMarking): ParseIssue {
  const why = marking.by === 'listed' ? 'is listed in EXEMPT_PAPERS' : `is marked ${marking.marker} ("${marking.text}", line ${marking.line})`;
  return { code: 'exempt_paper', message: `ingest: ${file} ${why}; not indexed or served`, file, line: marking.by === 'listed' ? null : marking.line };
}

/** Splits read papers into those that serve and an issue for each exempt one. */
export function setAsideExempt(documents: readonly SourceDocument[], listed: ReadonlySet<string>): { documents: SourceDocument[]; issues: ParseIssue[] } {
  const kept: SourceDocument[] = [];
  const issues: ParseIssue[] = [];
  for (const document of documents) {
    const marking = findExemptMarking(document.file, document.lines, document.pages, listed);
    if (marking) issues.push(exemptIssue(document.file, marking));
    else kept.push(document);
  }
  return { documents: kept, issues };
}
