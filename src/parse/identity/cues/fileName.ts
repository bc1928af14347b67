import type { IdentityEvidence } from '../../../model';
import { findDates } from '../../dates';
import { cleanCommitteeName } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

/** ModernGov's download names: "Printed minutes 30th-Jan-2025 10.00 Cabinet", "Agenda frontsheet 04th-Mar-2025 10.00 Cabinet". */
const MODERNGOV_NAME = /^(.+?)\s+(\d{1,2})(?:st|nd|rd|th)?-([a-z]{3,9})-(\d{4})(?:\s+\d{1,2}[.:]\d{2})?\s+(.+)$/iu;
const ISO_DATE = /(?:^|[^\d])(\d{4})-(\d{2})-(\d{2})(?!\d)/u;

/**
 * The file's name: the weakest cue, since whoever saved the file named it. ModernGov's own names say
 * what, when and whose; slugs ("<committee>-<yyyy-mm-dd>-<what>", as fetch-papers and collectors
 * name files) say a date, kind words, and sometimes the committee.
 */
export const FILE_NAME_CUE: IdentityCue = {
  name: 'file name',
  read: (doc) => {
    const base = doc.file.replace(/^.*[\\/]/u, '');
    const stem = base.replace(/\.[a-z0-9]{1,5}$/iu, '');
    return moderngovName(stem, base) ?? slugName(stem, base);
  },
};

function moderngovName(stem: string, base: string): IdentityEvidence[] | null {
  const m = MODERNGOV_NAME.exec(stem);
  if (!m) return null;
  const kind = V.fileNames.find((k) => k.pattern.test(m[1]!))?.kind;
  const date = findDates(`${m[2]} ${m[3]} ${m[4]}`)[0]?.date;
  const name = cleanCommitteeName(m[5]!);
  if (!kind || !date) return null;
  return [
    evidence('kind', 'file_name', kind, null, base),
    evidence('meetingDate', 'file_name', date, null, base),
    ...(name ? [evidence('committee', 'file_name', name, null, base)] : []),
  ];
}

function slugName(stem: string, base: string): IdentityEvidence[] {
  const out: IdentityEvidence[] = [];
  const lower = stem.toLowerCase().replace(/[\s_]+/gu, '-');
  const iso = ISO_DATE.exec(lower);
  const date = iso ? findDates(`${iso[3]}/${iso[2]}/${iso[1]}`)[0]?.date : undefined;
  if (date) out.push(evidence('meetingDate', 'file_name', date, null, base));
  const words = lower.split('-').filter(Boolean);
  const kind = V.fileNameKindWords.find((k) => k.words.some((w) => ` ${words.join(' ')} `.includes(` ${w.replace(/-/gu, ' ')} `)))?.kind;
  if (kind) out.push(evidence('kind', 'file_name', kind, null, base));
  // The date splits a slug into runs of words; a run ending in a body word is a committee ("audit-committee").
  const runs = lower.split(/\d{4}-\d{2}-\d{2}|nodate/u).map((r) => r.split('-').filter((w) => w && !/^\d+$/u.test(w)));
  for (const run of runs) {
    const last = run.reduce((at, w, i) => (V.bodyWords.has(w) ? i : at), -1);
    const name = last >= 1 ? cleanCommitteeName(titleCased(run.slice(0, last + 1).join(' '))) : null;
    if (name) {
      out.push(evidence('committee', 'file_name', name, null, base));
      break;
    }
  }
  return out;
}

function titleCased(name: string): string {
  return name
    .replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toUpperCase())
    .replace(/\b(And|Of|The|For)\b/gu, (w) => w.toLowerCase())
    .replace(/\p{L}+/gu, (w) => (V.acronyms.has(w.toUpperCase()) ? w.toUpperCase() : w));
}
