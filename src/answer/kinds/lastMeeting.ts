import { answerLastMeeting } from '../meetingAnswers';
import type { QuestionKind } from './kind';

/** "When did we last meet?": the last meeting before the day asked, and what it considered. */
export const lastMeeting: QuestionKind = { name: 'last_meeting', answer: answerLastMeeting };
