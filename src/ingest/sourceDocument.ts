import type { FrontMatter } from './frontMatter';

/** A paper file read into lines, before any parsing. PDF and HTML readers produce the same shape. */
export interface SourceDocument {
  /** File name inside the papers folder (what citations name). */
  readonly file: string;
  /** The file's lines; line n (1-based) is lines[n - 1]. */
  readonly lines: readonly string[];
  /**
   * The page each line is on when the file itself knows (a PDF page), else null for every line.
   * Text conversions only know pages from their "Page N" footers, which the parser reads.
   */
  readonly pages: readonly (number | null)[] | null;
  /**
   * An HTML page's markup as published, for readers that need its structure (tables, lists, headings).
   * Absent for text and PDF, and for documents restored from an index snapshot, which are never re-parsed.
   */
  readonly markup?: string;
  /**
   * A Markdown post's front matter (its first lines between `---` fences): metadata the parser reads
   * (date, title) and no passage quotes. Absent when the text has none.
   */
  readonly frontMatter?: FrontMatter;
  /** Hex SHA-256 of the bytes, so changed files can be found. */
  readonly contentHash: string;
}
