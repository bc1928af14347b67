import type { SourceDocument } from '../ingest';
import type { PaperKind } from '../model';
import type { ParsedFile } from '../parse';
import { pageFurniture } from '../parse/furniture';

/** Where a passage lies, which paper of its file it belongs to, and the item it sits under. */
export interface PassageSpan {
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly page: number | null;
  /** Its paper's position in the file's `papers`. */
  readonly paper: number;
  /** The minute item or agenda item it sits under, e.g. "item 11 School Exclusion and Suspensions". */
  readonly item: string | null;
}

/**
 * Papers that are forms or tables: a decision notice prints its fields ("(h) Reason for decision:",
 * "As set out in the report.") on every page, a forward plan its column headings. What repeats at
 * their page edges is their content, not a running header or footer.
 */
const FORMS: ReadonlySet<PaperKind> = new Set(['decision_notice', 'forward_plan']);
const NONE: ReadonlySet<number> = new Set();

/** Paragraphs longer than this are cut into runs of this many lines, so a citation stays specific. */
const MAX_PASSAGE_LINES = 8;
const PAGE_FOOTER = /^\s*Page\s+\d{1,4}\s*$/u;
/** A Markdown rule ("---", "***") between sections: a break, not words a citation could quote. */
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/u;

/**
 * Cuts each paper into passages: a paragraph (lines between blank lines), or a run of at most
 * MAX_PASSAGE_LINES lines. Each knows its paper, meeting and item, for the citation.
 */
export function passageSpans(doc: SourceDocument, parsed: ParsedFile): PassageSpan[] {
  const passages: PassageSpan[] = [];
  const itemAt = itemLookup(parsed);
  const furniture = pageFurniture(doc.lines, parsed.pages);
  for (const [paperAt, paper] of parsed.papers.entries()) {
    // Front matter is metadata (the parser read its date and title): never a passage a citation quotes.
    const from = Math.max(paper.source.lineStart - 1, doc.frontMatter?.lineCount ?? 0);
    for (const block of paragraphs(doc.lines, from, paper.source.lineEnd - 1, FORMS.has(paper.kind) ? NONE : furniture)) {
      for (let k = 0; k < block.length; k += MAX_PASSAGE_LINES) {
        const run = block.slice(k, k + MAX_PASSAGE_LINES);
        const text = run.map((i) => doc.lines[i]!.trim()).join('\n');
        if (text.replace(/[^A-Za-z0-9]/gu, '').length < 4 || isContentsList(run.map((i) => doc.lines[i]!))) continue;
        const start = run[0]!;
        passages.push({ lineStart: start + 1, lineEnd: run[run.length - 1]! + 1, page: parsed.pages[start] ?? null, paper: paperAt, item: itemAt(start) });
      }
    }
  }
  return passages;
}

/**
 * Line indexes of each paragraph in [from, to]. PDF conversion breaks paragraphs at page ends and leaves
 * headings alone on their lines, so a block that stops mid-sentence, or a short heading, joins the next.
 */
function paragraphs(lines: readonly string[], from: number, to: number, furniture: ReadonlySet<number>): number[][] {
  const blocks: number[][] = [];
  let block: number[] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i] ?? '';
    // Page furniture (a running header or footer) ends a paragraph as a blank line would, and is no passage's words.
    if (line.trim() === '' || PAGE_FOOTER.test(line) || RULE.test(line) || furniture.has(i)) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push(i);
  }
  if (block.length > 0) blocks.push(block);
  const merged: number[][] = [];
  let held: number[] = [];
  blocks.forEach((b, k) => {
    const current = [...held, ...b];
    const last = (lines[b[b.length - 1]!] ?? '').trim();
    const next = (lines[blocks[k + 1]?.[0] ?? -1] ?? '').trim();
    const isHeading = b.length === 1 && last.length < 90 && !/[.:;?!]$/u.test(last);
    // A sentence the page break cut: no closing punctuation here, a lower-case word there.
    const midSentence = !/[.:;?!]$/u.test(last) && /^[a-z]/u.test(next);
    // Headings join the next block only in ones and twos: a run of them is a contents list, not a paragraph.
    if ((midSentence || (isHeading && held.length < 2)) && current.length < MAX_PASSAGE_LINES) held = current;
    else {
      merged.push(current);
      held = [];
    }
  });
  if (held.length > 0) merged.push(held);
  return merged;
}

/**
 * A table of contents ("School Exclusions.....6"): it names every topic and answers none. A list of
 * labels and tabbed numbers is one only when the numbers run up as page numbers do: "Total pupils\t394",
 * "Placed out of City\t195" is a table of figures, and the figures are the answer.
 */
function isContentsList(lines: readonly string[]): boolean {
  const dotted = lines.filter((l) => /\.{4,}\s*\d*\s*$|\.{4,}\s*\d+/u.test(l)).length;
  const pages = lines.map((l) => /\t(\d{1,3})\s*$/u.exec(l)?.[1]).filter((n): n is string => n !== undefined).map(Number);
  const runUp = pages.every((n, k) => k === 0 || n >= pages[k - 1]!);
  return dotted + (runUp ? pages.length : 0) >= Math.max(1, lines.length / 2);
}

/** The minute item or agenda item a line sits in, as "item 11 School Exclusion and Suspensions". */
function itemLookup(parsed: ParsedFile): (index: number) => string | null {
  const ranges = [
    ...parsed.minutes.flatMap((m) => m.items.map((i) => ({ ...i.source, label: `item ${i.number} ${i.title}` }))),
    ...parsed.agendaItems.map((i) => ({ ...i.source, label: `item ${i.number} ${i.title}` })),
  ];
  return (index) => ranges.find((r) => index + 1 >= r.lineStart && index + 1 <= r.lineEnd)?.label ?? null;
}
