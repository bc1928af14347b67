export { questionsAsked } from './questionsAsked';
export { lowerQuestion, NOT_TOPIC, readQuestion, valueWanted } from './readQuestion';
export type { AnswerType, Reading, ValueWanted } from './reading';
