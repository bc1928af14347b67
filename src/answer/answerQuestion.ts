import type { Answer, Question } from '../model';
import type { PaperIndex } from '../search';
import { answerMinutesApproval, answerResolution, answerSchedule, answerTimeline } from './decisionAnswers';
import { answerAgenda, answerAgendaItem, answerCallIn, answerLastMeeting, answerMeetingInfo, answerMeetingList, answerNextMeeting, panelMeetings } from './meetingAnswers';
import { answerFromPassages, answerWho } from './passageAnswers';
import { type DateRef, otherYears } from './dateRefs';
import { phrase } from './questionGrammar';
import { namedCommittee, withCommitteeAsPanel } from './committees';
import { correctSpelling } from './spelling';
import { understand, type Understanding } from './understand';
import { contextOf, withPrevious } from './followUp';

/** "What was resolved at the last meeting": the last meeting before the day asked that has minutes. */
function lastMinutedMeeting(index: PaperIndex, asOf: string): DateRef[] {
  const date = index.corpus.minutes.map((m) => m.meetingDate).filter((d) => d < asOf).sort().pop();
  return date ? [{ from: date, to: date, label: date, exactDay: true }] : [];
}

const LAST_MEETING = phrase('lastMeeting');
/** Details only minutes record. */
const MINUTES_DETAILS = new Set(['apologies', 'declarations', 'attendance']);

/** Answers one question from the index. Pure: no I/O, no clock (the question carries its day). */
export function answerQuestion(index: PaperIndex, question: Question): Answer {
  const meetings = panelMeetings(index);
  const corrected = correctSpelling(index, question.text);
  const committee = namedCommittee(index, corrected);
  // A follow-up ("who presented it?") is read with the previous answer's meeting and item.
  const read = withPrevious({ ...understand(corrected, question.asOf, meetings, withCommitteeAsPanel(index, corrected, committee)), committee }, question.previous);
  // "At the last meeting" (a decision, apologies, who came) is the last meeting with minutes.
  const lastMinuted = read.detail === 'last_meeting' || (MINUTES_DETAILS.has(read.detail ?? '') && read.dates.length === 0 && LAST_MEETING.test(read.text));
  const u = lastMinuted ? { ...read, dates: lastMinutedMeeting(index, read.asOf) } : read;
  const answer = answerAs(index, u, question.text);
  if (answer.kind !== 'not_found') return withContext(answer, u, question.previous);
  // "In jan" without a year: when the nearest January does not answer, another year's January may.
  const [first, ...rest] = u.dates;
  for (const ref of first && rest.length === 0 ? otherYears(first, u.asOf, meetings) : []) {
    const other = answerAs(index, { ...u, dates: [ref] }, question.text);
    if (other.kind !== 'not_found') return withContext(other, { ...u, dates: [ref] }, question.previous);
  }
  return answer;
}

function withContext(answer: Answer, u: Understanding, previous: Question['previous']): Answer {
  const context = contextOf(answer, u, previous);
  return context ? { ...answer, context } : answer;
}

function answerAs(index: PaperIndex, u: Understanding, text: string): Answer {
  switch (u.kind) {
    case 'next_meeting':
      return answerNextMeeting(index, u, /\blast\b/iu.test(text));
    case 'last_meeting':
      return answerLastMeeting(index, u);
    case 'meeting_info':
      return answerMeetingInfo(index, u);
    case 'meeting_list':
      return answerMeetingList(index, u);
    case 'agenda':
      return u.detail === 'call_in' ? answerCallIn(index, u) : u.detail === 'agenda_item' ? answerAgendaItem(index, u) : answerAgenda(index, u);
    case 'resolution':
      return u.detail === 'minutes_approval' ? answerMinutesApproval(index, u) : answerResolution(index, u);
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
