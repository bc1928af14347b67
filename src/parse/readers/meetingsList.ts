import type { Element } from 'domhandler';
import { findAll } from 'domutils';
import type { SourceDocument } from '../../ingest';
import type { Meeting, MeetingStatus, Paper } from '../../model';
import { findDates, findTime } from '../dates';
import type { ParsedFile } from '../parsedCorpus';
import type { PaperReader } from './index';
import { statusIn } from './meetingPage';
import { byClass, isLabel, isPage, lineSpan, MODERNGOV, rangeOfAll, rendered, subTitle, textOf, unreadable } from './moderngov';
import { fileFindings, meetingRecord } from './common';

/**
 * A ModernGov "Browse meetings" page: one committee's meetings, one list entry each,
 * "29 Jan 2026 7:30 pm - Agenda, Decisions" or "4 Dec 2025 7:30 pm - CANCELLED".
 *
 * Status: cancelled or postponed when the entry says so; held when it lists minutes or decisions;
 * scheduled otherwise. hasPapers stays false: the list says documents are published on the
 * council's site, not that this corpus holds them (the meeting's own page sets it when read).
 */
export const meetingsListReader: PaperReader = {
  layout: 'moderngov_meetings_list',
  recognises: (doc) => isPage(doc, 'meetingsList'),
  read: readMeetingsList,
};

function readMeetingsList(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const page = rendered(doc)!;
  const header = subTitle(page);
  const committee = header ? textOf(header) : '';
  if (!committee) return unreadable(doc, 'unknown_committee', 'the meetings list names no committee');
  const meetings: Meeting[] = [];
  const entries = meetingEntries(page.document.children);
  for (const li of entries) {
    const range = page.rangeOf(li);
    const text = textOf(li);
    const date = findDates(text)[0];
    if (!range || !date) continue;
    const after = text.slice(date.index + date.length);
    const documents = after.replace(/^[^-–]*[-–]\s*/u, '').split(',').map((d) => d.trim());
    const status: MeetingStatus =
      statusIn(after) ?? (documents.some((d) => isLabel(d, MODERNGOV.meetingStatus.heldDocuments)) ? 'held' : 'scheduled');
    meetings.push(meetingRecord(committee, date.date, status, 'meetings_list', lineSpan(doc.file, range), { time: findTime(after) }));
  }
  if (meetings.length === 0) return unreadable(doc, 'minutes_without_date', `the meetings list of ${committee} lists no dated meeting`);
  const range = rangeOfAll(page, entries)!;
  const paper: Paper = { kind: 'meetings_list', title: `Meetings - ${committee}`, meetingDate: null, source: lineSpan(doc.file, range) };
  return fileFindings(doc, { papers: [paper], meetings });
}

/** The list entries linking to a meeting (a.mgMeetingTableLnk); failing that, list items that start with a date. */
function meetingEntries(nodes: Parameters<typeof findAll>[1]): Element[] {
  const items = findAll((el) => el.name === 'li', nodes);
  const linked = items.filter((li) => byClass(li, 'mgMeetingTableLnk').length > 0);
  if (linked.length > 0) return linked;
  return items.filter((li) => findDates(textOf(li))[0]?.index === 0);
}
