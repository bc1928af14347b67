import type { AgendaItem, Meeting } from '../model';
import { adaptiveCard, facts, heading, openUrlIfAny, paragraph, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import type { PaperLinks } from './paperLink';

/** An agenda pack rarely has more; beyond this the card gets too long to read in a chat. */
const MAX_CARD_ITEMS = 25;

/** Date, time, venue, chair and the agenda (items with presenters and pack pages). */
export function meetingCard(meeting: Meeting, items: readonly AgendaItem[], links: PaperLinks): AdaptiveCard {
  const own = items.filter((item) => item.meetingDate === meeting.date).slice(0, MAX_CARD_ITEMS);
  const agenda: CardElement[] = own.map((item) =>
    paragraph(`**${item.number}** ${item.title}${item.presenter ? ` — ${item.presenter}` : ''}${item.pages ? ` (pages ${item.pages[0]}–${item.pages[1]})` : ''}`, {
      spacing: 'Small',
    }),
  );
  const record = meeting.records[0];
  return adaptiveCard(
    [
      heading(meeting.committee),
      facts([
        ['Date', formatLongDate(meeting.date)],
        ['Time', meeting.time],
        ['Venue', meeting.venue],
        ['Chair', meeting.chair],
        ['Vice-chair', meeting.viceChair],
        ['Papers', meeting.hasPapers ? 'Published' : 'Not yet published (date from the work programme)'],
      ]),
      ...(agenda.length > 0 ? [paragraph('**Agenda**', { separator: true }), ...agenda] : []),
    ],
    record ? openUrlIfAny('Open the papers', links.to(record.source.file, record.source.lineStart, record.source.lineEnd)) : [],
  );
}
