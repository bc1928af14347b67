import type { Meeting, MeetingRecord, WorkProgrammeRow } from '../../model';
import { findDates } from '../../parse';
import type { PaperIndex } from '../../search';
import { compareDates } from '../dateRefs';
import { bestRecord } from './meetingRecords';
/** Forward plans and work programmes as a whole: the newest one listing a meeting, and when it was published. */

/**
 * The plan a set of rows is best read from: a later forward plan or work programme drops meetings
 * already held, so the plan whose first listed meeting is latest is the newest (ties: the fuller one).
 */
export function newestPlanFile(index: PaperIndex, rows: readonly WorkProgrammeRow[]): string | null {
  const files = new Set(rows.map((r) => r.source.file));
  const byFile = new Map<string, { first: string; count: number }>();
  for (const r of index.corpus.workProgramme) {
    if (!files.has(r.source.file)) continue;
    if (!r.meetingDate) continue;
    const seen = byFile.get(r.source.file);
    byFile.set(r.source.file, { first: seen && seen.first < r.meetingDate ? seen.first : r.meetingDate, count: (seen?.count ?? 0) + 1 });
  }
  return [...byFile].sort((a, b) => compareDates(b[1].first, a[1].first) || b[1].count - a[1].count)[0]?.[0] ?? null;
}

/** A meeting known only from plans is cited from the newest plan listing it; otherwise its best record. */
export function planRecord(index: PaperIndex, m: Meeting): MeetingRecord {
  const best = bestRecord(m);
  if (best.evidence !== 'forward_plan' && best.evidence !== 'work_programme') return best;
  const file = newestPlanFile(index, index.corpus.workProgramme.filter((r) => r.meetingDate === m.date));
  return m.records.find((r) => r.evidence === best.evidence && r.source.file === file) ?? best;
}

/** The date a plan was published, from its opening lines ("This update published: 18th February 2026"). */
export function planDate(index: PaperIndex, file: string): string | null {
  const lines = index.lines(file)?.slice(0, 20) ?? [];
  return findDates(lines.join('\n'))[0]?.date ?? null;
}
