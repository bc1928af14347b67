import { answerAgenda, answerAgendaItem, answerCallIn } from '../meetingAnswers';
import { orNext, type QuestionKind, readAs } from './kind';

/** "What's on the agenda for 27 July?", with two details: an item's pages, and call-in. */
export const agenda: QuestionKind = {
  name: 'agenda',
  hears: readAs('agenda'),
  answer: (index, r, next) => orNext(r.detail === 'call_in' ? answerCallIn(index, r) : r.detail === 'agenda_item' ? answerAgendaItem(index, r) : answerAgenda(index, r), next),
};
