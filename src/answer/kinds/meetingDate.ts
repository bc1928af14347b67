import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList } from '../cite';
import { longDate } from '../dateRefs';
import { citeMeeting } from '../compose/meetingRecords';
import { targetMeeting } from '../compose/meetings';
import { notFound } from '../notFound';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

/**
 * "And when was that?": the date of the meeting the previous answer was about (a follow-up carries it
 * as the question's date). Asked with nothing before it, there is no "that" to date.
 */
function answerMeetingDate(index: PaperIndex, u: Reading): Answer {
  const m = u.dates.length > 0 ? targetMeeting(index, u) : null;
  if (!m) return notFound(index, 'I am not sure which meeting "that" is: ask about the item or the meeting by name or date.');
  const cites = new CitationList();
  const c = citeMeeting(index, m, cites);
  return { kind: 'meeting_info', text: `That was at the meeting on ${longDate(m.date)} ${c}.`, citations: cites.items, meeting: m, followUps: [] };
}

export const meetingDate: QuestionKind = { name: 'meeting_date', hears: readAs('meeting_date'), answer: (index, r, next) => orNext(answerMeetingDate(index, r), next) };
