import type { MeetingStatus } from '../model';
import words from '../../data/moderngov.json';

const hasWord = (text: string, list: readonly string[]): boolean =>
  text
    .toLowerCase()
    .split(/[^a-z]+/u)
    .some((word) => list.includes(word));

/**
 * A meeting's status from what the site says of it (the service's status, the list's note) and its
 * date: cancelled or postponed when said so, otherwise held once its day has come, else scheduled.
 */
export function meetingStatus(said: readonly (string | null)[], date: string, today: string): MeetingStatus {
  const text = said.filter((s): s is string => s !== null).join(' ');
  if (hasWord(text, words.cancelled)) return 'cancelled';
  if (hasWord(text, words.postponed)) return 'postponed';
  return date <= today ? 'held' : 'scheduled';
}
