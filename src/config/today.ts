import { DateTime } from 'luxon';

/** The council works in UK time: "next meeting" must roll over at midnight in London, not UTC. */
const COUNCIL_ZONE = 'Europe/London';

/** A clock for questions: the fixed AS_OF_DATE when set, else today's date in Europe/London. */
export function makeToday(asOfDate: string | null): () => string {
  if (asOfDate) return () => asOfDate;
  return () => DateTime.now().setZone(COUNCIL_ZONE).toISODate() ?? new Date().toISOString().slice(0, 10);
}
