import type { Citation, IsoDate } from '../model';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';

/** Quotes longer than this are cut at a word, with an ellipsis; the kept part is still verbatim. */
export const MAX_QUOTE_CHARS = 1000;
const PAGE_FOOTER = /^\s*Page\s+\d{1,4}\s*$/u;

/**
 * A citation of lines [lineStart, lineEnd] of a file, its quote copied from those lines (blank lines and
 * page footers left out). Returns null when the lines are not there, so a citation never misquotes.
 */
export function citeLines(
  index: PaperIndex,
  file: string,
  lineStart: number,
  lineEnd: number,
  title: string,
  meetingDate: IsoDate | null,
  page: number | null = null,
  focus: readonly string[] = [],
): Citation | null {
  const lines = index.lines(file);
  if (!lines || lineStart < 1 || lineEnd < lineStart || lineEnd > lines.length) return null;
  const kept = lines
    .slice(lineStart - 1, lineEnd)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !PAGE_FOOTER.test(l));
  if (kept.length === 0) return null;
  // The page the cited lines start on, where the paper says (a PDF page, a "Page N" footer); never guessed.
  const knownPage = page ?? answerLookups(index).pagesByFile.get(file)?.[lineStart - 1] ?? null;
  return { file, lineStart, lineEnd, page: knownPage, title, meetingDate, quote: cut(kept.join('\n'), focus) };
}

/**
 * A long quote keeps the sentences that hold the focus words (in order, each verbatim, joined by " … "),
 * so the part that answers is not cut away; with no focus, the opening.
 */
function cut(text: string, focus: readonly string[]): string {
  if (text.length <= MAX_QUOTE_CHARS) return text;
  const sentences = text.split(/(?<=[.;!?])\s+/u);
  if (focus.length > 0 && sentences.length > 1) {
    const wanted = focus.map((f) => f.toLowerCase()).filter((f) => f.length > 2);
    const scored = sentences.map((s, i) => ({ i, s, hits: sentenceScore(s, wanted) }));
    const keep = new Set<number>();
    let length = 0;
    const ranked = [...scored].sort((a, b) => b.hits - a.hits).filter((x) => x.hits > 0);
    // Each sentence that holds the words, best first, with the sentence after it (it often carries the figure).
    for (const i of ranked.flatMap((x) => [x.i, x.i + 1])) {
      const sentence = sentences[i];
      if (sentence === undefined || keep.has(i) || length + sentence.length > MAX_QUOTE_CHARS) continue;
      keep.add(i);
      length += sentence.length + 3;
    }
    if (keep.size > 0) {
      const parts: string[] = [];
      let previous = -2;
      for (const i of [...keep].sort((a, b) => a - b)) {
        if (previous >= 0 && i !== previous + 1) parts.push('…');
        parts.push(sentences[i]!);
        previous = i;
      }
      return `${keep.has(0) ? '' : '… '}${parts.join(' ').replace(/ … /gu, ' … ')}${keep.has(sentences.length - 1) ? '' : ' …'}`;
    }
  }
  const at = text.lastIndexOf(' ', MAX_QUOTE_CHARS);
  return `${text.slice(0, at > 0 ? at : MAX_QUOTE_CHARS)}…`;
}

/** Focus words a sentence holds (a phrase counts three times), plus one for a figure: facts carry numbers. */
export function sentenceScore(sentence: string, focus: readonly string[]): number {
  const lower = sentence.toLowerCase();
  const hits = focus.reduce((n, f) => n + (lower.includes(f) ? (f.includes(' ') ? 3 : 1) : 0), 0);
  return hits === 0 ? 0 : hits + (/\d/u.test(sentence) ? 1 : 0);
}

/** The first line in [from, to] containing `needle` (case-insensitive), 1-based; or null. */
export function findLine(index: PaperIndex, file: string, from: number, to: number, needle: string | RegExp): number | null {
  const lines = index.lines(file) ?? [];
  for (let n = from; n <= Math.min(to, lines.length); n++) {
    const line = lines.at(n - 1) ?? '';
    if (typeof needle === 'string' ? line.toLowerCase().includes(needle.toLowerCase()) : needle.test(line)) return n;
  }
  return null;
}

/** Collects citations, numbering them [1], [2] ... and dropping duplicates of the same lines. */
export class CitationList {
  readonly items: Citation[] = [];
  /** Each cited span's number, so a long timeline does not compare every citation with every other. */
  private readonly numbers = new Map<string, number>();

  add(citation: Citation | null): string {
    if (!citation) return '';
    const key = `${citation.file}\u0000${citation.lineStart}\u0000${citation.lineEnd}`;
    const same = this.numbers.get(key);
    if (same !== undefined) return `[${same}]`;
    this.items.push(citation);
    this.numbers.set(key, this.items.length);
    return `[${this.items.length}]`;
  }
}
