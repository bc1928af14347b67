import { join } from 'node:path';
import { REPO_ROOT } from '../config';
import { progressBar, readPaperFolderAsync } from '../ingest';
import { coverageOf, formatDate, mergeMeetings, parsePapers, type ParsedCorpus } from '../parse';
import { coverageSummary } from './coverageSummary';

/**
 * `npm run papers [-- --json] [-- --dir DIR]`: what the parser found in each paper, for a person or as JSON.
 */
async function main(argv: readonly string[]): Promise<void> {
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 && argv[dirAt + 1] ? argv[dirAt + 1]! : join(REPO_ROOT, 'data', 'papers');
  const started = performance.now();
  const folder = await readPaperFolderAsync(dir, { onProgress: progressBar(process.stderr) });
  const corpus = parsePapers(folder.documents, folder.issues);
  // On stderr so that --json output stays one JSON value on stdout.
  process.stderr.write(ingestSummary(corpus, (performance.now() - started) / 1000));
  if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(toJson(corpus), null, 2)}\n`);
  else process.stdout.write(summary(corpus));
}

export function toJson(corpus: ParsedCorpus): unknown {
  return {
    meetings: corpus.meetings.map((m) => ({
      ...m,
      items: [
        ...corpus.agendaItems.filter((i) => i.meetingDate === m.date).map((i) => ({ ...i, kind: 'agenda_item', resolutions: [] })),
        ...corpus.minutes
          .filter((x) => x.meetingDate === m.date)
          .flatMap((x) => x.items.map((i) => ({ kind: 'minute_item', number: i.number, title: i.title, pages: null, resolutions: i.resolutions.map((r) => r.text), source: i.source }))),
      ],
    })),
    committees: corpus.committees,
    papers: corpus.papers,
    minutes: corpus.minutes,
    reports: corpus.reports,
    workProgramme: corpus.workProgramme,
    issues: corpus.issues,
    // One entry a file, in the contract of ../shared/eval/identity.mjs.
    files: corpus.files.map(({ identity: id }) => ({
      file: id.file,
      committee: id.committee,
      meetingDates: id.meetingDates,
      kind: id.kind,
      council: id.council,
      evidence: id.evidence,
      disagreements: id.disagreements,
    })),
    coverage: coverageOf(corpus),
  };
}

/** Per file: its layout, committees, meetings with their status, and what was read; then the calendar and issues. */
export function summary(corpus: ParsedCorpus): string {
  const out: string[] = [];
  for (const f of corpus.files) {
    const items = f.minutes.flatMap((m) => m.items);
    const count = (n: number, what: string): string => `${what} ${n}`;
    const attendance = f.minutes.reduce((n, m) => n + m.members.length + m.coopted.length + m.inAttendance.length + m.employees.length, 0);
    const committees = [...new Set([...f.committees.map((c) => c.canonical), ...f.meetings.map((m) => m.canonicalCommittee)])];
    const id = f.identity;
    out.push(`${f.file} (${f.layout})`);
    out.push(`  identity: ${id.kind}, ${id.committee ?? 'no committee'}, ${id.meetingDates.join(', ') || 'no date'}${id.council ? `, ${id.council}` : ''}`);
    out.push(`  committee: ${committees.slice(0, 5).join('; ') || 'none named'}${committees.length > 5 ? `; and ${committees.length - 5} more` : ''}`);
    if (f.committees.some((c) => c.members.length > 0)) {
      for (const c of f.committees.filter((x) => x.members.length > 0)) out.push(`  ${c.canonical}: chair ${c.chair ?? 'not named'}, vice-chair ${c.viceChair ?? 'not named'}, ${c.members.length} members`);
    }
    out.push(`  papers ${f.papers.length}: ${f.papers.map((p) => `${p.kind} "${p.title}" (lines ${p.source.lineStart}-${p.source.lineEnd})`).join('; ')}`);
    const meetings = mergeMeetings(f.meetings);
    out.push(`  meetings ${meetings.length}: ${meetings.map((m) => `${formatDate(m.date)} ${m.status}`).join(', ') || 'none'}`);
    out.push(
      `  ${[
        count(f.agendaItems.length, 'agenda items'),
        count(f.minutes.length, 'minutes'),
        count(items.length, 'minute items'),
        count(items.reduce((n, i) => n + i.resolutions.length, 0), 'resolutions'),
        count(items.reduce((n, i) => n + i.votes.length, 0), 'votes'),
        count(attendance, 'attendance'),
        count(f.reports.length, 'reports'),
        count(f.workProgramme.length, 'work programme rows'),
        count(f.issues.length, 'issues'),
      ].join(', ')}`,
    );
  }
  const withIssues = corpus.files.filter((f) => f.issues.length > 0);
  out.push('');
  out.push(`${corpus.documents.length} files, ${corpus.committees.length} committees, ${corpus.meetings.length} meetings (${corpus.meetings.filter((m) => m.hasPapers).length} with papers), ${corpus.resolutions.length} resolutions`);
  out.push('', 'Calendar:');
  for (const m of corpus.meetings) {
    const from = [...new Set(m.records.map((r) => r.evidence))].join(', ');
    out.push(`  ${m.date} ${m.time ?? ''} ${m.canonicalCommittee}: ${m.status}${m.hasPapers ? ', papers' : ''} (from ${from})${m.conflicts.length > 0 ? ` — disagreement: ${m.conflicts.join(' ')}` : ''}`.replace(/ {2,}/gu, ' '));
  }
  out.push('');
  out.push(corpus.issues.length === 0 ? 'No parse issues.' : `${withIssues.length} of ${corpus.documents.length} files had issues:`);
  for (const i of corpus.issues) out.push(`  [${i.code}] ${i.message}`);
  return `${out.join('\n')}\n${coverageSummary(coverageOf(corpus))}`;
}

/** One line: files, pages (PDF pages, or "Page N" footers in text papers), papers, meetings, issues, seconds. */
export function ingestSummary(corpus: ParsedCorpus, seconds: number): string {
  // Files read plus files skipped; file-level issues are the ones without a line.
  const files = new Set([...corpus.documents.map((d) => d.file), ...corpus.issues.filter((i) => i.line === null).map((i) => i.file)]).size;
  // A file's last page is its page count; reduce, not Math.max(...pages), which overflows the stack on big files.
  const pages = corpus.files.reduce((n, f) => n + f.pages.reduce<number>((last, p) => Math.max(last, p ?? 0), 0), 0);
  return `papers: ${files} files, ${pages} pages, ${corpus.papers.length} papers, ${corpus.meetings.length} meetings, ${corpus.issues.length} issues in ${seconds.toFixed(1)} s\n`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`papers: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
