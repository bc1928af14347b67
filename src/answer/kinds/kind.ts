import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import type { Understanding } from '../understand';

/**
 * One kind of question. `name` is what data/question-grammar.json's rules read a question as; the
 * rules (and their order) say when a question is this kind, this file says how it is answered.
 */
export interface QuestionKind {
  readonly name: string;
  /** Pure: the understanding carries the day asked and the follow-up context already applied. */
  answer(index: PaperIndex, u: Understanding): Answer;
  /** It answers "who wrote it and who is the portfolio holder?" at once, so such a question is not split. */
  readonly answersSeveralDetails?: boolean;
}
