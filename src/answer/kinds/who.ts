import { answerWho } from '../passageAnswers';
import type { QuestionKind } from './kind';

/** "Who presented the health check?", "who is the cabinet member?": a person from the records. */
export const who: QuestionKind = { name: 'who', answer: answerWho, answersSeveralDetails: true };
