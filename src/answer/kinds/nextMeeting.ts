import { answerNextMeeting } from '../meetingAnswers';
import { phrase } from '../questionGrammar';
import type { QuestionKind } from './kind';

/** "Last and next meeting?": the next meeting, and the last one too when the question asks for it. */
const ALSO_LAST = phrase('alsoLastMeeting');

/** "When do we meet again?": the first meeting after the day asked, from the calendar. */
export const nextMeeting: QuestionKind = {
  name: 'next_meeting',
  answer: (index, u) => answerNextMeeting(index, u, ALSO_LAST.test(u.text)),
};
