import { answerFromPassages } from '../compose/passages';
import { orNext, type QuestionKind, readAs } from './kind';

/** Anything else the papers state ("what is the vacancy rate now?"): the best passage, quoted. */
export const fact: QuestionKind = { name: 'fact', hears: readAs('fact'), answer: (index, r, next) => orNext(answerFromPassages(index, r, 'fact'), next) };
