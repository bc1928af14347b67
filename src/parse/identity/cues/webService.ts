import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';

/** ModernGov web-service answers name their root: <meeting> (GetMeeting), <getmeetings>, <committees>. */
const ROOT = /^\s*(?:<\?xml[^>]*>\s*)?<(meeting|getmeetings|committees|committee|meetings)\b/iu;

/**
 * ModernGov web-service data (GetMeeting, GetMeetings, GetCommittees): the meeting's date, the
 * committee's title. A GetMeeting names no committee: the folder pass finds it in a GetMeetings of
 * the same date.
 */
export const WEB_SERVICE_CUE: IdentityCue = {
  name: 'web service',
  read: (doc) => {
    const root = ROOT.exec(doc.lines.slice(0, 3).join('\n'))?.[1]?.toLowerCase();
    if (!root) return [];
    const out: IdentityEvidence[] = [evidence('kind', 'web_service', 'web_service_data', null, `<${root}>`)];
    const titles = new Set<string>();
    doc.lines.forEach((line, i) => {
      const title = /<committeetitle>([^<]+)<\/committeetitle>/iu.exec(line)?.[1];
      if (title) titles.add(title.trim());
      const date = /<meetingdate>([^<]+)<\/meetingdate>/iu.exec(line)?.[1];
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
