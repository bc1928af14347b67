import { sentenceScore } from '../cite';
import type { Reading } from '../read';
import { COUNTED_BONUS, countedWords, givesOtherDate, holdsFigure } from './valuesWanted';
/** The sentence of a passage to quote: the one that says most of what was asked. */

/** The sentence of a passage that holds most of the question's words (the first of equals). */
export function bestSentence(text: string, u: Reading): string {
  const score = sentenceScorer(u);
  let best: string | undefined;
  let bestScore = -Infinity;
  for (const s of text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u)) {
    if (s.length === 0) continue;
    const n = score(s);
    if (n > bestScore) {
      best = s;
      bestScore = n;
    }
  }
  return best ?? text;
}

/**
 * How well a sentence answers the question, read once per question: a question's passages are many
 * (up to 120 candidates, each of several sentences), and its rules (the focus words, the counted
 * thing's pattern, whether it wants a figure or a date) are the same for all of them.
 */
const scorers = new WeakMap<Reading, (sentence: string) => number>();

function sentenceScorer(u: Reading): (sentence: string) => number {
  let score = scorers.get(u);
  if (!score) {
    const focus = focusWords(u);
    // "How many" wants the sentence with the figure, best the figure of the thing counted ("how many roads": "97 roads").
    const counted = countedWords(u);
    const wantsFigure = u.wanted.figure || u.wanted.prefersFigure;
    const wantsWhen = u.wanted.when || u.wanted.prefersDate;
    const wantsAmount = u.wanted.amount;
    score = (s: string): number => {
      const words = sentenceScore(s, focus);
      // "How much does it cost": the sentence with the amount, not the one that names the thing.
      const amount = wantsAmount && /£\s?\d/u.test(s) ? COUNTED_BONUS : 0;
      return words + (wantsFigure && holdsFigure(s, u) ? 2 : 0) + amount + (counted?.test(s) ? COUNTED_BONUS : 0) + (wantsWhen && words > 0 && givesOtherDate(s, u) ? 3 : 0);
    };
    scorers.set(u, score);
  }
  return score;
}

/** Sentences of figures quoted after the best one: results run on ("50 responded ... 60% in favour"). */
const MAX_FIGURE_SENTENCES = 2;
const MAX_FIGURE_CHARS = 500;

/** The sentence, with the sentences after it in the passage that carry figures too, as one quote. */
export function withFiguresAfter(text: string, sentence: string): string {
  const sentences = text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u).map((x) => x.replace(/\*\*/gu, '').trim());
  const at = sentences.indexOf(sentence);
  if (at < 0) return sentence;
  let said = sentence;
  for (const next of sentences.slice(at + 1, at + 1 + MAX_FIGURE_SENTENCES)) {
    if (!/\d/u.test(next) || said.length + next.length > MAX_FIGURE_CHARS) break;
    said = `${said} ${next}`;
  }
  return said;
}

/** What a quote should keep: the question's phrases, its date words and its topic. */
export function focusWords(u: Reading): string[] {
  return [...u.phrases, ...u.dateWords, ...u.topic.filter((t) => t.length > 2)];
}
