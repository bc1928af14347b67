/** Where something came from: a file in the papers folder and a 1-based, inclusive line span. */
export interface SourceSpan {
  readonly file: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  /** Pack page, only when the paper says so (a "Page N" footer or an agenda page range); never guessed. */
  readonly page: number | null;
}
