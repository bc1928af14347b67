import type { SourceDocument } from '../../ingest';
import type { FileIdentity, IdentityEvidence } from '../../model';
import { IDENTITY_CUES } from './cues';
import type { FileFindings } from './evidence';
import { resolveIdentity } from './resolve';

export { cleanCommitteeName } from './committeeName';
export { identifyFolder } from './folder';
export { textStart } from './head';
export { meetingsNamed } from './meetingNames';
export { sameCommittee } from './resolve';
export type { FileFindings } from './evidence';

/**
 * A file's identity from its own cues (heading, front page, front matter, markup, web-service data,
 * name). Pure and total: a cue that fails on a malformed document gives no evidence, never an exception,
 * and a file no cue identifies gets an identity with every field empty.
 */
export function identifyFile(doc: SourceDocument, found: FileFindings): FileIdentity {
  const evidence: IdentityEvidence[] = [];
  for (const cue of IDENTITY_CUES) {
    try {
      evidence.push(...cue.read(doc, found));
    } catch {
      // A cue is a heuristic over text it does not control; one that trips over a document says nothing.
    }
  }
  return resolveIdentity(doc.file, evidence);
}
