import { answerMeetingInfo } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** A detail of a meeting or the panel: chair, members, quorum, apologies, attendance, time and venue. */
export const meetingInfo: QuestionKind = { name: 'meeting_info', hears: readAs('meeting_info'), answer: (index, r, next) => orNext(answerMeetingInfo(index, r), next) };
