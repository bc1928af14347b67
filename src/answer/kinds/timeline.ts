import { answerTimeline } from '../decisionAnswers';
import type { QuestionKind } from './kind';

/** "How often has the panel looked at exclusions?": every meeting that had the topic, in order. */
export const timeline: QuestionKind = { name: 'timeline', answer: answerTimeline };
