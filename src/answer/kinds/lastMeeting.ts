import { answerLastMeeting } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "When did we last meet?": the last meeting before the day asked, and what it considered. */
export const lastMeeting: QuestionKind = { name: 'last_meeting', hears: readAs('last_meeting'), answer: (index, r, next) => orNext(answerLastMeeting(index, r), next) };
