import { formatLongDate } from '../bot/formatDate';
import type { Citation, IsoDate, SourceSpan } from '../model';
import type { PaperIndex } from '../search';

export type TopicMatchKind = 'resolution' | 'agenda_item' | 'work_programme';

export interface TopicMatch {
  readonly kind: TopicMatchKind;
  /** e.g. "Resolution, 15 March 2023, item 11 School Exclusion and Suspensions". */
  readonly label: string;
  readonly citation: Citation;
}

/** A quote long enough to recognise the passage; the citation links to the whole of it. */
const MAX_QUOTE_CHARS = 300;

/** "Exclusions" should find "exclusion" and "exclusions": drop a plural s, then match word prefixes. */
function topicPatterns(topic: string): RegExp[] {
  return topic
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1)
    .map((word) => (word.length > 4 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word))
    .map((stem) => new RegExp(`(?<![\\p{L}\\p{N}])${stem.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}`, 'iu'));
}

/** Whether every word of the topic appears in `text`. */
export function mentionsTopic(text: string, topic: string): boolean {
  const patterns = topicPatterns(topic);
  return patterns.length > 0 && patterns.every((p) => p.test(text));
}

/** The resolutions, agenda items and work-programme entries in `file` that are on `topic`. */
export function matchTopic(index: PaperIndex, file: string, topic: string): TopicMatch[] {
  const { corpus } = index;
  const lines = index.lines(file) ?? [];
  const title = corpus.papers.find((p) => p.source.file === file)?.title ?? file;
  const cite = (label: string, source: SourceSpan, meetingDate: IsoDate | null): Citation => ({
    file,
    lineStart: source.lineStart,
    lineEnd: source.lineEnd,
    page: source.page,
    title: `${title}: ${label}`,
    meetingDate,
    quote: lines.slice(source.lineStart - 1, source.lineEnd).join(' ').replace(/\s+/gu, ' ').trim().slice(0, MAX_QUOTE_CHARS),
  });
  const matches: TopicMatch[] = [];
  for (const r of corpus.resolutions) {
    if (r.source.file !== file || !mentionsTopic(`${r.itemTitle}\n${r.text}`, topic)) continue;
    const label = `Resolution, ${formatLongDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}`;
    matches.push({ kind: 'resolution', label, citation: cite(label, r.source, r.meetingDate) });
  }
  for (const a of corpus.agendaItems) {
    if (a.source.file !== file || !mentionsTopic(`${a.title}\n${a.note ?? ''}`, topic)) continue;
    const label = `Agenda item ${a.number} ${a.title}, ${formatLongDate(a.meetingDate)}`;
    matches.push({ kind: 'agenda_item', label, citation: cite(label, a.source, a.meetingDate) });
  }
  for (const w of corpus.workProgramme) {
    if (w.source.file !== file || !mentionsTopic(`${w.item}\n${w.description ?? ''}`, topic)) continue;
    const when = w.meetingDate ? formatLongDate(w.meetingDate) : (w.meetingDateText ?? 'date to be set');
    const label = `Work programme: ${w.item} (${when})`;
    matches.push({ kind: 'work_programme', label, citation: cite(label, w.source, w.meetingDate) });
  }
  return matches;
}
