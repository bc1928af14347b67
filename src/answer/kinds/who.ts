import type { Answer } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines, findLine } from '../cite';
import { electionAnswer, officesAsked } from '../compose/elections';
import { targetMeeting } from '../compose/meetings';
import { answerFromPassages } from '../compose/passages';
import { shortDate } from '../dateRefs';
import { notFound } from '../notFound';
import { answerPersonRecord, answerRole } from '../people';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';
import { answerPresenter } from './whoDetails/presenter';
import { answerReportPeople } from './whoDetails/reportPeople';

function answerWho(index: PaperIndex, u: Reading): Answer {
  switch (u.detail) {
    case 'contact':
      return answerContact(index, u);
    case 'cabinet_member':
    case 'accountable':
      return answerReportPeople(index, u);
    case 'presenter':
      return answerPresenter(index, u);
    default:
      // "Who was elected chair and vice chair?": the elections minuted, when the question names offices.
      return (u.said.has('asksElected') ? electionAnswer(index, u, officesAsked(index, u.words)) : null) ?? answerRole(index, u) ?? answerFromPassages(index, u, 'who');
  }
}

function answerContact(index: PaperIndex, u: Reading): Answer {
  const m = targetMeeting(index, u, (x) => x.contact !== null);
  if (!m?.contact) return notFound(index, 'The papers give no scrutiny contact.');
  const sheet = m.records.find((r) => r.evidence === 'front_sheet')?.source;
  const cites = new CitationList();
  let c = '';
  if (sheet) {
    const from = findLine(index, sheet.file, sheet.lineStart, sheet.lineStart + 80, m.contact.name);
    const to = m.contact.phone ? findLine(index, sheet.file, from ?? sheet.lineStart, sheet.lineStart + 80, m.contact.phone.slice(0, 5)) : from;
    if (from) c = cites.add(citeLines(index, sheet.file, from, Math.max(from, to ?? from), `Agenda front sheet - ${shortDate(m.date)}, contact`, m.date));
  }
  const details = [m.contact.phone ? `tel ${m.contact.phone}` : null, m.contact.email].filter(Boolean).join(', ');
  return { kind: 'who', text: `The scrutiny contact is ${m.contact.name}${details ? ` (${details})` : ''} ${c}.`, citations: cites.items, followUps: [] };
}

/**
 * "Who presented the health check?", "who is the cabinet member?": a person from the records. A question
 * naming a person ("what is Cllr X's role?", "which ward?") is answered from that person's own record first.
 */
export const who: QuestionKind = {
  name: 'who',
  hears: readAs('who'),
  answer: (index, r, next) => (r.detail === null || r.detail === 'person' ? answerPersonRecord(index, r) : null) ?? orNext(answerWho(index, r), next),
  answersSeveralDetails: true,
};
