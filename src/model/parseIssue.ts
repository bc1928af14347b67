/** Expected problems in a paper are data, never exceptions: a stable code, a message, a place. */
export type ParseIssueCode =
  | 'unreadable_file'
  | 'undecodable_file'
  | 'unsupported_file'
  | 'empty_file'
  | 'corrupt_pdf'
  | 'encrypted_pdf'
  | 'image_only_pdf'
  | 'minutes_without_date'
  | 'minutes_date_inferred'
  | 'unknown_committee'
  | 'conflicting_dates'
  | 'parser_failure'
  | 'exempt_paper'
  /** Not a regular file inside the papers folder (a symbolic link, a device, a pipe): never read. */
  | 'refused_file'
  /** Larger than a paper limit (file size, text, line length): skipped until it changes. */
  | 'oversized_file'
  /** Reading and parsing it ran out of its time or memory budget, or crashed its worker: skipped until it changes. */
  | 'over_budget';

export interface ParseIssue {
  readonly code: ParseIssueCode;
  readonly message: string;
  readonly file: string;
  readonly line: number | null;
}
