import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { answerMinutesApproval, answerResolution } from '../decisionAnswers';
import { answerAgreedActions } from '../linkedItems';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

/** A decision, the approval of minutes, or the actions agreed in a discussion, by the detail read. */
function decide(index: PaperIndex, r: Reading): Answer {
  if (r.detail === 'minutes_approval') return answerMinutesApproval(index, r);
  if (r.detail === 'actions') return answerAgreedActions(index, r) ?? answerResolution(index, r);
  return answerResolution(index, r);
}

/**
 * "What did the panel resolve on exclusions?": resolutions quoted verbatim; or the approval of minutes;
 * or the actions agreed in the discussion ("what actions were agreed on exclusions?").
 */
export const resolution: QuestionKind = { name: 'resolution', hears: readAs('resolution'), answer: (index, r, next) => orNext(decide(index, r), next) };
