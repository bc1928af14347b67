export { readQuestion } from './readQuestion';
export type { AnswerType, Reading } from './reading';
