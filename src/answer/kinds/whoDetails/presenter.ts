import type { Answer, MinuteItem, Report } from '../../../model';
import type { PaperIndex } from '../../../search';
import { answerLookups } from '../../answerLookups';
import { CitationList, citeLines, findLine } from '../../cite';
import { answerFromPassages } from '../../compose/passages';
import { inRef, shortDate } from '../../dateRefs';
import { stemsOf, type TopicMatch } from '../../match';
import { citeRecord, presenterOf } from '../../people';
import type { Reading } from '../../read';
import { personLines } from './reportPeople';

/** An agenda item names its presenter beside its title ("[Name, Title, to present report]"), not further down. */
const AGENDA_HEAD_LINES = 3;

const PRESENTER_BRACKET = /\[([^\]]*\bto (?:present|introduce)\b[^\]]*)\]/iu;

/** The bracketed presenter line of an agenda item, as printed, or null. */
function presenterBracket(index: PaperIndex, span: { file: string; lineStart: number; lineEnd: number }): string | null {
  const lines = index.lines(span.file) ?? [];
  for (let n = span.lineStart; n <= span.lineEnd; n++) {
    const found = PRESENTER_BRACKET.exec(lines.at(n - 1) ?? '');
    if (found) return found[1]!.trim();
  }
  return null;
}

/** The report an agenda item is for: the same meeting (or undated) and most of the item's title words. */
function reportFor(index: PaperIndex, title: string, meetingDate: string): Report | undefined {
  const wanted = [...stemsOf(title)];
  return index.corpus.reports
    .filter((r) => r.accountableEmployee && (r.meetingDate === null || r.meetingDate === meetingDate))
    .map((r) => ({ r, held: wanted.filter((w) => stemsOf(r.title).has(w)).length }))
    .filter(({ held }) => held >= Math.max(1, wanted.length / 2))
    .sort((x, y) => y.held - x.held)[0]?.r;
}

/** Minutes say who presented: "The Chair invited Brenda Wile, Deputy Director of Education, to present the report." */
export function answerPresenter(index: PaperIndex, u: Reading): Answer {
  const asking = (t: string): boolean => /^(?:presented|present|presents|presenter|presentation|presenting|introduced|introducing|did|led|leading)$/u.test(t);
  const typed = u.typed.filter((t) => !asking(t));
  const uu = { ...u, typed, topic: u.topic.filter((t) => !asking(t)) };
  const look = answerLookups(index);
  const titles = look.itemTitles.match(uu.topic, typed);
  const items = [...titles]
    .map(([k, m]) => ({ ...look.minuteItems[k]!, m }))
    .filter(({ minutes }) => u.dates.length === 0 || u.dates.some((d) => inRef(minutes.meetingDate, d)))
    // Minutes of a meeting still to come on the day asked cannot be known then: the agenda says who will present.
    .filter(({ minutes }) => minutes.meetingDate <= u.asOf)
    .map(({ item: i, m }) => ({ i, m }))
    .filter((x) => x.m.coverage >= 0.5)
    .sort((a, b) => b.m.hits - a.m.hits);
  const cites = new CitationList();
  const lines: string[] = [];
  const agendaTitles = look.agendaTitles.match(uu.topic, typed);
  const agendaBest = Math.max(0, ...[...agendaTitles.values()].map((m) => m.coverage));
  const agendaBestHits = Math.max(0, ...[...agendaTitles.values()].filter((m) => m.coverage === agendaBest).map((m) => m.hits));
  // An agenda item that fits the question better than any minuted one is the item meant: more of the
  // question's words, or as many and more of their meanings ("psw": principal, social, worker).
  const fitsAsWell = (m: TopicMatch): boolean => m.coverage > agendaBest || (m.coverage === agendaBest && m.hits >= agendaBestHits);
  for (const { i } of items.filter((x) => fitsAsWell(x.m)).slice(0, 2)) {
    const { file, lineStart, lineEnd } = i.source;
    const first = findLine(index, file, lineStart, Math.min(lineEnd, lineStart + 12), /invited|to present|introduced|presented/iu);
    if (!first) continue;
    const second = findLine(index, file, first + 1, Math.min(lineEnd, first + 6), /introduced|invited|contributing|presented/iu);
    const c = cites.add(citeLines(index, file, first, second ?? first, `Minutes - ${shortDate(i.meetingDate)}, item ${i.number} ${i.title}`, i.meetingDate));
    const people = (index.lines(file) ?? []).slice(first - 1, second ?? first).join(' ');
    lines.push(`${shortDate(i.meetingDate)}, item ${i.number} ${i.title}: ${people.trim()} ${c}${heldBy(index, i, cites)}`);
  }
  if (lines.length > 0) return { kind: 'who', text: lines.join('\n\n'), citations: cites.items, followUps: [] };
  // An agenda item whose presenter the parser did not single out still names them in its own lines.
  const agenda = [...agendaTitles]
    .filter(([, m]) => m.coverage >= 0.5)
    .sort(([ia, a], [ib, b]) => b.coverage - a.coverage || Number(index.corpus.agendaItems[ib]!.presenter !== null) - Number(index.corpus.agendaItems[ia]!.presenter !== null))
    .map(([id]) => index.corpus.agendaItems[id]!);
  if (agenda.length > 0) {
    const a = agenda[0]!;
    // An agenda that names no presenter: the report's cover says who wrote it, the officer who presents it.
    const namesPresenter = Boolean(a.presenter) || findLine(index, a.source.file, a.source.lineStart, Math.min(a.source.lineEnd, a.source.lineStart + AGENDA_HEAD_LINES), /\bto (?:present|introduce)\b|\bpresenting\b|\bpresenter\b/iu) !== null;
    const report = namesPresenter ? undefined : reportFor(index, a.title, a.meetingDate);
    const author = report ? personLines(index, report, 'accountableEmployee') : null;
    if (report && author) {
      const c = cites.add(citeLines(index, report.source.file, author.from, author.to, `Report - ${report.title}`, report.meetingDate));
      return { kind: 'who', text: `${a.title} (${shortDate(a.meetingDate)}): the agenda names no presenter; the report is by ${report.accountableEmployee} ${c}.`, citations: cites.items, followUps: [] };
    }
    const c = cites.add(citeLines(index, a.source.file, a.source.lineStart, a.source.lineEnd, `Agenda - ${shortDate(a.meetingDate)}, item ${a.number}`, a.meetingDate));
    // The agenda's own words for who presents ("[Name, Title, and Name, Title, to present report]"), quoted.
    const bracket = a.presenter ? null : presenterBracket(index, a.source);
    const who = a.presenter ?? (bracket ? `"${bracket}"` : namesPresenter ? 'the agenda item names who presents it' : 'the agenda item names no presenter');
    return { kind: 'who', text: `${a.title} (${shortDate(a.meetingDate)}): ${who} ${c}`, citations: cites.items, followUps: [] };
  }
  return answerFromPassages(index, u, 'who');
}

/** Where the minutes name the presenter by role alone ("The Head of City Transport introduced ..."): who held it then. */
function heldBy(index: PaperIndex, item: MinuteItem, cites: CitationList): string {
  const holder = presenterOf(index, item)?.holder;
  return holder ? ` The ${holder.role} then was ${holder.name} ${cites.add(citeRecord(index, holder))}.` : '';
}
