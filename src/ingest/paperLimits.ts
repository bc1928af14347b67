/**
 * How much one paper may take. The papers folder is the one input nobody vets, so every paper is
 * read within these bounds and one that exceeds them is reported by name and skipped, never allowed
 * to stall or crash the bot. Settings: PAPER_MAX_MB, PAPER_MAX_CHARS, PAPER_MAX_LINE_CHARS,
 * PAPER_READ_SECONDS and PAPER_READ_MEMORY_MB (src/config).
 */
export interface PaperLimits {
  /** Bytes on disk; checked before reading. */
  readonly maxFileBytes: number;
  /** Characters of text once read: what the search index holds on the main thread. */
  readonly maxTextChars: number;
  /** Characters on one line: bounds every regular expression the parser runs over a line. */
  readonly maxLineChars: number;
  /** Time to read and parse one paper before its worker is stopped. */
  readonly timeoutMs: number;
  /** Heap of each worker that reads and parses papers (worker_threads resourceLimits); up to one worker per core reads at once. */
  readonly memoryMb: number;
}

/** Far above any council paper seen (agenda packs reach a few MB of text, lines a few thousand characters). */
export const DEFAULT_PAPER_LIMITS: PaperLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxTextChars: 10_000_000,
  maxLineChars: 20_000,
  timeoutMs: 60_000,
  memoryMb: 1024,
};

/** The first way lines break the limits, in a phrase for the paper's issue; null when within them. */
export function linesOverLimits(lines: readonly string[], limits: PaperLimits): string | null {
  let total = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const length = lines[i]!.length;
    if (length > limits.maxLineChars) return `line ${i + 1} is ${length.toLocaleString('en-GB')} characters long (the limit is ${limits.maxLineChars.toLocaleString('en-GB')}, PAPER_MAX_LINE_CHARS)`;
    total += length + 1;
    if (total > limits.maxTextChars) return `its text is over ${limits.maxTextChars.toLocaleString('en-GB')} characters (PAPER_MAX_CHARS)`;
  }
  return null;
}
