import type { PaperKind } from '../model';
import { findDates } from './dates';
import { BLANK_PAGE, COUNCIL_LETTERHEAD, isBlank, nextNonBlank, plain, trimRange } from './lines';
import { VOCABULARY } from './vocabulary';

/** A paper's place in its file, before its contents are read. Indexes are 0-based and inclusive. */
export interface PaperSegment {
  readonly kind: PaperKind;
  readonly title: string;
  readonly meetingDate: string | null;
  readonly start: number;
  readonly end: number;
  /** Where the paper's own heading is (e.g. the "Minutes - 15 March 2023" line). */
  readonly headingIndex: number;
}

/** "Minutes - 15 March 2023", also inside a mangled line ("... Panedenda Item No: 5 Minutes - 5 January 2021"). */
const MINUTES_HEADING = /\bMinutes\s*[-–—:]\s*(\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]+\.?,?\s+\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4})/u;
/** Lines that stand just above a paper's heading in a pack: item slips, the council's name, the committee. */
const PAPER_PREAMBLE = /(?:Agenda|Appendix)\s+Item\s+No|Item\s+No\s*:|^\s*COUNCIL\s*$|Scrutiny (?:Panel|Board)|Panel$|Committee$/u;
const REPORT_TITLE = /^\s*Report title\b/iu;
const WORK_PROGRAMME_TITLE = /^\s*(?:#+\s*)?(?:\*\*)?(?:Draft\s+)?(?:Scrutiny\s+)?Work\s+Programme(?:\s*\(draft\))?(?:\*\*)?\s*$/iu;
const WORK_PROGRAMME_HEADER = /Date of Meeting/iu;
const FRONT_SHEET_MARKERS = /\b(?:Quorum|Membership)\b/iu;

interface Boundary {
  readonly kind: PaperKind;
  readonly start: number;
  readonly headingIndex: number;
  readonly title: string;
  readonly meetingDate: string | null;
}

/** Splits a file into its papers by the headings an agenda pack's papers open with. */
export function segmentPapers(lines: readonly string[]): PaperSegment[] {
  const boundaries: Boundary[] = [];
  const frontSheet = findFrontSheet(lines);
  if (frontSheet) boundaries.push(frontSheet);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const minutes = MINUTES_HEADING.exec(plain(line));
    if (minutes && plain(line).length < 200) {
      const date = findDates(minutes[0])[0]?.date ?? null;
      boundaries.push({ kind: 'minutes', start: backUpOverPreamble(lines, i), headingIndex: i, title: `Minutes - ${minutes[1]}`, meetingDate: date });
      continue;
    }
    const printed = printedMinutesHeading(lines, i);
    if (printed) {
      boundaries.push({ kind: 'minutes', start: i, headingIndex: i, title: `Minutes - ${printed.text}`, meetingDate: printed.date });
      continue;
    }
    if (/^\s*Attendance\s*$/u.test(plain(line)) && !boundaries.some((b) => b.kind === 'minutes' && i - b.headingIndex <= 12)) {
      // Minutes whose heading conversion lost: the attendance list still opens them.
      boundaries.push({ kind: 'minutes', start: backUpOverPreamble(lines, i), headingIndex: i, title: 'Minutes', meetingDate: null });
      continue;
    }
    if (REPORT_TITLE.test(line)) {
      const title = plain(line.replace(REPORT_TITLE, '').split('\t').filter((c) => c.trim())[0] ?? '');
      const start = backUpOverPreamble(lines, i);
      const header = lines.slice(start, i).join(' ');
      boundaries.push({ kind: 'report', start, headingIndex: i, title: title || 'Report', meetingDate: findDates(header)[0]?.date ?? null });
      continue;
    }
    if (WORK_PROGRAMME_TITLE.test(line) && plain(line).length < 80) {
      boundaries.push({ kind: 'work_programme', start: i, headingIndex: i, title: plain(line), meetingDate: null });
      continue;
    }
    if (WORK_PROGRAMME_HEADER.test(line) && line.includes('\t')) {
      const start = workProgrammeStart(lines, i, boundaries);
      if (start !== null) boundaries.push({ kind: 'work_programme', start, headingIndex: i, title: 'Scrutiny work programme', meetingDate: null });
      continue;
    }
    if (BLANK_PAGE.test(line)) {
      const next = nextNonBlank(lines, i + 1);
      if (next >= 0) boundaries.push(untitledPaper(lines, next));
    }
  }
  return toSegments(lines, dedupe(boundaries), frontSheet === null);
}

/** A front sheet opens the file: a committee and a date near the top, then membership and quorum. */
function findFrontSheet(lines: readonly string[]): Boundary | null {
  const top = lines.slice(0, 60).join('\n');
  if (!FRONT_SHEET_MARKERS.test(top)) return null;
  const head = lines.slice(0, 15).join(' ');
  const date = findDates(head)[0]?.date;
  if (!date || !/Scrutiny|Panel|Committee|Board|Cabinet|Council/iu.test(head)) return null;
  const agendaAt = lines.findIndex((l, i) => i < 120 && /^\s*Agenda\s*$/iu.test(plain(l)));
  return { kind: 'agenda', start: 0, headingIndex: agendaAt >= 0 ? agendaAt : 0, title: 'Agenda', meetingDate: date };
}

