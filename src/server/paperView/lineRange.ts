/** A line range from `?lines=120-130`, 1-based and inclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Reads `120-130` or `120`; anything else (or an absurd range) marks nothing. */
export function parseLineRange(value: unknown): LineRange | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,7})(?:-(\d{1,7}))?$/u.exec(value);
  if (!match?.[1]) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  return start >= 1 && end >= start ? { start, end } : undefined;
}
