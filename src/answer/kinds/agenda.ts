import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { CitationList, citeLines, findLine } from '../cite';
import { describe } from '../compose/meetingRecords';
import { meetingsAsked, notGoingAhead, targetMeeting } from '../compose/meetings';
import { compareDates, inRef, shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

function answerAgenda(index: PaperIndex, u: Reading): Answer {
  const next = u.dates.length === 0 && u.said.has('asksNext') ? (meetingsAsked(index, u).find((x) => x.date > u.asOf && !notGoingAhead(x)) ?? null) : null;
  const m = next ?? targetMeeting(index, u, (x) => index.corpus.agendaItems.some((i) => i.meetingDate === x.date));
  if (!m) return notFound(index, 'The papers have no agenda for that meeting.');
  const items = index.corpus.agendaItems.filter((i) => i.meetingDate === m.date);
  const cites = new CitationList();
  if (items.length === 0) {
    // No agenda in the papers: the minutes say what the meeting took, or a work programme what it will.
    const minuted = index.corpus.minutes.find((x) => x.meetingDate === m.date);
    if (minuted && minuted.items.length > 0) {
      const list = minuted.items.map((i) => `- ${i.number}. ${i.title} ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineStart, `Minutes - ${shortDate(m.date)}, item ${i.number}`, m.date))}`);
      return { kind: 'agenda', text: `No agenda for ${shortDate(m.date)} is in the papers; its minutes record these items:\n\n${list.join('\n')}`, citations: cites.items, meeting: m, followUps: [`What did the panel resolve on ${shortDate(m.date)}?`] };
    }
    const rows = index.corpus.workProgramme.filter((r) => r.meetingDate === m.date);
    if (rows.length === 0) return notFound(index, `The papers have no agenda for the ${shortDate(m.date)} meeting.`);
    const list = rows.map((r) => `- ${r.item} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme - ${shortDate(m.date)}`, m.date))}`);
    return { kind: 'agenda', text: `No agenda for ${shortDate(m.date)} is in the papers; the work programme lists:\n\n${list.join('\n')}`, citations: cites.items, meeting: m, followUps: [] };
  }
  const first = items[0]!.source;
  const last = items[items.length - 1]!.source;
  const c = cites.add(citeLines(index, first.file, first.lineStart, last.lineEnd, `Agenda - ${shortDate(m.date)}`, m.date));
  const list = items.map((i) => `- ${i.number}. ${i.title}${i.pages ? ` (pages ${i.pages[0]}-${i.pages[1]})` : ''}${i.presenter ? ` — ${i.presenter}` : ''}`);
  return {
    kind: 'agenda',
    text: `Agenda for ${describe(m)} ${c}:\n\n${list.join('\n')}`,
    citations: cites.items,
    meeting: m,
    agendaItems: items,
    followUps: [`Who chairs the ${shortDate(m.date)} meeting?`, 'When is the next meeting?'],
  };
}

/** Call-in: the agenda marks pre-decision items "not available for Call-in"; answer from that note. */
function answerCallIn(index: PaperIndex, u: Reading): Answer {
  const typed = u.typed.filter((t) => !/^(?:call|in|decision|called|can|be)$/u.test(t));
  const titles = answerLookups(index).agendaTitles.match(u.topic, typed);
  const items = [...titles]
    .map(([id, m]) => ({ i: index.corpus.agendaItems[id]!, m }))
    .filter((x) => x.m.coverage >= 0.5)
    .sort((a, b) => Number(/call-?in/iu.test(b.i.note ?? '')) - Number(/call-?in/iu.test(a.i.note ?? '')) || b.m.hits - a.m.hits || compareDates(b.i.meetingDate, a.i.meetingDate));
  const item = items[0]?.i;
  if (!item) return notFound(index, 'I could not find that item on an agenda in the papers.');
  const cites = new CitationList();
  const { file, lineStart, lineEnd } = item.source;
  const noteLine = findLine(index, file, lineStart, lineEnd, /call-?in/iu);
  const c = cites.add(citeLines(index, file, noteLine ?? lineStart, noteLine ?? lineEnd, `Agenda - ${shortDate(item.meetingDate)}, item ${item.number} ${item.title}`, item.meetingDate));
  const text = noteLine
    ? `Item ${item.number}, "${item.title}" (${shortDate(item.meetingDate)}), is marked ${c}:\n> ${(index.lines(file)?.at(noteLine - 1) ?? '').trim()}`
    : `Item ${item.number}, "${item.title}" (${shortDate(item.meetingDate)}), carries no call-in note on the agenda ${c}.`;
  return { kind: 'agenda', text, citations: cites.items, agendaItems: [item], followUps: [] };
}

/**
 * "What page is the VSH report on in the pack", "the report to follow: who's doing it": one agenda item,
 * cited by its own lines (pages, presenter, note), from the meeting the question names or nearest the day asked.
 */
function answerAgendaItem(index: PaperIndex, u: Reading): Answer {
  const t = Date.parse(u.asOf);
  const titles = answerLookups(index).agendaTitles.match(u.topic, u.typed);
  const items = [...titles]
    .map(([id, m]) => ({ i: index.corpus.agendaItems[id]!, m }))
    .filter(({ i, m }) => m.coverage >= 0.5 && (u.dates.length === 0 || u.dates.some((d) => inRef(i.meetingDate, d))))
    .sort((a, b) => b.m.coverage - a.m.coverage || b.m.hits - a.m.hits || Math.abs(Date.parse(a.i.meetingDate) - t) - Math.abs(Date.parse(b.i.meetingDate) - t));
  const best = items[0]?.i;
  if (!best) return answerAgenda(index, u);
  const cites = new CitationList();
  const c = cites.add(citeLines(index, best.source.file, best.source.lineStart, best.source.lineEnd, `Agenda - ${shortDate(best.meetingDate)}, item ${best.number}`, best.meetingDate));
  const details = [
    best.pages ? `pages ${best.pages[0]} to ${best.pages[1]} of the pack` : /\bto follow\b/iu.test(best.title) ? 'not in the pack: the report is to follow' : null,
    best.presenter ? `presented by ${best.presenter}` : null,
  ].filter(Boolean);
  return {
    kind: 'agenda',
    text: `Item ${best.number} on the ${shortDate(best.meetingDate)} agenda, "${best.title}"${details.length > 0 ? `: ${details.join('; ')}` : ''} ${c}.`,
    citations: cites.items,
    followUps: [],
  };
}

/** "What's on the agenda for 27 July?", with two details: an item's pages, and call-in. */
export const agenda: QuestionKind = {
  name: 'agenda',
  hears: readAs('agenda'),
  answer: (index, r, next) => orNext(r.detail === 'call_in' ? answerCallIn(index, r) : r.detail === 'agenda_item' ? answerAgendaItem(index, r) : answerAgenda(index, r), next),
};
