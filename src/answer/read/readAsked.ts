import type { Question } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { namedCommittee, unknownCommittee, withCommitteeAsPanel } from './committeeAsked';
import { withPrevious } from './withPrevious';
import { correctSpelling } from '../spelling';
import { readQuestion } from './readQuestion';
import type { Reading } from './reading';

/**
 * A question read as asked of these papers: its misspellings mended to the papers' words, the
 * committee it names (read as "the panel", so the grammar need not know names), a body the papers
 * hold nothing of, and the previous answer's meeting and item for a follow-up. The one place the
 * wording is read with the index; what follows reads the Reading.
 */
export function readAsked(index: PaperIndex, question: Question): Reading {
  const corrected = correctSpelling(index, question.text);
  const committee = namedCommittee(index, corrected);
  const read = readQuestion(corrected, question.asOf, answerLookups(index).panelMeetings, withCommitteeAsPanel(index, corrected, committee));
  return withPrevious({ ...read, committee, otherBody: committee === null ? unknownCommittee(index, corrected) : null }, question.previous);
}
