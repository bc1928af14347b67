import { greetingAnswer } from '../compose/papersGuide';
import type { QuestionKind } from './kind';

/** "Hi", "thanks": not a question, so not "not in the papers" either: a greeting and what the papers hold. */
export const greeting: QuestionKind = {
  name: 'greeting',
  hears: (r) => r.greeting !== null,
  answer: (index, r) => greetingAnswer(index, r.asOf, r.greeting ?? 'hello'),
};
