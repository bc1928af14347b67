import { createHash } from 'node:crypto';
import type { AgendaItem, Meeting } from '../model';
import type { PaperIndex } from '../search';

/** A meeting after today whose agenda pack has been published. */
export interface UpcomingPack {
  /** Stable across re-indexing: panel and date. */
  readonly key: string;
  readonly meeting: Meeting;
  readonly items: readonly AgendaItem[];
  /** The file holding the front sheet: what the card links to. */
  readonly packFile: string;
  /** Hash of every file the pack's details come from, so a supplementary change is noticed. */
  readonly contentHash: string;
}

export const meetingKey = (meeting: Meeting): string => `${meeting.canonicalCommittee}|${meeting.date}`;

/**
 * Meetings dated after `today` with a front sheet in the papers. A date known only from a work
 * programme is not a published pack, so it is never announced.
 */
export function upcomingPacks(index: PaperIndex, today: string): UpcomingPack[] {
  const { corpus } = index;
  const hashOf = new Map(corpus.documents.map((d) => [d.file, d.contentHash]));
  const packs: UpcomingPack[] = [];
  for (const meeting of corpus.meetings) {
    if (meeting.date <= today || !meeting.hasPapers) continue;
    const frontSheet = meeting.records.find((r) => r.evidence === 'front_sheet');
    if (!frontSheet) continue;
    const items = corpus.agendaItems.filter((item) => item.meetingDate === meeting.date);
    const files = [...new Set([frontSheet.source.file, ...items.map((i) => i.source.file)])].sort();
    const contentHash = createHash('sha256')
      .update(files.map((f) => `${f}:${hashOf.get(f) ?? ''}`).join('\n'))
      .digest('hex');
    packs.push({ key: meetingKey(meeting), meeting, items, packFile: frontSheet.source.file, contentHash });
  }
  return packs;
}
