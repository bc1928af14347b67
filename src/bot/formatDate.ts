import { DateTime } from 'luxon';

/** Distinct dates remembered per format; papers hold a few hundred meeting dates. */
const MAX_REMEMBERED_DATES = 4_096;

/**
 * Parsing and formatting through luxon costs tens of microseconds, and every reply formats the
 * same meeting dates again (each citation and card), so each format remembers its results.
 */
function remembered(format: (iso: string) => string): (iso: string) => string {
  const formatted = new Map<string, string>();
  return (iso) => {
    let text = formatted.get(iso);
    if (text === undefined) {
      if (formatted.size >= MAX_REMEMBERED_DATES) formatted.clear();
      text = format(iso);
      formatted.set(iso, text);
    }
    return text;
  };
}

/** "Thursday 27 July 2023", as the council writes dates; the ISO text if it is not a date. */
export const formatLongDate = remembered((iso) => {
  const date = DateTime.fromISO(iso, { zone: 'Europe/London' });
  return date.isValid ? date.toFormat('cccc d LLLL yyyy') : iso;
});

/** "27 Jul 2023": short enough for a citation keyword (28 chars). */
export const formatShortDate = remembered((iso) => {
  const date = DateTime.fromISO(iso, { zone: 'Europe/London' });
  return date.isValid ? date.toFormat('d LLL yyyy') : iso;
});
