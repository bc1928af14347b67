import type { Answer } from '../../../model';
import { findDates } from '../../../parse';
import type { PaperIndex } from '../../../search';
import { answerLookups } from '../../answerLookups';
import { CitationList, citeLines } from '../../cite';
import { committeeLabel } from '../../committees';
import { conflictNote } from '../../compose/meetingRecords';
import { asMarkdown } from '../../compose/resolutions';
import { inRef, shortDate } from '../../dateRefs';
import { notFound } from '../../notFound';
import { phrase } from '../../questionGrammar';
import type { Reading } from '../../read';

const MINUTES_APPROVAL = phrase('minutesApproval');


/**
 * "Were the 11 jan minutes signed off?": the decisions approving earlier minutes. A date names the meeting
 * whose minutes were approved; a bare year ("during 2021") approvals of or at that year's meetings.
 */
export function answerMinutesApproval(index: PaperIndex, u: Reading): Answer {
  const look = answerLookups(index);
  const approvals = index.corpus.resolutions
    // The decision's date, and its heading's where that differs (the papers do not always agree).
    .map((r, id) => ({ r, id, of: findDates(r.text)[0]?.date ?? findDates(r.itemTitle)[0]?.date ?? null, headed: findDates(r.itemTitle)[0]?.date ?? null }))
    .filter(({ r }) => MINUTES_APPROVAL.test(r.text) && r.meetingDate <= u.asOf);
  const approving = (a: (typeof approvals)[number]): boolean => u.dates.some((d) => inRef(a.r.meetingDate, d));
  const approved = (a: (typeof approvals)[number]): boolean => u.dates.some((d) => inRef(a.of, d) || inRef(a.headed, d));
  const chosen =
    u.dates.length === 0
      ? approvals.slice(-1)
      : u.dates.some((d) => d.yearOnly)
        ? approvals.filter((a) => approved(a) || approving(a))
        : // A named meeting's minutes: another meeting's approval made that day is not an answer,
          // unless the question asks of the previous meeting's ("were the previous minutes agreed on 15 January?").
          approvals.filter(u.said.has('previousMinutes') ? approving : approved);
  if (chosen.length === 0) {
    const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ');
    return notFound(index, `The papers record no approval of minutes${label ? ` for ${label}` : ''}.`);
  }
  const cites = new CitationList();
  const meetings = answerLookups(index).panelMeetings;
  const lines = chosen.map(({ r, id, of, headed }) => {
    const at = look.resolutionItem[id];
    const item = at === undefined ? undefined : look.minuteItems[at]!.item;
    // From the item's heading, which may name another date than the decision does.
    const from = item && item.source.file === r.source.file && item.source.lineStart <= r.source.lineStart ? item.source.lineStart : r.source.lineStart;
    const c = cites.add(citeLines(index, r.source.file, from, r.source.lineEnd, `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}`, r.meetingDate));
    const meeting = meetings.find((m) => m.date === of || m.date === headed);
    return `On ${shortDate(r.meetingDate)} (minute ${r.itemNumber}, ${r.itemTitle}) ${committeeLabel(index, u.committee ?? null)} approved ${c}:\n\n${asMarkdown(r.text)}${meeting && meeting.conflicts.length > 0 ? `\n\n${conflictNote(meeting).trim()}` : ''}`;
  });
  return { kind: 'resolution', text: lines.join('\n\n'), citations: cites.items, resolutions: chosen.map((a) => a.r), followUps: [] };
}
