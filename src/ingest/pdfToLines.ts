import type { PdfTextItem } from './PdfWorker';

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
function columnStops(items: readonly PdfTextItem[]): number[] {
  if (items.length === 0) return [];
  const margin = Math.min(...items.map((i) => i.x));
  const counts = new Map<number, number>();
  for (const item of items) {
    const x = Math.round(item.x);
    if (x > margin + COLUMN_STOP_SLACK_PT) counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  return [...counts].filter(([, n]) => n >= COLUMN_STOP_RUNS).map(([x]) => x);
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
      return { y: runs[0]!.y, size: Math.max(...runs.map(sizeOf)), text: joinRuns(runs, stops) };
    })
    .filter((line) => line.text !== '');
}

function joinRuns(runs: readonly PdfTextItem[], stops: readonly number[]): string {
  let text = '';
  let previous: PdfTextItem | null = null;
  for (const run of runs) {
    if (previous) {
      const gap = run.x - (previous.x + previous.width);
      const size = Math.max(sizeOf(previous), sizeOf(run));
      const atStop = gap > COLUMN_STOP_GAP_EMS * size && stops.some((x) => Math.abs(run.x - x) <= COLUMN_STOP_SLACK_PT);
      if (gap > COLUMN_GAP_EMS * size || atStop) text = `${text.trimEnd()}\t`;
      else if (gap > WORD_GAP_EMS * size && !/\s$/u.test(text) && !/^\s/u.test(run.str)) text += ' ';
    }
    text += text.endsWith('\t') ? run.str.trimStart() : run.str;
    previous = run;
  }
  return text.trim();
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
