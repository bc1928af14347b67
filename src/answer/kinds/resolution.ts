import { answerMinutesApproval, answerResolution } from '../decisionAnswers';
import { answerAgreedActions } from '../linkedItems';
import type { QuestionKind } from './kind';

/**
 * "What did the panel resolve on exclusions?": resolutions quoted verbatim; or the approval of minutes;
 * or the actions agreed in the discussion ("what actions were agreed on exclusions?").
 */
export const resolution: QuestionKind = {
  name: 'resolution',
  answer: (index, u) => {
    if (u.detail === 'minutes_approval') return answerMinutesApproval(index, u);
    if (u.detail === 'actions') return answerAgreedActions(index, u) ?? answerResolution(index, u);
    return answerResolution(index, u);
  },
};
