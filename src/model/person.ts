import type { IsoDate } from './paper';
import type { SourceSpan } from './source';

/** Where the papers name a person with their role. */
export type PersonEvidence =
  /** A minutes attendance list: "Employees", "Officers in attendance", "In attendance". */
  | 'attendance'
  /** A report cover: accountable employee, accountable director, cabinet member, report author. */
  | 'report_cover'
  /** An agenda item's bracket: "[Name, Job Title, to present report]". */
  | 'agenda_presenter'
  /** A minutes discussion line: "Name, Job Title, presented the report." */
  | 'minutes'
  /** A meeting's attendee in the committee system's own data (ModernGov's web service): role, party, ward, key posts. */
  | 'service_attendee'
  /** An officer elected or appointed at a meeting, as its minutes record it: the office is the role. */
  | 'election';

/** A fact the papers give about a person beside their role: their political party, ward or key posts. */
export interface PersonDetail {
  readonly detail: 'party' | 'ward' | 'key_posts';
  /** As written: "LAB", "Charlestown", "Chair of Health Scrutiny Committee". */
  readonly value: string;
  /** The line that says it, which a citation of the detail quotes. */
  readonly source: SourceSpan;
}

/**
 * One place the papers pair a person with a role or job title, e.g. "Jennifer Rogers, Principal Social
 * Worker" in an agenda bracket. The source holds the name verbatim, so a citation of it quotes the name.
 */
export interface PersonRecord {
  readonly name: string;
  /** The role or job title as written: "Principal Social Worker", "Cabinet Member for Children and Young People". */
  readonly role: string;
  readonly evidence: PersonEvidence;
  /** The committee of the meeting the paper is for, where the paper says. */
  readonly committee: string | null;
  readonly meetingDate: IsoDate | null;
  /** Where the paper was for, in words: an item or report title ("Virtual School Head Annual Report 2021"). */
  readonly context: string | null;
  readonly source: SourceSpan;
  /** Party, ward and key posts, where the record gives them; the source spans their lines too. */
  readonly details?: readonly PersonDetail[];
}
