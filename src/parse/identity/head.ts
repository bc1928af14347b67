import type { SourceDocument } from '../../ingest';

/** One line of a document's front page, with its 1-based line number. */
export interface HeadLine {
  readonly text: string;
  readonly line: number;
}

/** How far into a document its own heading and front page are looked for. */
const HEAD_SCAN_LINES = 80;
const HEAD_ENTRIES = 25;
/** "Page 1", "P a g e | 1", "- 1 -": page furniture, not heading. */
const PAGE_MARK = /^(?:p\s?a\s?g\s?e\s*\|?\s*\d+|page\s+\d+(?:\s+of\s+\d+)?|-?\s*\d+\s*-?)$/iu;

/**
 * The first lines with words on them (markdown marks, front matter and page numbers left out): where a
 * document says what it is. PDF extraction sometimes prints a line twice ("X COUNCILX COUNCIL"): said once.
 */
export function headLines(doc: SourceDocument): HeadLine[] {
  const out: HeadLine[] = [];
  // Markup as text (a web-service answer) has elements, not a heading: its own cue reads it.
  if (doc.lines[0]?.trimStart().startsWith('<')) return out;
  const start = frontMatterEnd(doc.lines);
  for (let i = start; i < Math.min(doc.lines.length, start + HEAD_SCAN_LINES) && out.length < HEAD_ENTRIES; i++) {
    const text = undoubled(doc.lines[i]!.replace(/[*_#>`]+/gu, ' ').replace(/\s+/gu, ' ').trim());
    if (text && !PAGE_MARK.test(text)) out.push({ text, line: i + 1 });
  }
  return out;
}

/** The index just past a Markdown front-matter block ("---" ... "---" at the top), or 0 when there is none. */
export function frontMatterEnd(lines: readonly string[]): number {
  if (lines[0]?.trim() !== '---') return 0;
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  return end > 0 ? end + 1 : 0;
}

function undoubled(text: string): string {
  const half = text.length / 2;
  return Number.isInteger(half) && half > 3 && text.slice(0, half) === text.slice(half) ? text.slice(0, half) : text;
}

/** The 1-based line a document's own text starts on: the first with words after any front matter. */
export function textStart(lines: readonly string[]): number {
  const from = frontMatterEnd(lines);
  const at = lines.findIndex((l, i) => i >= from && l.trim() !== '');
  return at < 0 ? 1 : at + 1;
}
