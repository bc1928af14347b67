import type { Meeting } from '../../model';
import { canonicalCommittee } from '../committees';
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
  return file.meetings.map((m) => {
    const clean = m.committee === UNKNOWN ? null : cleanCommitteeName(m.committee);
    const named = clean ?? file.identity.committee;
    if (!named || named === m.committee) return m;
    return { ...m, committee: named, canonicalCommittee: canonicalCommittee(named) };
  });
}
