import type { SourceDocument } from '../ingest';
import type {
  AgendaItem,
  Committee,
  FileIdentity,
  Meeting,
  Minutes,
  Paper,
  ParseIssue,
  PersonRecord,
  Report,
  Resolution,
  WorkProgrammeRow,
} from '../model';

/** What the parser found in one file. */
export interface ParsedFile {
  readonly file: string;
  /** Which reader read it (see src/parse/readers): the layout it was recognised as. */
  readonly layout: string;
  readonly papers: readonly Paper[];
  /** Committees the file describes (a committee-details page, a front sheet's membership). */
  readonly committees: readonly Committee[];
  readonly meetings: readonly Meeting[];
  readonly agendaItems: readonly AgendaItem[];
  readonly minutes: readonly Minutes[];
  readonly reports: readonly Report[];
  readonly workProgramme: readonly WorkProgrammeRow[];
  /** People the file describes in its own data (a web-service attendee with role, party, ward); absent where none. */
  readonly people?: readonly PersonRecord[];
  /** The pack page of each line (0-based), where the paper says; null where it does not. */
  readonly pages: readonly (number | null)[];
  readonly issues: readonly ParseIssue[];
  /**
   * What the file is: council, committee, meeting date(s), kind, with the evidence for each. Read from
   * the file's own cues when it is parsed, then completed from the folder's other files by parsePapers.
   */
  readonly identity: FileIdentity;
  /**
   * The 1-based line the document's own text starts on: after Markdown front matter, which is metadata
   * and never quoted. Set by parsePaperFile (absent: line 1); readers leave it out.
   */
  readonly textStart?: number;
}

/** Every file's findings, with meetings merged across files (one meeting, many records). */
export interface ParsedCorpus {
  readonly documents: readonly SourceDocument[];
  readonly files: readonly ParsedFile[];
  /** One per committee, merged across files. */
  readonly committees: readonly Committee[];
  /** The calendar: one per committee and date, merged from every source that names it. */
  readonly meetings: readonly Meeting[];
  readonly papers: readonly Paper[];
  readonly agendaItems: readonly AgendaItem[];
  readonly minutes: readonly Minutes[];
  readonly resolutions: readonly Resolution[];
  readonly reports: readonly Report[];
  readonly workProgramme: readonly WorkProgrammeRow[];
  readonly issues: readonly ParseIssue[];
}
