import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

const TITLE = /<title[^>]*>([\s\S]*?)<\/title>/iu;

/**
 * A ModernGov page's <title>: "Agenda for <committee> on Thursday 4 December 2025, 7:30 pm - <site>",
 * "Committee details - <committee> - <site>", "Browse meetings - <committee> - <site>".
 */
export const MARKUP_CUE: IdentityCue = {
  name: 'markup',
  read: (doc) => {
    const raw = doc.markup ? TITLE.exec(doc.markup)?.[1] : undefined;
    if (!raw) return [];
    const title = decodeEntities(raw).replace(/\s+/gu, ' ').trim();
    // The site's name follows the last dash.
    const parts = title.split(/\s+[-–]\s+/u);
    const page = parts.length > 1 ? parts.slice(0, -1).join(' - ') : title;
    const out: IdentityEvidence[] = [];
    for (const { kind, pattern } of V.markupTitles) {
      const m = pattern.exec(page);
      if (!m) continue;
      out.push(evidence('kind', 'markup', kind, null, title));
      const name = m[1] ? cleanCommitteeName(m[1]) : null;
      if (name) out.push(evidence('committee', 'markup', name, null, title));
      const date = m[2] ? findDates(m[2])[0]?.date : undefined;
      if (date) out.push(evidence('meetingDate', 'markup', date, null, title));
      break;
    }
    return out;
  },
};

function decodeEntities(text: string): string {
  return text
    .replace(/&amp;/gu, '&')
    .replace(/&#(\d+);/gu, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&nbsp;/gu, ' ')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>');
}
