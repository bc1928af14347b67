import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups, papersNow } from '../answerLookups';
import { CitationList, citeLines } from '../cite';
import { holdsIdentifiers } from '../compose/identifiers';
import { answerFromPassages } from '../compose/passages';
import { quoteResolution, scoreResolutions } from '../compose/resolutions';
import { describeRow, scoreRows } from '../compose/workProgramme';
import { inRef, shortDate } from '../dateRefs';
import { NO_MATCH } from '../match';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

function answerSchedule(index: PaperIndex, u: Reading): Answer {
  const pastTense = u.said.has('pastSchedule');
  // "When's it coming?" is answered by a date still to come: a row for a meeting already past is not one.
  // Asked after the last papers, "still to come" is judged as of them.
  const now = papersNow(index, u.asOf);
  const rows = scoreRows(index, u).filter((s) => s.coverage >= 0.5 && holdsIdentifiers(u, `${s.record.item} ${s.record.description ?? ''}`) && (pastTense || u.dates.length > 0 || !s.record.meetingDate || s.record.meetingDate >= now));
  const resolutions = scoreResolutions(index, { ...u, dates: [] }).filter((s) => s.coverage >= 0.5 && holdsIdentifiers(u, `${s.record.itemTitle} ${s.record.text}`) && /future meeting|to a meeting|come back|report back|update|receive/iu.test(s.record.text));
  const cites = new CitationList();
  const parts: string[] = [];
  const resolutionFirst = pastTense || (resolutions.length > 0 && rows.length === 0);
  const rowText = (): void => {
    const best = rows[0]?.score ?? 0;
    // Prefer the most recent programme's rows: the same item often appears in two drafts.
    const chosen = rows.filter((s) => s.score >= best * 0.8).slice(0, 3);
    for (const s of chosen) {
      const r = s.record;
      parts.push(`${describeRow(r)} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme${r.meetingDate ? ` - ${shortDate(r.meetingDate)}` : ''}`, r.meetingDate))}.`);
    }
  };
  const resolutionText = (): void => {
    const r = resolutions[0]?.record;
    if (r) parts.push(quoteResolution(index, r, cites));
  };
  if (resolutionFirst) {
    resolutionText();
    rowText();
  } else {
    rowText();
    resolutionText();
  }
  if (u.dates.length > 0 && parts.length > 0) {
    const agendaItems = index.corpus.agendaItems;
    const on = agendaItems.flatMap((i, id) => (u.dates.some((d) => inRef(i.meetingDate, d)) ? [id] : []));
    if (on.length > 0) {
      const titles = answerLookups(index).agendaTitles.match(u.topic, u.typed);
      const hitId = on.find((id) => (titles.get(id) ?? NO_MATCH).coverage >= 0.5);
      const hit = hitId === undefined ? undefined : agendaItems[hitId]!;
      parts.unshift(hit ? `Yes: it is item ${hit.number} on the ${shortDate(hit.meetingDate)} agenda.` : `It is not on the published ${shortDate(agendaItems[on[0]!]!.meetingDate)} agenda.`);
    }
  }
  if (parts.length === 0) return answerFromPassages(index, u, 'schedule');
  return { kind: 'schedule', text: parts.join('\n\n'), citations: cites.items, followUps: [] };
}

/** "When is the SEND report coming back?": the work programme and what the panel asked for. */
export const schedule: QuestionKind = { name: 'schedule', hears: readAs('schedule'), answer: (index, r, next) => orNext(answerSchedule(index, r), next) };
