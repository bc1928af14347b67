import { answerTimeline } from '../decisionAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "How often has the panel looked at exclusions?": every meeting that had the topic, in order. */
export const timeline: QuestionKind = { name: 'timeline', hears: readAs('timeline'), answer: (index, r, next) => orNext(answerTimeline(index, r), next) };
