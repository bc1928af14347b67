import type { Answer, FollowUpContext } from '../model';
import { words } from './glossary';
import type { Reading } from './read';
import { NOT_TOPIC } from './read/readQuestion';
import { ASK_WORD } from './read/withPrevious';

/**
 * What an answer was about, for the next question of the conversation; none for a not-found answer.
 * An answer about the same topic that names no item of its own ("who presented it?") keeps the previous item.
 */
export function contextOf(answer: Answer, u: Reading, previous?: FollowUpContext): FollowUpContext | undefined {
  // Nothing to refer back to: no answer, or no question ("hi").
  if (answer.kind === 'not_found' || answer.kind === 'greeting') return undefined;
  // One item is "it"; an agenda of many items is not one thing to refer back to.
  const items = answer.agendaItems ?? [];
  const resolutions = answer.resolutions ?? [];
  const item = items.length === 1 ? { title: items[0]!.title, number: items[0]!.number, date: items[0]!.meetingDate } : null;
  const resolved = !item && resolutions.length > 0 && resolutions.every((r) => r.itemTitle === resolutions[0]!.itemTitle) ? resolutions[0]! : null;
  const one = item ?? (resolved ? { title: resolved.itemTitle, number: resolved.itemNumber, date: resolved.meetingDate } : null);
  const meetingDate = answer.meeting?.date ?? one?.date ?? (u.dates.length === 1 && u.dates[0]!.exactDay ? u.dates[0]!.from : null) ?? answer.citations[0]?.meetingDate ?? null;
  const titleWords = one ? words(one.title).filter((w) => !NOT_TOPIC.has(w) && !/^\d+$/u.test(w)) : [];
  const asked = u.typed.filter((w) => !ASK_WORD.test(w));
  const topic = asked.length > 0 ? asked : titleWords;
  const same = !one && previous !== undefined && topic.join(' ') === previous.topic.join(' ');
  return {
    meetingDate,
    committee: u.committee ?? null,
    itemTitle: one?.title ?? (same ? previous.itemTitle : null),
    itemNumber: one?.number ?? (same ? previous.itemNumber : null),
    topic,
  };
}
