import type { AgendaItem, IsoDate, Meeting, Resolution } from './paper';

/** A question as the user asked it, on the day they asked it (Europe/London). */
export interface Question {
  readonly text: string;
  readonly asOf: IsoDate;
}

export type AnswerKind =
  | 'resolution'
  | 'next_meeting'
  | 'last_meeting'
  | 'schedule'
  | 'meeting_info'
  | 'agenda'
  | 'fact'
  | 'who'
  | 'timeline'
  | 'meeting_list'
  | 'not_found';

export interface Citation {
  readonly file: string;
  readonly lineStart: number;
  readonly lineEnd: number;
  readonly page: number | null;
  /** What a person understands, e.g. "Minutes, 15 March 2023, item 11 School Exclusion and Suspensions". */
  readonly title: string;
  readonly meetingDate: IsoDate | null;
  /** Copied verbatim from the cited lines; never rewritten. */
  readonly quote: string;
}

export interface Answer {
  readonly kind: AnswerKind;
  /** Markdown shown to the user; every claim carries a [n] marker for citations[n-1]. */
  readonly text: string;
  readonly citations: readonly Citation[];
  /** The meeting the answer is about, for a meeting card. */
  readonly meeting?: Meeting;
  readonly agendaItems?: readonly AgendaItem[];
  readonly resolutions?: readonly Resolution[];
  /** Up to three questions the user might ask next. */
  readonly followUps: readonly string[];
}
