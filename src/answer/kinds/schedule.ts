import { answerSchedule } from '../decisionAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "When is the SEND report coming back?": the work programme and what the panel asked for. */
export const schedule: QuestionKind = { name: 'schedule', hears: readAs('schedule'), answer: (index, r, next) => orNext(answerSchedule(index, r), next) };
