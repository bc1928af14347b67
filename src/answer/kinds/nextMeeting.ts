import { answerNextMeeting } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "When do we meet again?": the first meeting after the day asked, from the calendar. */
export const nextMeeting: QuestionKind = {
  name: 'next_meeting',
  hears: readAs('next_meeting'),
  // "Last and next meeting?": the last one too when the question asks for it.
  answer: (index, r, next) => {
    const alsoLast = r.said.has('alsoLastMeeting');
    const first = answerNextMeeting(index, r, alsoLast);
    // "The meeting after next": the next meeting after the next one, asked as from its day.
    if (!r.said.has('afterNext') || !first.meeting) return orNext(first, next);
    return orNext(answerNextMeeting(index, { ...r, asOf: first.meeting.date }, alsoLast), next);
  },
};
