import type { AnswerTypeName, KindEvidence } from '../questionGrammar';
import type { Understanding } from '../understand';

/**
 * The type of value a question wants: a figure of some kind, a date, a person, a place (from its
 * wording, data/question-grammar.json `answerTypes`), else what its kind gives: a decision, a list
 * of meetings or items, or text.
 */
export type AnswerType = AnswerTypeName | 'decision' | 'list' | 'text';

/**
 * A question read once: everything a kind needs to hear it and answer it, so no kind reads the
 * question's raw wording again. It is an `Understanding` (kind, detail, dates, topic words, the day
 * asked, the committee named) with what the grammar says beyond the first rule that fits.
 */
export interface Reading extends Understanding {
  /** Every grammar rule that fits, in order, with the words that fit it; the first is `kind`. */
  readonly candidates: readonly KindEvidence[];
  /** The type of value wanted. */
  readonly answerType: AnswerType;
  /** Not a question at all: a greeting or thanks, to be answered with a greeting and help. */
  readonly greeting: 'hello' | 'thanks' | null;
  /** The question refers back to the previous answer ("and the vice chair?", "that meeting"). */
  readonly refersBack: boolean;
  /** The grammar's named phrases the question says ("alsoLastMeeting", "current"), each tested once here. */
  readonly said: ReadonlySet<string>;
}
