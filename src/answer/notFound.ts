import type { Answer } from '../model';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';
import { shortDate } from './dateRefs';

/** "Not in the papers", saying what was searched, so the user knows the gap is in the papers, not the bot. */
export function notFound(index: PaperIndex, why: string): Answer {
  const dated = answerLookups(index).papersSpan;
  const span = dated ? ` Meetings with papers run from ${shortDate(dated.first)} to ${shortDate(dated.last)}.` : '';
  return {
    kind: 'not_found',
    text: `${why} I searched ${index.corpus.documents.length} papers (agendas, minutes, reports and work programmes).${span}`,
    citations: [],
    followUps: ['Which meetings do the papers cover?'],
  };
}
