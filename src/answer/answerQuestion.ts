import type { Answer, Question } from '../model';
import type { PaperIndex } from '../search';
import { answerResolution, answerSchedule, answerTimeline } from './decisionAnswers';
import { answerAgenda, answerCallIn, answerLastMeeting, answerMeetingInfo, answerMeetingList, answerNextMeeting, panelMeetings } from './meetingAnswers';
import { answerFromPassages, answerWho } from './passageAnswers';
import type { DateRef } from './dateRefs';
import { correctSpelling } from './spelling';
import { understand } from './understand';

/** "What was resolved at the last meeting": the last meeting before the day asked that has minutes. */
function lastMinutedMeeting(index: PaperIndex, asOf: string): DateRef[] {
  const date = index.corpus.minutes.map((m) => m.meetingDate).filter((d) => d < asOf).sort().pop();
  return date ? [{ from: date, to: date, label: date, exactDay: true }] : [];
}

/** Answers one question from the index. Pure: no I/O, no clock (the question carries its day). */
export function answerQuestion(index: PaperIndex, question: Question): Answer {
  const meetings = panelMeetings(index);
  const read = understand(correctSpelling(index, question.text), question.asOf, meetings);
  const u = read.detail === 'last_meeting' ? { ...read, dates: lastMinutedMeeting(index, read.asOf) } : read;
  switch (u.kind) {
    case 'next_meeting':
      return answerNextMeeting(index, u, /\blast\b/iu.test(question.text));
    case 'last_meeting':
      return answerLastMeeting(index, u);
    case 'meeting_info':
      return answerMeetingInfo(index, u);
    case 'meeting_list':
      return answerMeetingList(index, u);
    case 'agenda':
      return u.detail === 'call_in' ? answerCallIn(index, u) : answerAgenda(index, u);
    case 'resolution':
      return answerResolution(index, u);
    case 'schedule':
      return answerSchedule(index, u);
    case 'timeline':
      return answerTimeline(index, u);
    case 'who':
      return answerWho(index, u);
    case 'fact':
      return answerFromPassages(index, u, 'fact');
  }
}
