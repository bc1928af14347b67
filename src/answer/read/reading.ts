import type { IsoDate } from '../../model';
import type { DateRef } from '../dateRefs';
import type { AnswerTypeName, Detail, KindEvidence, KindName } from '../questionGrammar';

/**
 * The type of value a question wants: a figure of some kind, a date, a person, a place (from its
 * wording, data/question-grammar.json `answerTypes`), else what its kind gives: a decision, a list
 * of meetings or items, or text.
 */
export type AnswerType = AnswerTypeName | 'decision' | 'list' | 'text';

/**
 * What value a passage must give to answer, read from the question's wording once
 * (data/question-grammar.json `phrases`): an amount ("how much"), a figure ("how many", "what %"), a
 * date ("when"); or, preferred but not required, a figure ("the results") or a date ("the deadline").
 */
export interface ValueWanted {
  readonly amount: boolean;
  /** A figure: a count, a rate, a score (an amount asked is a figure too, where any figure will do). */
  readonly figure: boolean;
  readonly when: boolean;
  readonly prefersFigure: boolean;
  readonly prefersDate: boolean;
  /** A percentage, not a count ("% of schools good"). */
  readonly percent: boolean;
  /** "Now", "latest": the newest paper's figure leads. */
  readonly current: boolean;
  /** The words after "how many" ("public qs and statements ..."), where the thing counted is named; else null. */
  readonly countedRun: string | null;
}

/**
 * A question read once: everything a kind needs to hear it and answer it, so no kind reads the
 * question's wording again.
 */
export interface Reading {
  /** The question kind (src/answer/kinds/) the grammar read it as. */
  readonly kind: KindName;
  /** For meeting_info, who and resolution: the detail asked for. */
  readonly detail: Detail | null;
  readonly dates: readonly DateRef[];
  /** "the meeting after the march one": answer relative to the named meeting, not to today. */
  readonly after: boolean;
  /** Content words (shorthand expanded), for matching records and passages. */
  readonly topic: readonly string[];
  /** The content words as typed, before expansion: how much of the question a match covers. */
  readonly typed: readonly string[];
  /** Multi-word phrases the question means ("looked after children", "march 2017"): a passage holding one ranks higher. */
  readonly phrases: readonly string[];
  /** Month and year words as typed, which facts state in their text ("at the end of March 2017"). */
  readonly dateWords: readonly string[];
  /** Every word of the question in order, glue words too: a person's or a committee's name is found among them. */
  readonly words: readonly string[];
  readonly asOf: IsoDate;
  /** The committee the question names (canonical), else null: the main committee. Set by answerQuestion. */
  readonly committee?: string | null;
  /** A body the question names that the papers hold nothing of ("the health board"), else null. Set by readAsked. */
  readonly otherBody?: string | null;
  /** "What else ...": the item the previous answer was about, which this one leaves out. Set by a follow-up. */
  readonly besides?: string | null;
  /** Every grammar rule that fits, in order, with the words that fit it; the first is `kind`. */
  readonly candidates: readonly KindEvidence[];
  /** The type of value wanted. */
  readonly answerType: AnswerType;
  /** What a passage must give to answer (a figure, an amount, a date). */
  readonly wanted: ValueWanted;
  /** Not a question at all: a greeting or thanks, to be answered with a greeting and help. */
  readonly greeting: 'hello' | 'thanks' | null;
  /** The question refers back to the previous answer ("and the vice chair?", "that meeting"). */
  readonly refersBack: boolean;
  /** The grammar's named phrases the question says ("alsoLastMeeting", "current"), each tested once here. */
  readonly said: ReadonlySet<string>;
}
