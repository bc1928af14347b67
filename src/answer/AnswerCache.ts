import type { Answer, Question } from '../model';
import type { PaperIndex } from '../search';
import { answerQuestion } from './answerQuestion';

/** About 10 KB an answer: 1,000 answers hold about 10 MB. */
export const DEFAULT_ANSWER_CACHE_SIZE = 1_000;

/**
 * Recent answers, so a question asked again ("next meeting?", the same question from a channel's
 * members) costs a lookup, not the 5 to 45 ms of answering it at 100 MB of papers. answerQuestion is
 * pure, so its answer is fixed by the index, the words asked, the day and the previous answer's
 * context: those are the key. Each index has its own entries, so a re-indexed corpus (IndexHolder
 * swapping in a new index) never serves an answer from the old one, and the old entries go with it.
 * Answers are never changed after they are made, so one may be handed out twice.
 */
export class AnswerCache {
  private readonly byIndex = new WeakMap<PaperIndex, Map<string, Answer>>();
  private hits = 0;
  private misses = 0;

  /** `maxAnswers` 0 turns the cache off: every question is answered afresh. */
  constructor(private readonly maxAnswers = DEFAULT_ANSWER_CACHE_SIZE) {}

  answer(index: PaperIndex, question: Question): Answer {
    if (this.maxAnswers === 0) return answerQuestion(index, question);
    let answers = this.byIndex.get(index);
    if (!answers) {
      answers = new Map();
      this.byIndex.set(index, answers);
    }
    // The exact words: a question's case and punctuation can change how it is read ("US", "?").
    const key = JSON.stringify([question.text, question.asOf, question.previous ?? null]);
    const known = answers.get(key);
    if (known) {
      // Moved to the newest end of the Map's order: the least recently asked is forgotten first.
      answers.delete(key);
      answers.set(key, known);
      this.hits++;
      return known;
    }
    this.misses++;
    const answer = answerQuestion(index, question);
    answers.set(key, answer);
    if (answers.size > this.maxAnswers) {
      const oldest = answers.keys().next().value;
      if (oldest !== undefined) answers.delete(oldest);
    }
    return answer;
  }

  /** How many answers came from the cache and how many were worked out, for the logs. */
  get stats(): { readonly hits: number; readonly misses: number } {
    return { hits: this.hits, misses: this.misses };
  }
}
