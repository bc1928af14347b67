import type { AgendaItem, IsoDate, Meeting, Resolution } from './paper';

/** A question as the user asked it, on the day they asked it (Europe/London). */
export interface Question {
  readonly text: string;
  readonly asOf: IsoDate;
  /** What the previous answer in the same conversation was about, for a follow-up ("who presented it?"). */
  readonly previous?: FollowUpContext;
}

/**
 * The meeting and agenda item an answer was about, kept by the caller between questions of one
 * conversation: a question that refers back ("it", "that meeting") and names no topic or date of
 * its own is read as about these.
 */
export interface FollowUpContext {
  readonly meetingDate: IsoDate | null;
  /** Canonical committee the answer was about, null for the main committee. */
  readonly committee: string | null;
  readonly itemTitle: string | null;
  readonly itemNumber: string | null;
  /** The topic words (as typed) of the question answered, or of the item's title. */
  readonly topic: readonly string[];
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
  /** Not a question ("hi", "thanks"): a greeting and what the papers hold, no citations. */
  | 'greeting'
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
  /** What this answer was about, to pass as the next question's `previous` (set by answerQuestion). */
  readonly context?: FollowUpContext;
}
