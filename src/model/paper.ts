import type { SourceSpan } from './source';

/** ISO calendar date, YYYY-MM-DD. */
export type IsoDate = string;

export type PaperKind =
  | 'agenda'
  | 'minutes'
  | 'report'
  | 'appendix'
  | 'work_programme'
  | 'presentation'
  | 'plan'
  | 'decision_notice'
  | 'forward_plan'
  | 'meetings_list'
  | 'committee_details'
  | 'committee_list'
  | 'meeting_notice'
  | 'other';

/** One paper inside a file: an agenda pack binds several together. */
export interface Paper {
  readonly kind: PaperKind;
  readonly title: string;
  /** The meeting the paper was written for or records, when it says. */
  readonly meetingDate: IsoDate | null;
  readonly source: SourceSpan;
}

export interface Contact {
  readonly name: string;
  readonly phone: string | null;
  readonly email: string | null;
}

export interface PartyGroup {
  readonly party: string;
  readonly members: readonly string[];
}

/**
 * Where a meeting stands. `held` when minutes or decisions record it (or a meetings list links them);
 * `cancelled` and `postponed` when a list or notice says so; `scheduled` otherwise, past or future.
 */
export type MeetingStatus = 'scheduled' | 'held' | 'cancelled' | 'postponed';

/** Where a meeting is recorded, e.g. a front sheet, a minutes heading, a work programme row. */
export type MeetingEvidence =
  | 'front_sheet'
  | 'minutes'
  | 'agenda_reference'
  | 'minutes_approval'
  | 'work_programme'
  | 'report'
  | 'meetings_list'
  | 'meeting_page'
  | 'meeting_notice'
  | 'decision_notice'
  | 'forward_plan'
  | 'next_meeting_note';

export interface MeetingRecord {
  readonly evidence: MeetingEvidence;
  readonly source: SourceSpan;
}

export interface Meeting {
  /** The committee name as the papers write it (first seen). */
  readonly committee: string;
  /** The panel it is, whatever it was called that year (see data/committees.json). */
  readonly canonicalCommittee: string;
  readonly date: IsoDate;
  readonly time: string | null;
  readonly venue: string | null;
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly members: readonly PartyGroup[];
  readonly coopted: readonly string[];
  readonly quorum: string | null;
  readonly contact: Contact | null;
  readonly status: MeetingStatus;
  /** Whether any of the meeting's own papers (agenda, minutes, decisions) are in the corpus, not just its date. */
  readonly hasPapers: boolean;
  readonly records: readonly MeetingRecord[];
  /** Where the papers disagree about this meeting, in words, e.g. an item titled 6 February that approves 8 February. */
  readonly conflicts: readonly string[];
}

/** A member of a committee as its membership list gives them. */
export interface CommitteeMember {
  readonly name: string;
  /** "Chair", "Vice-Chair", "Substitute", "Co-opted", ... as written; null for an ordinary member. */
  readonly role: string | null;
}

/** A committee as a committee-details page or a front sheet describes it. */
export interface Committee {
  /** The name as the papers write it (first seen). */
  readonly name: string;
  /** Its canonical name (see data/committees.json); meetings name their committee this way. */
  readonly canonical: string;
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly members: readonly CommitteeMember[];
  readonly substitutes: readonly string[];
  readonly supportOfficer: Contact | null;
  readonly purpose: string | null;
  readonly source: SourceSpan;
}

/** A recorded vote or a motion's outcome: "moved by X, seconded by Y ... CARRIED (5 for, 4 against)". */
export interface RecordedVote {
  /** What was put: "recommendation 2", "the amendment", "the recommendations". */
  readonly motion: string | null;
  readonly mover: string | null;
  readonly seconder: string | null;
  readonly for: number | null;
  readonly against: number | null;
  readonly abstain: number | null;
  readonly unanimous: boolean;
  /** As minuted: "CARRIED", "FELL", "LOST", "WITHDRAWN", "AGREED". */
  readonly outcome: string | null;
  /** The vote's lines verbatim. */
  readonly text: string;
  readonly source: SourceSpan;
}

