import type { DocumentKind, FileIdentity, IdentityEvidence } from '../../model';
import { committeeKey } from '../committees';
import { CUE_TRUST } from './cues';
import { DATE_VALUE } from './evidence';
import { IDENTITY_VOCABULARY as V } from './vocabulary';

type Disagreement = FileIdentity['disagreements'][number];

/** Evidence most trusted first (CUE_TRUST); within one cue, in the order the cue found it. */
export function byTrust(found: readonly IdentityEvidence[]): IdentityEvidence[] {
  return found.map((e, i) => ({ e, i })).sort((a, b) => CUE_TRUST.indexOf(a.e.cue) - CUE_TRUST.indexOf(b.e.cue) || a.i - b.i).map((x) => x.e);
}

/** Two committee names are one when their keys match or one holds the other's words ("Cabinet", "Midshire County Council Cabinet"). */
export function sameCommittee(a: string, b: string): boolean {
  const ka = committeeKey(a);
  const kb = committeeKey(b);
  return ka === kb || ` ${ka} `.includes(` ${kb} `) || ` ${kb} `.includes(` ${ka} `);
}

/**
 * A file's identity from its evidence: each field from the most trusted cue that gives it. Where a
 * cue of another kind says otherwise, both are kept, the kept one named with the rule that chose it.
 */
export function resolveIdentity(file: string, found: readonly IdentityEvidence[]): FileIdentity {
  const ordered = byTrust(found);
  const of = (field: IdentityEvidence['field']): IdentityEvidence[] => ordered.filter((e) => e.field === field);
  const committees = of('committee');
  const dates = of('meetingDate').filter((e) => DATE_VALUE.test(e.value));
  const committee = committees[0] ?? null;
  const date = dates[0] ?? null;
  const disagreements: Disagreement[] = [
    // A name that says only which meeting ("Annual Meeting") does not contradict the body that holds it.
    ...disagreeing('committee', committee, committees, (a, b) => sameCommittee(a, b) || V.meetingOnly.test(b)),
    ...disagreeing('meetingDate', date, dates, (a, b) => a === b),
  ];
  const kinds = of('kind').map((e) => e.value as DocumentKind);
  return {
    file,
    council: of('council')[0]?.value ?? null,
    committee: committee?.value ?? null,
    meetingDates: [...new Set(dates.map((e) => e.value))],
    kind: kindOf(kinds),
    evidence: ordered,
    disagreements,
  };
}

/** One disagreement per other cue whose value is not the kept one's. */
function disagreeing(field: string, kept: IdentityEvidence | null, all: readonly IdentityEvidence[], same: (a: string, b: string) => boolean): Disagreement[] {
  if (!kept) return [];
  const out: Disagreement[] = [];
  // Each other cue's first word on it: a cue that names several meetings (a pack's earlier minutes) disagrees with none.
  const firsts = all.filter((e, i) => all.findIndex((x) => x.cue === e.cue) === i);
  for (const other of firsts) {
    if (other.cue === kept.cue || same(kept.value, other.value) || out.some((d) => d.other === other.value)) continue;
    out.push({
      field,
      kept: kept.value,
      other: other.value,
      why: `the ${cueName(kept.cue)} (${quote(kept)}) is trusted over the ${cueName(other.cue)} (${quote(other)})`,
    });
  }
  return out;
}

function cueName(cue: IdentityEvidence['cue']): string {
  return cue.replace(/_/gu, ' ');
}

function quote(e: IdentityEvidence): string {
  return `${e.line !== null ? `line ${e.line}: ` : ''}"${e.text.length > 80 ? `${e.text.slice(0, 77)}...` : e.text}"`;
}

/**
 * The most trusted cue's kind, but a pack opens with its front sheet: a file whose heading says
 * "Agenda" and in which the readers found several papers is the pack, not the front sheet alone.
 */
function kindOf(kinds: readonly DocumentKind[]): DocumentKind {
  const first = kinds[0] ?? 'other';
  return first === 'agenda_frontsheet' && kinds.includes('agenda_pack') ? 'agenda_pack' : first;
}
