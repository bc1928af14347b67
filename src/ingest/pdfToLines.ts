import type { PdfTextItem } from './readPdfText';

/** Runs whose baselines differ by less than this many font sizes sit on one line (allows superscripts). */
const SAME_LINE_EMS = 0.4;
/** A horizontal gap wider than this many font sizes is a space, even when the PDF has no space glyph. */
const WORD_GAP_EMS = 0.15;
/** A horizontal gap wider than this many font sizes is a column break: a tab, as in our text papers. */
const COLUMN_GAP_EMS = 1.5;
/** A run starting where at least this many runs on its page start is at a table column's edge. */
const COLUMN_STOP_RUNS = 3;
/** How near (points) a run's start must be to a column edge to be at it. */
const COLUMN_STOP_SLACK_PT = 1.5;
/** At a column edge, a gap this many font sizes wide is a column break, though narrower than COLUMN_GAP_EMS. */
const COLUMN_STOP_GAP_EMS = 0.5;
/** A baseline gap this many times the page's line spacing starts a paragraph: a blank line. */
const PARAGRAPH_GAP_RATIO = 1.3;
/** Baselines closer than this many font sizes are not a line spacing (overlapping runs, sub- and superscripts). */
const MIN_LINE_GAP_EMS = 0.9;
/** Line gap assumed, in font sizes, on a page with too few lines to measure its usual gap. */
const DEFAULT_LINE_GAP_EMS = 1.2;
/** pdf.js reports height 0 for some fonts; assume body text then. */
const DEFAULT_FONT_SIZE_PT = 10;

interface PdfLine {
  readonly y: number;
  readonly size: number;
  readonly text: string;
}

/**
 * Rebuilds a PDF's text lines from pdf.js text items, with the PDF page (1-based) of each line.
 * Lines are read top to bottom by baseline; runs on one line left to right, joined by a space or,
 * across a wide gap, a tab; a blank line marks a paragraph break. Empty pages give no lines.
 *
 * @example pdfToLines([[{ str: 'Apologies', x: 72, y: 700, width: 45, height: 10 }]])
 * // { lines: ['Apologies'], pages: [1] }
 */
export function pdfToLines(pages: readonly (readonly PdfTextItem[])[]): { lines: string[]; pages: number[] } {
  const lines: string[] = [];
  const pageOfLine: number[] = [];
  pages.forEach((items, index) => {
    const pageLines = toPageLines(items);
    const spacing = lineSpacing(pageLines);
    pageLines.forEach((line, i) => {
      const previous = pageLines[i - 1];
      const gap = previous ? previous.y - line.y : 0;
      if (previous && gap > PARAGRAPH_GAP_RATIO * (spacing ?? DEFAULT_LINE_GAP_EMS * line.size)) {
        lines.push('');
        pageOfLine.push(index + 1);
      }
      lines.push(line.text);
      pageOfLine.push(index + 1);
    });
  });
  return { lines, pages: pageOfLine };
}

/**
 * Where a page's table columns start: x positions (other than the left margin) at which several runs
 * start. A table cell that nearly touches the cell before it ("Head of City" | "20 mph Review") is
 * still a new column there, so rows come out as one line with their cells apart.
 */
function columnStops(items: readonly PdfTextItem[]): Set<number> {
  if (items.length === 0) return new Set();
  // A loop, not Math.min(...xs): a page of 200,000 runs would overflow the stack as arguments.
  let margin = Infinity;
  for (const item of items) if (item.x < margin) margin = item.x;
  const counts = new Map<number, number>();
  for (const item of items) {
    const x = Math.round(item.x);
    if (x > margin + COLUMN_STOP_SLACK_PT) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= COLUMN_STOP_RUNS).map(([x]) => x));
}

/** Whether a run starts at a column edge: the stops are whole points, so only the few within the slack are looked up. */
function atColumnStop(x: number, stops: ReadonlySet<number>): boolean {
  for (let stop = Math.ceil(x - COLUMN_STOP_SLACK_PT); stop <= x + COLUMN_STOP_SLACK_PT; stop += 1) if (stops.has(stop)) return true;
  return false;
}

function toPageLines(items: readonly PdfTextItem[]): PdfLine[] {
  const stops = columnStops(items);
  // Top of the page first; Array.prototype.sort is stable, so runs keep pdf.js's order within a baseline.
  const sorted = [...items].sort((a, b) => b.y - a.y);
  const groups: PdfTextItem[][] = [];
  for (const item of sorted) {
    const group = groups.at(-1);
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= SAME_LINE_EMS * Math.max(sizeOf(first), sizeOf(item))) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => {
      const runs = [...group].sort((a, b) => a.x - b.x);
      const size = runs.reduce((largest, run) => Math.max(largest, sizeOf(run)), 0);
      return { y: runs[0]!.y, size, text: joinRuns(runs, stops) };
    })
    .filter((line) => line.text !== '');
}

/**
 * One line's runs joined. Built as parts, each looked at only at its ends, so a line of a great many
 * runs costs time in proportion to its length (re-trimming or re-testing the growing line would not).
 */
function joinRuns(runs: readonly PdfTextItem[], stops: ReadonlySet<number>): string {
  const parts: string[] = [];
  let previous: PdfTextItem | null = null;
  for (const run of runs) {
    let str = run.str;
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const size = Math.max(sizeOf(previous), sizeOf(run));
      const atStop = gap > COLUMN_STOP_GAP_EMS * size && atColumnStop(run.x, stops);
      if (gap > COLUMN_GAP_EMS * size || atStop) {
        trimEndOfParts(parts);
        parts.push('\t');
      } else if (gap > WORD_GAP_EMS * size && !/\s/u.test(lastChar(parts)) && !/^\s/u.test(str)) parts.push(' ');
    }
    if (lastChar(parts) === '\t') str = str.trimStart();
    if (str !== '') parts.push(str);
    previous = run;
  }
  return parts.join('').trim();
}

function lastChar(parts: readonly string[]): string {
  const last = parts.at(-1);
  return last === undefined ? '' : last.slice(-1);
}

/** Trims the end of the text the parts make, dropping parts that were only whitespace. */
function trimEndOfParts(parts: string[]): void {
  while (parts.length > 0) {
    const trimmed = parts.at(-1)!.trimEnd();
    if (trimmed !== '') {
      parts[parts.length - 1] = trimmed;
      return;
    }
    parts.pop();
  }
}

/**
 * The page's line spacing: its smallest distance between baselines. The smallest, not the median,
 * because on a page of one-line paragraphs most gaps are paragraph gaps. Null with one line.
 */
function lineSpacing(lines: readonly PdfLine[]): number | null {
  let spacing: number | null = null;
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    if (previous && gap >= MIN_LINE_GAP_EMS * line.size && (spacing === null || gap < spacing)) spacing = gap;
  });
  return spacing;
}

function sizeOf(item: PdfTextItem): number {
  return item.height > 0 ? item.height : DEFAULT_FONT_SIZE_PT;
}
