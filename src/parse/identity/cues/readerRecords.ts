import type { DocumentKind, IdentityEvidence, MeetingEvidence } from '../../../model';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type FileFindings, type IdentityCue } from '../evidence';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

/** What the agenda pack reader calls a meeting whose committee it could not read. */
const UNKNOWN = 'Unknown committee';

/** Records that say which meeting a file is of (not the meetings it merely mentions, like a forward plan's). */
const OWN_MEETING: readonly MeetingEvidence[] = ['front_sheet', 'minutes', 'decision_notice', 'meeting_page'];

/**
 * What the layout readers found (src/parse/readers): the meeting a front sheet, minutes, decision notice
 * or meeting page records, the committee a committee page describes, and the kind of document the
 * layout is. ModernGov pages are read from their markup, so their records are markup evidence.
 */
export const READER_RECORDS_CUE: IdentityCue = {
  name: 'reader records',
  read: (doc, found) => {
    const cue: IdentityEvidence['cue'] = doc.markup !== undefined ? 'markup' : 'front_page';
    const out: IdentityEvidence[] = [];
    const own = found.meetings
      .flatMap((m) => m.records.filter((r) => OWN_MEETING.includes(r.evidence)).map((r) => ({ m, r })))
      .sort((a, b) => a.r.source.lineStart - b.r.source.lineStart);
    for (const { m, r } of own) {
      const name = m.committee === UNKNOWN ? null : cleanCommitteeName(m.committee);
      const text = doc.lines[r.source.lineStart - 1] ?? m.committee;
      if (name) out.push(evidence('committee', cue, name, r.source.lineStart, text));
      out.push(evidence('meetingDate', cue, m.date, r.source.lineStart, text));
    }
    // A committee page describes one committee; a meetings list lists one committee's meetings.
    const page = found.committees.length === 1 ? found.committees[0]! : null;
    const listed = found.meetings.find((m) => m.records.some((r) => r.evidence === 'meetings_list'));
    const described = page ? { name: page.name, line: page.source.lineStart } : listed ? { name: listed.committee, line: listed.records[0]!.source.lineStart } : null;
    const name = described && cleanCommitteeName(described.name);
    if (described && name) out.push(evidence('committee', cue, name, described.line, described.name));
    const kind = V.layoutKinds[found.layout] ?? packKind(found);
    if (kind) out.push(evidence('kind', cue, kind, null, `read as ${found.layout}`));
    return out;
  },
};

/** What the agenda-pack reader found: several papers bound in one file are a pack; one paper is its kind. */
function packKind(found: FileFindings): DocumentKind | undefined {
  const kinds = found.papers.filter((p) => p.kind !== 'other');
  if (kinds.length > 1) return 'agenda_pack';
  return kinds[0] ? V.paperKinds[kinds[0].kind] : undefined;
}