/**
 * Printed minutes bound into a pack (a ModernGov pack's previous minutes): "MINUTES of a meeting of the
 * Cabinet held ... on Thursday, 30 January 2025", its date within a few lines, and an attendance label
 * ("PRESENT:") below it. The label keeps out a report's sentence that happens to start "Minutes of".
 */
function printedMinutesHeading(lines: readonly string[], i: number): { date: string; text: string } | null {
  if (!VOCABULARY.minutesHeading.test(plain(lines[i] ?? ''))) return null;
  for (let k = i; k < Math.min(lines.length, i + 5); k++) {
    const date = findDates(lines[k] ?? '')[0];
    if (!date) continue;
    const below = lines.slice(k + 1, k + 20).map((l) => plain(l));
    const { members, alsoPresent } = VOCABULARY.attendance;
    if (!below.some((l) => members.test(l) || alsoPresent.test(l))) return null;
    const text = (lines[k] ?? '').slice(date.index, date.index + date.length);
    return { date: date.date, text };
  }
  return null;
}

function backUpOverPreamble(lines: readonly string[], heading: number): number {
  let start = heading;
  for (let i = heading - 1; i >= Math.max(0, heading - 8); i--) {
    const line = lines[i] ?? '';
    // Blank lines and the "--|--" rule of a converted table sit between a cover table and its heading.
    if (isBlank(line) || /^[-|\s]+$/u.test(line)) continue;
    if (BLANK_PAGE.test(line)) break;
    // Only short heading lines: a sentence that mentions "the panel" is the previous paper's text.
    if (!(PAPER_PREAMBLE.test(line) || COUNCIL_LETTERHEAD.test(line)) || plain(line).length > 120 || /^\s*(?:[-•]|\d+\.)\s/u.test(line) || /\.\s*$/u.test(line)) break;
    start = i;
  }
  return start;
}

/** A work programme table: back up over its "Chair: ..." lines and the committee line above them. */
function workProgrammeStart(lines: readonly string[], header: number, found: readonly Boundary[]): number | null {
  const last = found[found.length - 1];
  if (last?.kind === 'work_programme' && header - last.start < 80) return null;
  let start = header;
  for (let i = header - 1; i >= Math.max(0, header - 40); i--) {
    const line = lines[i] ?? '';
    if (BLANK_PAGE.test(line)) break;
    if (/^\s*Chair\s*:/iu.test(line)) {
      start = i;
      const above = nextNonBlankUp(lines, i - 1);
      if (above >= 0 && /Panel|Committee|Board/u.test(lines[above] ?? '')) start = above;
      break;
    }
  }
  return start;
}

function nextNonBlankUp(lines: readonly string[], from: number): number {
  for (let i = from; i >= 0; i--) if (!isBlank(lines[i])) return i;
  return -1;
}

/** A paper that follows a blank page and opens with no heading we know: an appendix, a slide deck, a note. */
function untitledPaper(lines: readonly string[], start: number): Boundary {
  const title = plain(lines[start] ?? '').slice(0, 120);
  const kind: PaperKind = /^Appendix\b/iu.test(title) ? 'appendix' : 'other';
  return { kind, start, headingIndex: start, title, meetingDate: null };
}

/** Two boundaries found for one place (a blank page, then a minutes heading below it): the specific one wins. */
function dedupe(boundaries: Boundary[]): Boundary[] {
  const sorted = [...boundaries].sort((a, b) => a.start - b.start || rank(a) - rank(b));
  const out: Boundary[] = [];
  for (const b of sorted) {
    const prev = out[out.length - 1];
    if (prev && b.start <= prev.headingIndex + 2 && b.start >= prev.start) {
      if (rank(b) < rank(prev)) out[out.length - 1] = b;
      continue;
    }
    if (prev && (prev.kind === 'other' || prev.kind === 'appendix') && b.kind !== 'other' && b.kind !== 'appendix' && b.start - prev.start <= 10) {
      out[out.length - 1] = b;
      continue;
    }
    out.push(b);
  }
  return out;
}

function rank(b: Boundary): number {
  return b.kind === 'other' || b.kind === 'appendix' ? 1 : 0;
}

function toSegments(lines: readonly string[], boundaries: Boundary[], standalone: boolean): PaperSegment[] {
  const all = [...boundaries];
  const firstStart = all[0]?.start ?? lines.length;
  const opening = nextNonBlank(lines, 0);
  if (standalone && opening >= 0 && opening < firstStart) {
    all.unshift(standalonePaper(lines, opening));
  }
  const segments: PaperSegment[] = [];
  for (let i = 0; i < all.length; i++) {
    const b = all[i]!;
    const nextStart = all[i + 1]?.start ?? lines.length;
    const [start, end] = trimRange(lines, b.start, nextStart - 1);
    if (end < start) continue;
    segments.push({ kind: b.kind, title: b.title, meetingDate: b.meetingDate, start, end, headingIndex: b.headingIndex });
  }
  return segments;
}

/** A file that is one paper (a service plan, a slide deck): named by its first line. */
function standalonePaper(lines: readonly string[], start: number): Boundary {
  const title = plain(lines[start] ?? '').slice(0, 120);
  const head = lines.slice(start, start + 15).join('\n');
  const kind: PaperKind = /\bPresenter\b|\bslide/iu.test(head)
    ? 'presentation'
    : /\b(?:Plan|Strategy)\b/u.test(title)
      ? 'plan'
      : 'other';
  return { kind, start, headingIndex: start, title, meetingDate: null };
}
