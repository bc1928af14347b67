export { answerQuestion } from './answerQuestion';
export { MAX_QUOTE_CHARS } from './cite';
export { understand, type Understanding } from './understand';
