/**
 * What a file in the papers folder is: whose, which meeting, what kind of document, and why we think so.
 * Read by the parser from generic cues (the document's own heading and front page, Markdown front
 * matter, ModernGov's file names, the folder's other files), most trusted first. A file with no
 * identity is still indexed for answers: the fields are null or empty, never guessed.
 */
export type DocumentKind =
  | 'agenda_frontsheet'
  | 'agenda_pack'
  | 'minutes'
  | 'decisions'
  | 'report'
  | 'appendix'
  | 'forward_plan'
  | 'work_programme'
  | 'meeting_page'
  | 'meetings_list'
  | 'committee_page'
  | 'decision_page'
  | 'web_service_data'
  | 'other';

/** Which cue said it, and the words it said it with (a line of the file, a front-matter key, the file name). */
export interface IdentityEvidence {
  readonly field: 'council' | 'committee' | 'meetingDate' | 'kind';
  readonly cue: 'heading' | 'front_page' | 'front_matter' | 'markup' | 'file_name' | 'folder' | 'web_service';
  readonly value: string;
  /** 1-based line of the file the cue was read from, or null for a file name or a folder cue. */
  readonly line: number | null;
  readonly text: string;
}

export interface FileIdentity {
  readonly file: string;
  readonly council: string | null;
  /** A clean committee name ("Cabinet", "Audit Committee", "Eastfield Parish Council"), or null. */
  readonly committee: string | null;
  /** The meeting or meetings the file belongs to (YYYY-MM-DD), primary first. */
  readonly meetingDates: readonly string[];
  readonly kind: DocumentKind;
  readonly evidence: readonly IdentityEvidence[];
  /** Where two cues disagreed: both values, and which the rule in the code kept. */
  readonly disagreements: readonly { readonly field: string; readonly kept: string; readonly other: string; readonly why: string }[];
}
