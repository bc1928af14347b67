import type { AgendaItem, Meeting } from '../model';
import { adaptiveCard, facts, heading, openUrlIfAny, paragraph, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import type { PaperLinks } from './paperLink';

/** An agenda pack rarely has more; beyond this the card gets too long to read in a chat. */
const MAX_CARD_ITEMS = 25;

type Fact = readonly [string, string | null];

/** Date, time, venue, chair and the agenda (items with presenters and pack pages). */
export function meetingCard(meeting: Meeting, items: readonly AgendaItem[], links: PaperLinks): AdaptiveCard {
  return card(meeting, meetingFacts(meeting), ownItems(meeting, items), links);
}

/**
 * The meeting card beside an answer: only the details and agenda items the answer's text does not
 * already give (a value or item title it contains is left out), or null when that leaves nothing:
 * a card repeating the text arrived as a second message saying the same.
 */
export function meetingDetailsCard(meeting: Meeting, items: readonly AgendaItem[], links: PaperLinks, text: string): AdaptiveCard | null {
  const said = (value: string | null): boolean => value !== null && text.includes(value);
  const details = meetingFacts(meeting).filter(([title, value]) => title !== 'Papers' && value !== null && !said(value));
  const agenda = ownItems(meeting, items).filter((item) => !said(item.title));
  if (details.length === 0 && agenda.length === 0) return null;
  return card(meeting, [['Date', formatLongDate(meeting.date)], ...details.filter(([title]) => title !== 'Date')], agenda, links);
}

function meetingFacts(meeting: Meeting): Fact[] {
  return [
    ['Date', formatLongDate(meeting.date)],
    ['Time', meeting.time],
    ['Venue', meeting.venue],
    ['Chair', meeting.chair],
    ['Vice-chair', meeting.viceChair],
    ['Papers', meeting.hasPapers ? 'Published' : 'Not yet published (date from the work programme)'],
  ];
}

function ownItems(meeting: Meeting, items: readonly AgendaItem[]): AgendaItem[] {
  return items.filter((item) => item.meetingDate === meeting.date).slice(0, MAX_CARD_ITEMS);
}

function card(meeting: Meeting, shown: readonly Fact[], items: readonly AgendaItem[], links: PaperLinks): AdaptiveCard {
  const agenda: CardElement[] = items.map((item) =>
    paragraph(`**${item.number}** ${item.title}${item.presenter ? ` — ${item.presenter}` : ''}${item.pages ? ` (pages ${item.pages[0]}–${item.pages[1]})` : ''}`, {
      spacing: 'Small',
    }),
  );
  const record = meeting.records[0];
  return adaptiveCard(
    [heading(meeting.committee), facts(shown), ...(agenda.length > 0 ? [paragraph('**Agenda**', { separator: true }), ...agenda] : [])],
    record ? openUrlIfAny('Open the papers', links.to(record.source.file, record.source.lineStart, record.source.lineEnd)) : [],
  );
}
