import type { IsoDate, PaperKind, SourceSpan } from '../model';

/** A searchable stretch of a paper: a paragraph, or a short run of lines, with what a citation needs. */
export interface Passage {
  readonly id: number;
  readonly text: string;
  /** The paper's title, e.g. "Minutes - 15 March 2023". */
  readonly title: string;
  readonly paperKind: PaperKind;
  readonly meetingDate: IsoDate | null;
  /** The minute or agenda item it sits under, e.g. "11 School Exclusion and Suspensions". */
  readonly item: string | null;
  readonly source: SourceSpan;
}
