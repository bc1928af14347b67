import { DateTime } from 'luxon';
import type { Meeting } from '../model';

const DATE_FORMATS = ['yyyy-MM-dd', 'd LLLL yyyy', 'd LLL yyyy', 'cccc d LLLL yyyy', 'd/M/yyyy'];
const DAY_MONTH_FORMATS = ['d LLLL', 'd LLL', 'cccc d LLLL', 'd/M'];

/**
 * The meeting `announce <target>` means: "next" is the first meeting from today on; a date
 * without a year ("27 July") is the nearest such meeting, preferring one still to come.
 */
export function resolveMeeting(meetings: readonly Meeting[], target: 'next' | string, today: string): Meeting | undefined {
  const sorted = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
  if (target === 'next') return sorted.find((m) => m.date >= today);
  const text = target.replace(/(\d+)(st|nd|rd|th)\b/giu, '$1').replace(/,/gu, ' ').replace(/\s+/gu, ' ').trim();
  for (const format of DATE_FORMATS) {
    const date = DateTime.fromFormat(text, format, { locale: 'en-GB' });
    if (date.isValid) return sorted.find((m) => m.date === date.toISODate());
  }
  for (const format of DAY_MONTH_FORMATS) {
    const date = DateTime.fromFormat(text, format, { locale: 'en-GB' });
    if (!date.isValid) continue;
    const monthDay = date.toFormat('MM-dd');
    const same = sorted.filter((m) => m.date.slice(5) === monthDay);
    return same.find((m) => m.date >= today) ?? same.at(-1);
  }
  return undefined;
}
