import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import type { Reading } from '../read';

/**
 * What a kind does when it cannot answer: passes its "not in the papers" on to the next link of the
 * chain, which ends in the papers' text (compose/textBehind.ts). The denial travels with it, so the
 * last link can say what the records lacked as well as what text it read.
 */
export type Next = (denied: Answer) => Answer;

/**
 * One kind of question, as a middleware link (grammY's `hears` then `next()`). `name` is what
 * data/question-grammar.json's rules read a question as; the rules (and their order) say when a
 * question is this kind, this module says how it is answered.
 */
export interface QuestionKind {
  readonly name: string;
  /** Whether this kind answers the reading. Pure, and reads only the reading, never the raw text. */
  hears(reading: Reading): boolean;
  /** Pure: the reading carries the day asked and the follow-up context already applied. */
  answer(index: PaperIndex, reading: Reading, next: Next): Answer;
  /** It answers "who wrote it and who is the portfolio holder?" at once, so such a question is not split. */
  readonly answersSeveralDetails?: boolean;
}

/** The answer, or `next` with it when it says the papers do not hold one. */
export function orNext(answer: Answer, next: Next): Answer {
  return answer.kind === 'not_found' ? next(answer) : answer;
}

/** The usual `hears`: the grammar read the question as this kind. */
export const readAs =
  (name: string) =>
  (reading: Reading): boolean =>
    reading.kind === name;
