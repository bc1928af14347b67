import type { FollowUpContext } from '../../model';
import { expandTerms, glossaryPhrases } from '../glossary';
import { phrase } from '../questionGrammar';
import type { Reading } from './reading';

/** Words that ask something of an item or meeting ("presented", "vice-chair"), not name a topic. */
export const ASK_WORD = phrase('followUpAskWords');
/** Kinds that look beyond one meeting ("when is it coming back?"): the topic carries over, not the day. */
const ACROSS_MEETINGS = new Set<Reading['kind']>(['schedule', 'next_meeting', 'timeline', 'meeting_list']);

/**
 * Kinds about one record: asked with no topic at all ("what did the panel decide?") straight after an
 * answer, they mean that answer's item. A meeting or calendar question with no topic means the panel's.
 */
const ABOUT_ONE_RECORD = new Set<Reading['kind']>(['resolution', 'who', 'fact', 'recommendations']);

/**
 * A follow-up read with the previous answer's meeting and item: only when the question refers back
 * (or, of a kind about one record, names no topic at all) and names no topic, date or committee of its
 * own; otherwise the question as read.
 */
export function withPrevious<U extends Reading>(u: U, previous: FollowUpContext | undefined): U {
  if (!previous || u.dates.length > 0 || u.committee) return u;
  // "Presented", "chair": words that ask of the item, not name one.
  if (u.typed.some((w) => !ASK_WORD.test(w))) return u;
  if (!u.refersBack && !ABOUT_ONE_RECORD.has(u.kind)) return u;
  const date = previous.meetingDate;
  // "What else did they decide at that meeting?": everything at that meeting, not the item again.
  if (u.said.has('followUpAsksElse') && date !== null) return { ...u, typed: [], topic: [], phrases: [], dates: [{ from: date, to: date, label: date, exactDay: true }], committee: previous.committee, besides: previous.itemTitle };
  const typed = u.typed.length === 0 || previous.topic.length > 0 ? previous.topic : u.typed;
  const keepsDay = date !== null && (!ACROSS_MEETINGS.has(u.kind) || u.said.has('followUpAtMeeting'));
  const title = previous.itemTitle?.toLowerCase();
  return {
    ...u,
    typed,
    topic: expandTerms(typed),
    phrases: [...glossaryPhrases(typed), ...(title ? [title] : [])],
    dates: keepsDay ? [{ from: date, to: date, label: date, exactDay: true }] : u.dates,
    committee: previous.committee,
  };
}
