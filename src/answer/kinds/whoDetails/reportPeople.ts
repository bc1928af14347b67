import type { Answer, Report } from '../../../model';
import type { PaperIndex } from '../../../search';
import { answerLookups } from '../../answerLookups';
import { CitationList, citeLines, findLine } from '../../cite';
import { answerFromPassages } from '../../compose/passages';
import { inRef, shortDate } from '../../dateRefs';
import { NO_MATCH } from '../../match';
import type { Detail } from '../../questionGrammar';
import type { Reading } from '../../read';

type PersonField = 'cabinetMember' | 'accountableEmployee';

/** The people a report cover names, what the answer calls each, and the words that ask for them (not the report's topic). */
const REPORT_PEOPLE: Record<PersonField, { readonly detail: Detail; readonly label: string; readonly asking: RegExp; readonly coverLabel: RegExp }> = {
  cabinetMember: { detail: 'cabinet_member', label: 'cabinet member', asking: /^(?:cabinet|member|portfolio|holder|councillor|who)$/u, coverLabel: /^Cabinet member/iu },
  accountableEmployee: { detail: 'accountable', label: 'accountable employee', asking: /^(?:accountable|officer|author|responsible|lead|employee|who)$/u, coverLabel: /^Accountable employee/iu },
};

/**
 * The lines of a report cover that give a person: the cover's own label line where the agenda-pack layout
 * has one ("Cabinet member with lead responsibility"), else the line the name starts on ("Report by ...",
 * "Relevant Portfolio Holder: ..."), through the line it ends on.
 */
export function personLines(index: PaperIndex, r: Report, field: PersonField): { from: number; to: number } | null {
  const { file, lineStart } = r.source;
  const labelled = findLine(index, file, lineStart, lineStart + 15, REPORT_PEOPLE[field].coverLabel);
  if (labelled) return { from: labelled, to: labelled };
  const value = (r[field] ?? '').replace(/\s+/gu, ' ').trim();
  if (!value) return null;
  const from = findLine(index, file, lineStart, lineStart + COVER_LINES, value.slice(0, 20));
  if (!from) {
    // A cover that gives the name and the job title apart ("... report: Adam Crowther Job title: Head of ...").
    const name = findLine(index, file, lineStart, lineStart + COVER_LINES, value.split(/[,:]/u)[0]!);
    return name ? { from: name, to: name } : null;
  }
  const lines = index.lines(file) ?? [];
  let to = from;
  // A name wrapped onto the next line ("Portfolio Holder for Sustainable / Transport and ...") is cited whole.
  while (to < from + 3 && to < lines.length && !lines.slice(from - 1, to).join(' ').replace(/\s+/gu, ' ').includes(value)) to++;
  return { from, to };
}

/** How far into a report its cover's people are looked for. */
const COVER_LINES = 40;

export function answerReportPeople(index: PaperIndex, u: Reading): Answer {
  const main: PersonField = u.detail === 'cabinet_member' ? 'cabinetMember' : 'accountableEmployee';
  const other: PersonField = main === 'cabinetMember' ? 'accountableEmployee' : 'cabinetMember';
  // "Who wrote it and which portfolio holder is responsible": both people, from one cover (a grammar rule for the other read it too).
  const fields = u.candidates.some((c) => c.detail === REPORT_PEOPLE[other].detail) ? [main, other] : [main];
  const typed = u.typed.filter((t) => !fields.some((f) => REPORT_PEOPLE[f].asking.test(t)));
  const look = answerLookups(index);
  const matches = (fields.includes('cabinetMember') ? look.reportTitlesWithCabinetMember : look.reportTitles).match(u.topic, typed);
  const reports = index.corpus.reports
    .map((r, id) => ({ r, m: matches.get(id) ?? NO_MATCH }))
    .filter(({ r }) => r[main])
    .filter(({ r }) => u.dates.length === 0 || u.dates.some((d) => inRef(r.meetingDate, d)))
    .filter((x) => typed.length === 0 || x.m.coverage >= 0.5)
    .sort((a, b) => b.m.hits - a.m.hits);
  if (reports.length === 0) return answerFromPassages(index, u, 'who');
  const cites = new CitationList();
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { r } of reports) {
    const key = `${r.meetingDate}|${fields.map((f) => r[f]).join('|')}`;
    if (seen.has(key) || lines.length >= 6) continue;
    seen.add(key);
    const named = fields.filter((f) => r[f]).map((f) => ({ f, at: personLines(index, r, f) }));
    const found = named.flatMap(({ at }) => (at ? [at] : []));
    const first = Math.min(...found.map((x) => x.from), r.source.lineStart + COVER_LINES);
    const last = found.length > 0 ? Math.max(...found.map((x) => x.to)) : r.source.lineStart;
    const titleLine = found.length > 0 ? (findLine(index, r.source.file, r.source.lineStart, first, /^Report title/iu) ?? first) : r.source.lineStart;
    const c = cites.add(citeLines(index, r.source.file, titleLine, last, `Report - ${r.title}${r.meetingDate ? `, ${shortDate(r.meetingDate)}` : ''}`, r.meetingDate));
    // In the order the cover gives them.
    const said = [...named].sort((a, b) => (a.at?.from ?? 0) - (b.at?.from ?? 0)).map(({ f }) => `${REPORT_PEOPLE[f].label} ${r[f]}`);
    lines.push(`${r.meetingDate ? `${shortDate(r.meetingDate)}, ` : ''}"${r.title}": ${said.join('; ')} ${c}`);
  }
  return { kind: 'who', text: lines.map((l) => `- ${l}`).join('\n'), citations: cites.items, followUps: [] };
}
