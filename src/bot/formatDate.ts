import { DateTime } from 'luxon';

/** "Thursday 27 July 2023", as the council writes dates; the ISO text if it is not a date. */
export function formatLongDate(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: 'Europe/London' });
  return date.isValid ? date.toFormat('cccc d LLLL yyyy') : iso;
}

/** "27 Jul 2023": short enough for a citation keyword (28 chars). */
export function formatShortDate(iso: string): string {
  const date = DateTime.fromISO(iso, { zone: 'Europe/London' });
  return date.isValid ? date.toFormat('d LLL yyyy') : iso;
}
