export { questionsAsked } from './questionsAsked';
export { readAsked } from './readAsked';
export { lowerQuestion, NOT_TOPIC, readQuestion, valueWanted } from './readQuestion';
export type { AnswerType, Reading, ValueWanted } from './reading';
