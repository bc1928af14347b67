import type { Meeting, Minutes } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { committeeLabel, committeeMeetings } from '../committees';
import { compareDates, inRef } from '../dateRefs';
import type { Reading } from '../read';
/** Which meetings a question points at: the committee asked of, the meeting named or nearest, and how each stands. */

/** The panel's own meetings (not e.g. a review group's), in date order. */
export function panelMeetings(index: PaperIndex): Meeting[] {
  // A copy: callers sort and pop what they are given.
  return [...answerLookups(index).panelMeetings];
}

/** The meetings of the committee a question names, else of the main committee, in date order. */
export function meetingsAsked(index: PaperIndex, u: Reading): Meeting[] {
  return committeeMeetings(index, u.committee ?? null);
}

/** "the <committee>", for answers. */
export function named(index: PaperIndex, u: Reading): string {
  return committeeLabel(index, u.committee ?? null);
}

export const notGoingAhead = (m: Meeting): boolean => m.status === 'cancelled' || m.status === 'postponed';

/** Held: minutes or decisions record it, a list says so, or its own papers are in and nothing says it was called off. */
export const wasHeld = (m: Meeting): boolean => m.status === 'held' || (m.hasPapers && !notGoingAhead(m));

/** The minutes of a meeting on `date`: printed minutes before a decision notice. */
export function minutesOn(index: PaperIndex, date: string): Minutes | undefined {
  const all = index.corpus.minutes.filter((x) => x.meetingDate === date);
  return all.find((x) => x.record !== 'decision_notice') ?? all[0];
}

/** The meeting a question points at: the one it names, else the nearest with a front sheet. */
export function targetMeeting(index: PaperIndex, u: Reading, want: (m: Meeting) => boolean = () => true): Meeting | null {
  const meetings = meetingsAsked(index, u);
  if (u.dates.length > 0) {
    const ref = u.dates[0]!;
    const inside = meetings.filter((m) => inRef(m.date, ref));
    return inside.filter(want).pop() ?? inside.pop() ?? null;
  }
  // The nearest to the day asked, the first of equals: one pass, each date read once (a sort read two a
  // comparison, over the thousands of meetings a decade of several committees' papers holds).
  const t = Date.parse(u.asOf);
  let nearest: Meeting | null = null;
  let nearestGap = Infinity;
  for (const m of meetings) {
    if (!want(m)) continue;
    const gap = Math.abs(Date.parse(m.date) - t);
    if (gap < nearestGap) {
      nearest = m;
      nearestGap = gap;
    }
  }
  return nearest ?? meetings.find(want) ?? null;
}

export const hasFrontSheet = (m: Meeting): boolean => m.records.some((r) => r.evidence === 'front_sheet');

/** The committee's latest minutes, up to the day asked, that list who attended (and pass `want`). */
export function latestAttendance(index: PaperIndex, u: Reading, want: (m: Minutes) => boolean = () => true): Minutes | undefined {
  const dates = new Set(meetingsAsked(index, u).map((m) => m.date));
  return index.corpus.minutes
    .filter((m) => m.attendanceSource !== undefined && dates.has(m.meetingDate) && m.meetingDate <= u.asOf && want(m))
    .sort((a, b) => compareDates(a.meetingDate, b.meetingDate))
    .pop();
}
