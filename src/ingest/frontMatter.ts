/**
 * A Markdown post's front matter: the `---` fenced block of `key: value` lines that opens it
 * (title, date, type, ...). It is metadata about the post, never part of its text: the parser reads
 * its fields, and no passage or citation quotes its lines.
 */
export interface FrontMatter {
  /** Its fields, keys lower-cased, values trimmed and unquoted: `{ title: 'Minutes ...', date: '2026-06-02' }`. */
  readonly fields: Readonly<Record<string, string>>;
  /** How many lines it takes, both fences included: the post's text starts at this 0-based index. */
  readonly lineCount: number;
}

/** Front matter is short; a `---` rule further down is a section break, not the closing fence. */
const MAX_FRONT_MATTER_LINES = 60;
const FENCE = /^---\s*$/u;
/** "title: Minutes for meeting held Tuesday 2 June 2026", "special_meeting:" (empty). */
const FIELD = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/u;

/** The front matter opening a text's lines, or null when it has none (the first line is not a `---` fence). */
export function readFrontMatter(lines: readonly string[]): FrontMatter | null {
  if (!FENCE.test(lines[0] ?? '')) return null;
  const close = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (close < 0 || close > MAX_FRONT_MATTER_LINES) return null;
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, close)) {
    const m = FIELD.exec(line.trim());
    // A line that is not "key: value" (a list under a key, a comment) adds no field we read.
    if (m) fields[m[1]!.toLowerCase()] = m[2]!.trim().replace(/^(["'])(.*)\1$/u, '$2');
  }
  return { fields, lineCount: close + 1 };
}
