import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { DATE_VALUE, evidence, type IdentityCue } from '../evidence';
import { frontMatterEnd } from '../head';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

/** Front-matter keys that name the meeting's body. */
const COMMITTEE_KEYS = new Set(['committee', 'body', 'meeting', 'organisation', 'organization']);
const DATE_KEYS = new Set(['date', 'meeting_date', 'meetingdate', 'meeting-date']);

/**
 * A Markdown post's front matter: its title ("Minutes for meeting held Tuesday 2 September 2025"), its
 * date and type. The title's date comes first: a site's `date` is often when the post was published.
 */
export const FRONT_MATTER_CUE: IdentityCue = {
  name: 'front matter',
  read: (doc) => {
    const end = frontMatterEnd(doc.lines);
    const out: IdentityEvidence[] = [];
    for (let i = 1; i < end - 1; i++) {
      const m = /^\s*([\w-]+)\s*:\s*(.*?)\s*$/u.exec(doc.lines[i]!);
      if (!m) continue;
      const key = m[1]!.toLowerCase();
      const value = m[2]!.replace(/^["']|["']$/gu, '');
      if (!value) continue;
      const at = (field: IdentityEvidence['field'], v: string): void => void out.push(evidence(field, 'front_matter', v, i + 1, doc.lines[i]!));
      if (key === 'title') {
        const date = findDates(value)[0]?.date;
        if (date) at('meetingDate', date);
        const kind = V.kinds.find((k) => k.pattern.test(value))?.kind;
        if (kind) at('kind', kind);
        const lead = V.leadIns.map((l) => l.pattern.exec(value)).find((m) => m !== null);
        const name = lead ? cleanCommitteeName(value.slice(lead.index + lead[0].length)) : null;
        if (name) at('committee', name);
      } else if (DATE_KEYS.has(key)) {
        const iso = value.slice(0, 10);
        if (DATE_VALUE.test(iso)) at('meetingDate', iso);
        else if (findDates(value)[0]) at('meetingDate', findDates(value)[0]!.date);
      } else if (COMMITTEE_KEYS.has(key)) {
        const name = cleanCommitteeName(value);
        if (name) at('committee', name);
      } else if (key === 'type' || key === 'kind' || key === 'layout') {
        const kind = V.kinds.find((k) => k.pattern.test(value))?.kind;
        if (kind) at('kind', kind);
      }
    }
    return out;
  },
};
