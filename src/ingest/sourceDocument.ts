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
  /** Hex SHA-256 of the bytes, so changed files can be found. */
  readonly contentHash: string;
}
