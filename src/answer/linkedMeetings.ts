import type { Attendee, Meeting, Minutes, Resolution, SourceSpan } from '../model';
import { findDates } from '../parse';
import type { PaperIndex } from '../search';
import { minutesOn } from './compose/meetings';
import { phrase } from './questionGrammar';

const MINUTES_APPROVAL = phrase('minutesApproval');

/** A meeting with its records linked: its minutes, the later decision approving them, its chair and who attended. */
export interface LinkedMeeting {
  readonly meeting: Meeting;
  readonly minutes: Minutes | null;
  /** The decision of a later meeting that approved these minutes ("That the minutes of the meeting held on ... be approved"). */
  readonly approval: Resolution | null;
  /** As the minutes mark it "(Chair)", else as the front sheet names it. */
  readonly chair: string | null;
  readonly attendance: {
    readonly members: readonly string[];
    readonly employees: readonly Attendee[];
    readonly inAttendance: readonly string[];
    /** The attendance lines as printed, where read, for quoting. */
    readonly source: SourceSpan | null;
  } | null;
}

/**
 * Links a meeting to its minutes and their approval. An approval names the meeting by its date: the
 * decision's own date first, then its item heading's (the papers do not always agree, see Meeting.conflicts).
 */
export function linkMeeting(index: PaperIndex, meeting: Meeting): LinkedMeeting {
  const minutes = minutesOn(index, meeting.date) ?? null;
  const approves = (r: Resolution): boolean =>
    r.meetingDate > meeting.date && MINUTES_APPROVAL.test(r.text) && (findDates(r.text)[0]?.date ?? findDates(r.itemTitle)[0]?.date) === meeting.date;
  const approval = index.corpus.resolutions.filter(approves).sort((a, b) => a.meetingDate.localeCompare(b.meetingDate))[0] ?? null;
  return {
    meeting,
    minutes,
    approval,
    chair: minutes?.chair ?? meeting.chair,
    attendance: minutes ? { members: minutes.members, employees: minutes.employees, inAttendance: minutes.inAttendance, source: minutes.attendanceSource ?? attendanceLines(minutes) } : null,
  };
}

/** Where the reader kept no attendance span: the minutes' lines before their first item, which hold the lists. */
function attendanceLines(minutes: Minutes): SourceSpan | null {
  const first = minutes.items[0]?.source.lineStart;
  if (first === undefined || first <= minutes.source.lineStart) return null;
  return { ...minutes.source, lineEnd: first - 1 };
}
