import { answerMeetingInfo } from '../meetingAnswers';
import type { QuestionKind } from './kind';

/** A detail of a meeting or the panel: chair, members, quorum, apologies, attendance, time and venue. */
export const meetingInfo: QuestionKind = { name: 'meeting_info', answer: answerMeetingInfo };
