import { answerWho } from '../passageAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "Who presented the health check?", "who is the cabinet member?": a person from the records. */
export const who: QuestionKind = { name: 'who', hears: readAs('who'), answer: (index, r, next) => orNext(answerWho(index, r), next), answersSeveralDetails: true };
