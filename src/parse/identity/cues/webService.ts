import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';

/**
 * ModernGov web-service answers name their root: meeting (GetMeeting), getmeetings, committees. Ingest
 * renders them as "name: text" lines (src/ingest/xmlToLines.ts); raw XML is read too.
 */
const ROOT = /^\s*(?:<\?xml[^>]*>\s*)?<?(meeting|getmeetings|committees|committee|meetings)(?:>|:$)/iu;
/** Where the root is: the first line, or the second after an XML declaration. */
const ROOT_LINES = 2;
const field = (name: string): RegExp => new RegExp(`^\\s*(?:<${name}>([^<]+)</${name}>|${name}:\\s*(.+))$`, 'iu');
const COMMITTEE_TITLE = field('committeetitle');
const MEETING_DATE = field('meetingdate');

/**
 * ModernGov web-service data (GetMeeting, GetMeetings, GetCommittees): the meeting's date, the
 * committee's title. A GetMeeting names no committee: the folder pass finds it in a GetMeetings of
 * the same date.
 */
export const WEB_SERVICE_CUE: IdentityCue = {
  name: 'web service',
  read: (doc) => {
    const root = doc.lines.slice(0, ROOT_LINES).map((l) => ROOT.exec(l)?.[1]).find((r) => r !== undefined)?.toLowerCase();
    if (!root) return [];
    const out: IdentityEvidence[] = [evidence('kind', 'web_service', 'web_service_data', null, `<${root}>`)];
    const titles = new Set<string>();
    doc.lines.forEach((line, i) => {
      const t = COMMITTEE_TITLE.exec(line);
      const title = t?.[1] ?? t?.[2];
      if (title) titles.add(title.trim());
      const d = MEETING_DATE.exec(line);
      const date = d?.[1] ?? d?.[2];
      const iso = date ? findDates(date)[0]?.date : undefined;
      if (iso && root !== 'committees') out.push(evidence('meetingDate', 'web_service', iso, i + 1, line));
    });
    // A list of many committees (GetCommittees) is about none of them.
    if (titles.size === 1) {
      const [title] = titles;
      const name = cleanCommitteeName(title!);
      const at = doc.lines.findIndex((l) => l.includes(title!));
      if (name) out.push(evidence('committee', 'web_service', name, at + 1, doc.lines[at]!));
    }
    return out;
  },
};
