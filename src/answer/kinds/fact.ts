import { answerFromPassages } from '../passageAnswers';
import type { QuestionKind } from './kind';

/** Anything else the papers state ("what is the vacancy rate now?"): the best passage, quoted. */
export const fact: QuestionKind = { name: 'fact', answer: (index, u) => answerFromPassages(index, u, 'fact') };
