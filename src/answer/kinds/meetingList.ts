import { answerMeetingList } from '../meetingAnswers';
import type { QuestionKind } from './kind';

/** "Which meetings are in the papers?", "did we meet in May?": the calendar over a span. */
export const meetingList: QuestionKind = { name: 'meeting_list', answer: answerMeetingList };
