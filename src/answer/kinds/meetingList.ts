import { answerMeetingList } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "Which meetings are in the papers?", "did we meet in May?": the calendar over a span. */
export const meetingList: QuestionKind = { name: 'meeting_list', hears: readAs('meeting_list'), answer: (index, r, next) => orNext(answerMeetingList(index, r), next) };
