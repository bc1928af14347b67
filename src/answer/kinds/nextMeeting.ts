import { answerNextMeeting } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "When do we meet again?": the first meeting after the day asked, from the calendar. */
export const nextMeeting: QuestionKind = {
  name: 'next_meeting',
  hears: readAs('next_meeting'),
  // "Last and next meeting?": the last one too when the question asks for it.
  answer: (index, r, next) => orNext(answerNextMeeting(index, r, r.said.has('alsoLastMeeting')), next),
};
