import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import { adaptiveCard, openUrlIfAny, paragraph, type AdaptiveCard, type CardElement } from '../bot/adaptiveCard';
import { formatLongDate } from '../bot/formatDate';
import { meetingCard } from '../bot/meetingCard';
import { PaperLinks } from '../bot/paperLink';
import type { AgendaItem, Meeting } from '../model';

export interface AnnouncementCardInput {
  readonly meeting: Meeting;
  readonly items: readonly AgendaItem[];
  /** The agenda pack's file; null for a meeting known only from a work programme. */
  readonly packFile: string | null;
  readonly links: PaperLinks;
}

/**
 * The card posted when a pack is published: the meeting card (panel, date, time, venue, chair,
 * agenda with presenters and pages), a link to the pack, and three questions to ask the bot.
 */
export function announcementCard(input: AnnouncementCardInput): AdaptiveCard {
  const { meeting, items, packFile, links } = input;
  const base = meetingCard(meeting, items, links);
  const lead = packFile ? `**Agenda pack published** for the meeting on ${formatLongDate(meeting.date)}` : `**Next meeting**: ${formatLongDate(meeting.date)}`;
  return adaptiveCard(
    [paragraph(lead), ...base.body],
    [...(packFile ? openUrlIfAny('Open the agenda pack', links.to(packFile)) : []), ...askPrompts(meeting, items).map(askAction)],
  );
}

/** Three questions about this meeting that the answer engine handles (checked against it). */
export function askPrompts(meeting: Meeting, items: readonly AgendaItem[]): string[] {
  // "27 July 2023": the answer engine reads this form; with a weekday in front it finds nothing.
  const date = DateTime.fromISO(meeting.date).toFormat('d LLLL yyyy');
  // The first item with a report (pages and a presenter) is the meeting's real business.
  const report = items.find((item) => item.pages && item.presenter && item.meetingDate === meeting.date);
  return [
    `Agenda for the meeting on ${date}`,
    `Who is presenting on ${date}?`,
    report ? `What does the ${report.title} report say?` : `What did the panel resolve at its last meeting?`,
  ];
}

/** messageBack: the click arrives at the bot as a message with this text, and shows in the chat. */
function askAction(question: string): CardElement {
  return { type: 'Action.Submit', title: `Ask: ${question}`, data: { msteams: { type: 'messageBack', text: question, displayText: question } } };
}

/**
 * What decides whether a posted card is still current: the pack and the card's content. The card is
 * hashed with unsigned links relative to no address: a signed link's expiry moves daily, and
 * instances sharing the store may be reached at different PUBLIC_BASE_URLs; neither is a change.
 */
export function cardHash(input: AnnouncementCardInput, packHash: string): string {
  const links = input.links.access === 'off' ? input.links : PaperLinks.open('');
  const card = announcementCard({ ...input, links });
  return createHash('sha256').update(packHash).update(JSON.stringify(card)).digest('hex');
}