export interface AgendaItem {
  readonly meetingDate: IsoDate;
  readonly number: string;
  readonly title: string;
  /** Pack pages as the agenda gives them, e.g. [5, 20]. */
  readonly pages: readonly [number, number] | null;
  readonly presenter: string | null;
  /** The bracketed note under the item, e.g. "[To approve the minutes ...]". */
  readonly note: string | null;
  /** Section heading the item sits under, e.g. "PRE-DECISION SCRUTINY". */
  readonly section: string | null;
  readonly source: SourceSpan;
}

export interface Resolution {
  readonly meetingDate: IsoDate;
  readonly itemNumber: string;
  readonly itemTitle: string;
  /** The decision exactly as minuted, lines joined with newlines. */
  readonly text: string;
  /** Numbered points, verbatim without their numbers; one entry for an unnumbered decision. */
  readonly points: readonly string[];
  /** Whether it stood under a "Resolved:" label, or was an unlabelled decision. */
  readonly labelled: boolean;
  readonly source: SourceSpan;
}

export interface Attendee {
  readonly name: string;
  readonly role: string | null;
}

/**
 * Something someone agreed to do, as a minute item records it in its discussion or its decision:
 * "The Inclusion and Attendance Service Manager agreed to present the findings to a future meeting of the panel."
 */
export interface AgreedAction {
  readonly meetingDate: IsoDate;
  readonly itemNumber: string;
  readonly itemTitle: string;
  /** Who agreed, as written ("The Principal Social Worker", "The panel"); null where the sentence does not say. */
  readonly who: string | null;
  /** The sentence, verbatim from one line. */
  readonly text: string;
  /** Whether it brings the subject back: to a future meeting, a named month, the next report. */
  readonly returns: boolean;
  /** When it is to come back, where the sentence says ("September 2021"). */
  readonly when: string | null;
  readonly source: SourceSpan;
}

export interface MinuteItem {
  readonly meetingDate: IsoDate;
  readonly number: string;
  readonly title: string;
  readonly body: string;
  readonly resolutions: readonly Resolution[];
  readonly votes: readonly RecordedVote[];
  /** What someone agreed to do in the item (src/parse/agreedActions.ts), read when the paper is parsed. */
  readonly actions?: readonly AgreedAction[];
  readonly source: SourceSpan;
}

export interface Minutes {
  readonly meetingDate: IsoDate;
  /**
   * What recorded the meeting: printed or pack minutes (absent, or 'minutes'), or a decision notice,
   * whose items are the decided subjects and whose resolutions are the decisions as recorded.
   */
  readonly record?: 'minutes' | 'decision_notice';
  readonly committee: string | null;
  /** As marked in the attendance list, "(Chair)". */
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly members: readonly string[];
  readonly coopted: readonly string[];
  readonly inAttendance: readonly string[];
  readonly employees: readonly Attendee[];
  /** The attendance lines as printed ("Members Present:-" ... "Officers in Attendance:-" ...), for quoting, where read. */
  readonly attendanceSource?: SourceSpan;
  /** Members who attended as substitutes ("Councillor X attended as substitute"), where the minutes say. */
  readonly substitutes?: readonly string[];
  readonly apologies: { readonly text: string; readonly source: SourceSpan } | null;
  readonly declarations: { readonly text: string; readonly source: SourceSpan } | null;
  readonly items: readonly MinuteItem[];
  readonly source: SourceSpan;
}

export interface ReportSection {
  readonly number: string;
  readonly title: string;
  readonly source: SourceSpan;
}

export interface Report {
  readonly title: string;
  readonly committee: string | null;
  readonly meetingDate: IsoDate | null;
  readonly cabinetMember: string | null;
  readonly accountableDirector: string | null;
  readonly accountableEmployee: string | null;
  readonly originatingService: string | null;
  readonly recommendations: readonly string[];
  readonly sections: readonly ReportSection[];
  readonly source: SourceSpan;
}

export type WorkProgrammeStatus = 'Programmed' | 'Provisional' | null;

export interface WorkProgrammeRow {
  readonly item: string;
  readonly description: string | null;
  readonly lead: string | null;
  readonly author: string | null;
  /** Null for the undated "future work programme" list. */
  readonly meetingDate: IsoDate | null;
  /** The date as written, when it could not be read as a full date (e.g. "September 2021"). */
  readonly meetingDateText: string | null;
  readonly publicationDate: string | null;
  readonly status: WorkProgrammeStatus;
  readonly source: SourceSpan;
}
