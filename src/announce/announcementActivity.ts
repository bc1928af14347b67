import { CardFactory, type Activity } from 'botbuilder';
import type { AdaptiveCard } from '../bot/adaptiveCard';
import { formatLongDate } from '../bot/formatDate';
import type { Meeting } from '../model';

/** The message that carries an announcement card; `summary` is what a notification shows. */
export function announcementActivity(meeting: Meeting, card: AdaptiveCard): Partial<Activity> {
  return {
    type: 'message',
    summary: `${meeting.committee}: agenda pack for ${formatLongDate(meeting.date)}`,
    attachments: [CardFactory.adaptiveCard(card)],
  };
}
