import { answerAgenda, answerAgendaItem, answerCallIn } from '../meetingAnswers';
import type { QuestionKind } from './kind';

/** "What's on the agenda for 27 July?", with two details: an item's pages, and call-in. */
export const agenda: QuestionKind = {
  name: 'agenda',
  answer: (index, u) => (u.detail === 'call_in' ? answerCallIn(index, u) : u.detail === 'agenda_item' ? answerAgendaItem(index, u) : answerAgenda(index, u)),
};
