import { answerSchedule } from '../decisionAnswers';
import type { QuestionKind } from './kind';

/** "When is the SEND report coming back?": the work programme and what the panel asked for. */
export const schedule: QuestionKind = { name: 'schedule', answer: answerSchedule };
