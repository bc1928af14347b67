export { answerQuestion } from './answerQuestion';
export { prepareAnswers, prepareAnswersSoon } from './answerLookups';
export { MAX_QUOTE_CHARS } from './cite';
export { contextOf } from './followUp';
export { withPrevious } from './read/withPrevious';
export { AnswerCache, DEFAULT_ANSWER_CACHE_SIZE } from './AnswerCache';
export { papersGuide, type ExampleQuestion, type PapersGuide } from './compose/papersGuide';
export { readQuestion, type Reading } from './read';
