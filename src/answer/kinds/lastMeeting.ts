import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines } from '../cite';
import { endedNote } from '../compose/meetingEnd';
import { capital, citeMeeting, conflictNote, describe, heldRecord, recordLine, statusRecord } from '../compose/meetingRecords';
import { meetingsAsked, minutesOn, named, notGoingAhead, wasHeld } from '../compose/meetings';
import { shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

function answerLastMeeting(index: PaperIndex, u: Reading): Answer {
  const who = named(index, u);
  const meetings = meetingsAsked(index, u).filter((m) => m.date < u.asOf);
  const last = [...meetings].reverse().find(wasHeld) ?? [...meetings].reverse().find((m) => !notGoingAhead(m));
  if (!last) return notFound(index, `The papers record no meeting of ${who} before ${shortDate(u.asOf)}.`);
  const cites = new CitationList();
  const minutes = minutesOn(index, last.date);
  let text = `${capital(who)} last met on ${describe(last)} ${citeMeeting(index, last, cites, heldRecord(last))}.${conflictNote(last)}`;
  // Meetings after it that did not go ahead: "last met" is the last one held, and the answer says why.
  const skipped = meetings.filter((m) => m.date > last.date && notGoingAhead(m));
  for (const m of skipped) text += ` The ${shortDate(m.date)} meeting was ${m.status} ${citeMeeting(index, m, cites, statusRecord(m))}.`;
  const listed = [last, ...skipped].map((m) => recordLine(index, statusRecord(m))).filter((l): l is string => l !== null);
  if (skipped.length > 0 && listed.length > 0) text += `\n\n${listed.map((l) => `- ${l}`).join('\n')}`;
  if (minutes && u.said.has('asksEnd')) text += endedNote(index, minutes, cites);
  const business = minutes?.items.filter((i) => !/^(?:Welcome|Meeting procedures|Apologies|Declarations|Minutes|Matters arising)/iu.test(i.title)) ?? [];
  if (business.length > 0) {
    text += `\n\nIt considered:\n\n${business.map((i) => `- ${i.title} ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineStart + 2, `Minutes - ${shortDate(last.date)}, item ${i.number} ${i.title}`, last.date))}`).join('\n')}`;
  } else {
    const items = index.corpus.agendaItems.filter((i) => i.meetingDate === last.date);
    if (items.length > 0) text += `\n\nIts agenda:\n\n${items.map((i) => `- ${i.number}. ${i.title}`).join('\n')}`;
  }
  return { kind: 'last_meeting', text, citations: cites.items, meeting: last, followUps: [`What did ${who} resolve on ${shortDate(last.date)}?`, 'When is the next meeting?'] };
}

/** "When did we last meet?": the last meeting before the day asked, and what it considered. */
export const lastMeeting: QuestionKind = { name: 'last_meeting', hears: readAs('last_meeting'), answer: (index, r, next) => orNext(answerLastMeeting(index, r), next) };
