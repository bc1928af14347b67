import { answerMinutesApproval, answerResolution } from '../decisionAnswers';
import type { QuestionKind } from './kind';

/** "What did the panel resolve on exclusions?": resolutions quoted verbatim; or the approval of minutes. */
export const resolution: QuestionKind = {
  name: 'resolution',
  answer: (index, u) => (u.detail === 'minutes_approval' ? answerMinutesApproval(index, u) : answerResolution(index, u)),
};
