import type { MeetingStatus } from '../model';
import words from '../../data/moderngov.json';

/** The status words the readers use too (data/moderngov.json), compared without regard to case. */
const CANCELLED = words.meetingStatus.cancelled.map((w) => w.toLowerCase());
const POSTPONED = words.meetingStatus.postponed.map((w) => w.toLowerCase());

const hasWord = (text: string, list: readonly string[]): boolean => {
  const lower = ` ${text.toLowerCase().replace(/[^a-z]+/gu, ' ')} `;
  return list.some((phrase) => lower.includes(` ${phrase} `));
};

/**
 * A meeting's status from what the site says of it (the service's status, the list's note) and its
 * date: cancelled or postponed when said so, otherwise held once its day has come, else scheduled.
 */
export function meetingStatus(said: readonly (string | null)[], date: string, today: string): MeetingStatus {
  const text = said.filter((s): s is string => s !== null).join(' ');
  if (hasWord(text, CANCELLED)) return 'cancelled';
  if (hasWord(text, POSTPONED)) return 'postponed';
  return date <= today ? 'held' : 'scheduled';
}
