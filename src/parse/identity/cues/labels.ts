import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';
import { headLines } from '../head';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

/** A report cover's or front sheet's labelled fields: "COMMITTEE: Parks and Leisure Committee", "DATE: 15 May 2025", "To: Cabinet – 30 January 2025". */
export const LABELS_CUE: IdentityCue = {
  name: 'labels',
  read: (doc) => {
    const out: IdentityEvidence[] = [];
    for (const h of headLines(doc)) {
      const committee = V.committeeLabel.exec(h.text)?.[1];
      const name = committee ? cleanCommitteeName(committee) : null;
      if (name && !out.some((e) => e.field === 'committee')) out.push(evidence('committee', 'front_page', name, h.line, h.text));
      // "To: Cabinet – 30 January 2025": the committee's label may carry the date too.
      const date = V.dateLabel.exec(h.text)?.[1] ?? committee;
      const iso = date ? findDates(date)[0]?.date : undefined;
      if (iso && !out.some((e) => e.field === 'meetingDate')) out.push(evidence('meetingDate', 'front_page', iso, h.line, h.text));
    }
    return out;
  },
};
