import type { SourceDocument } from '../../ingest';
import type { IdentityEvidence } from '../../model';
import type { ParsedFile } from '../parsedCorpus';

/** What the readers found in a file, before its identity is read. */
export type FileFindings = Omit<ParsedFile, 'identity'>;

/**
 * One kind of cue a file's identity is read from (its heading, front matter, markup, ...). Pure: the
 * evidence it finds, each with the words it found it in; nothing when the cue is absent.
 */
export interface IdentityCue {
  readonly name: string;
  readonly read: (doc: SourceDocument, found: FileFindings) => IdentityEvidence[];
}

/**
 * A month without a day ("March 2026"), kept as evidence with a YYYY-MM value: never a meeting date by
 * itself, but the folder pass narrows it to the one meeting of the folder in that month.
 */
export const MONTH_VALUE = /^\d{4}-\d{2}$/u;
export const DATE_VALUE = /^\d{4}-\d{2}-\d{2}$/u;

export function evidence(
  field: IdentityEvidence['field'],
  cue: IdentityEvidence['cue'],
  value: string,
  line: number | null,
  text: string,
): IdentityEvidence {
  return { field, cue, value, line, text: text.trim() };
}
