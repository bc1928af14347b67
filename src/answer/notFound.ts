import type { Answer } from '../model';
import type { PaperIndex } from '../search';
import { shortDate } from './dateRefs';

/** "Not in the papers", saying what was searched, so the user knows the gap is in the papers, not the bot. */
export function notFound(index: PaperIndex, why: string): Answer {
  const dated = index.corpus.meetings.filter((m) => m.status === 'papers').map((m) => m.date).sort();
  const span = dated.length > 0 ? ` Meetings with papers run from ${shortDate(dated[0]!)} to ${shortDate(dated[dated.length - 1]!)}.` : '';
  return {
    kind: 'not_found',
    text: `${why} I searched ${index.corpus.documents.length} papers (agendas, minutes, reports and work programmes).${span}`,
    citations: [],
    followUps: ['Which meetings do the papers cover?'],
  };
}
