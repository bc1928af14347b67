export { answerQuestion } from './answerQuestion';
export { prepareAnswers, prepareAnswersInTurns } from './answerLookups';
export { MAX_QUOTE_CHARS } from './cite';
export { understand, type Understanding } from './understand';
export { contextOf, withPrevious } from './followUp';
export { AnswerCache, DEFAULT_ANSWER_CACHE_SIZE } from './AnswerCache';
export { papersGuide, type ExampleQuestion, type PapersGuide } from './compose/papersGuide';
export { readQuestion, type Reading } from './read';
