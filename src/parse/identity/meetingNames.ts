import type { DocumentKind, Meeting, MeetingEvidence, MeetingStatus } from '../../model';
import { canonicalCommittee } from '../committees';
import { meetingRecord } from '../readers/common';
import type { ParsedFile } from '../parsedCorpus';
import { cleanCommitteeName } from './committeeName';

/** What a reader calls a meeting whose committee it could not read. */
const UNKNOWN = 'Unknown committee';

/**
 * A file's meetings with their committees named as cleanly as its identity names them: "Cabinet held
 * in the Council Chamber ... on Thursday" is Cabinet's meeting; a meeting whose committee the reader
 * could not read, or read as words that name no body, is of the file's committee when the file has one.
 */
export function meetingsNamed(file: ParsedFile): Meeting[] {
  const named = file.meetings.map((m) => {
    const clean = m.committee === UNKNOWN ? null : cleanCommitteeName(m.committee);
    const named = clean ?? file.identity.committee;
    if (!named || named === m.committee) return m;
    return { ...m, committee: named, canonicalCommittee: canonicalCommittee(named) };
  });
  const own = identifiedMeeting(file);
  // Only where no reader recorded that meeting: a reader's record (a web-service answer's status, say) knows better than the kind of file.
  return own && !named.some((m) => m.date === own.date) ? [...named, own] : named;
}

/** The front-matter key a website shows as the page's heading. */
const SHOWN_TITLE = /^\s*title\s*:/iu;

/** What a file of each kind says of its meeting: minutes and decisions that it took place, an agenda that it is called. */
const RECORD_OF: Partial<Record<DocumentKind, { evidence: MeetingEvidence; status: MeetingStatus }>> = {
  minutes: { evidence: 'minutes', status: 'held' },
  decisions: { evidence: 'decision_notice', status: 'held' },
  agenda_frontsheet: { evidence: 'front_sheet', status: 'scheduled' },
  agenda_pack: { evidence: 'front_sheet', status: 'scheduled' },
};

/**
 * The meeting a file identified as its minutes, decisions or agenda records, where no reader recorded
 * it (a Markdown post of minutes, a parish agenda no layout reads): the calendar knows the meeting
 * from the file's own heading or front matter.
 */
function identifiedMeeting(file: ParsedFile): Meeting | null {
  const { committee, meetingDates, kind, evidence } = file.identity;
  const record = RECORD_OF[kind];
  const date = meetingDates[0];
  if (!record || !committee || !date) return null;
  // Cited at the line that dated it; of front matter (metadata) only its title, which the site shows as the post's heading.
  const said = evidence.find((e) => e.field === 'meetingDate' && e.value === date && e.line !== null && (e.cue !== 'front_matter' || SHOWN_TITLE.test(e.text)));
  const line = said?.line ?? file.textStart ?? 1;
  return meetingRecord(committee, date, record.status, record.evidence, { file: file.file, lineStart: line, lineEnd: line, page: file.pages[line - 1] ?? null }, { hasPapers: true });
}
