import type { LineRange } from './lineRange';

/**
 * Bounds of one response of the paper view. A view of a huge paper is never built whole: a 200 MB
 * text paper once made a 363 MB page (issue 19). A link signed for lines shows their neighbourhood
 * only; a link for the whole paper shows it a part at a time.
 */
export const VIEW_LIMITS = {
  /** Lines shown either side of the cited lines (a cited page usually fits). */
  context: 60,
  /** Lines in one part of a whole-paper view. */
  partLines: 400,
  /** A cited range longer than this is shown from its start: a link never makes a page unbounded. */
  maxCited: 400,
  /** A longer line is cut, saying so: one 100 kB line is not a paragraph anyone reads on a phone. */
  lineChars: 2_000,
} as const;

/** Which lines one response shows (1-based, inclusive), and how to reach the rest. */
export interface ViewWindow {
  readonly first: number;
  readonly last: number;
  /** The part shown, for a whole-paper view (0-based); null for a view of cited lines. */
  readonly part: number | null;
  readonly parts: number;
}

/** The lines to show of a paper of `total` lines: the cited lines' neighbourhood, or one part of the whole. */
export function viewWindow(total: number, range: LineRange | undefined, partParam: unknown): ViewWindow {
  if (total === 0) return { first: 1, last: 0, part: null, parts: 1 };
  if (range) {
    const start = Math.min(range.start, total);
    const end = Math.min(range.end, start + VIEW_LIMITS.maxCited - 1, total);
    return { first: Math.max(1, start - VIEW_LIMITS.context), last: Math.min(total, end + VIEW_LIMITS.context), part: null, parts: 1 };
  }
  const parts = Math.ceil(total / VIEW_LIMITS.partLines);
  const asked = typeof partParam === 'string' && /^\d{1,7}$/u.test(partParam) ? Number(partParam) : 0;
  const part = Math.min(asked, parts - 1);
  const first = part * VIEW_LIMITS.partLines + 1;
  return { first, last: Math.min(total, first + VIEW_LIMITS.partLines - 1), part, parts };
}

/** The part of a whole-paper view that holds line `line` (1-based). */
export function partOf(line: number): number {
  return Math.floor((Math.max(1, line) - 1) / VIEW_LIMITS.partLines);
}
