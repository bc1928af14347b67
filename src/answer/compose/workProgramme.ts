import type { WorkProgrammeRow } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { compareDates, shortDate } from '../dateRefs';
import { NO_MATCH } from '../match';
import type { Reading } from '../read';
import type { Scored } from './resolutions';
/** Work programme rows on a topic, ranked, and described. */

export function scoreRows(index: PaperIndex, u: Reading): Scored<WorkProgrammeRow>[] {
  const look = answerLookups(index);
  const items = look.rowItems.match(u.topic, u.typed);
  const texts = look.rowTexts.match(u.topic, u.typed);
  // A row sharing no stem with the question in its item or description scores 0 and is dropped below.
  return [...texts.keys()]
    .map((id) => {
      const item = items.get(id) ?? NO_MATCH;
      const all = texts.get(id)!;
      return { record: index.corpus.workProgramme[id]!, score: 2 * item.hits + all.hits, coverage: Math.max(item.coverage, all.coverage) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || compareDates(b.record.meetingDate ?? '', a.record.meetingDate ?? ''));
}

export function describeRow(r: WorkProgrammeRow): string {
  const when = r.meetingDate
    ? `the ${shortDate(r.meetingDate)} meeting`
    : r.meetingDateText
      ? `${r.meetingDateText} (the papers give only a month, no meeting date)`
      : 'a date not yet set';
  const extra = [r.description, r.author ? `lead: ${r.author}` : null, r.status ? `status: ${r.status}` : null].filter(Boolean).join('; ');
  return `"${r.item}" is on the work programme for ${when}${extra ? ` (${extra})` : ''}`;
}
