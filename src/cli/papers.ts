import { join } from 'node:path';
import { progressBar, readPaperFolderAsync } from '../ingest';
import { formatDate, parsePapers, type ParsedCorpus } from '../parse';

/**
 * `npm run papers [-- --json] [-- --dir DIR]`: what the parser found in each paper, for a person or as JSON.
 */
async function main(argv: readonly string[]): Promise<void> {
  const dirAt = argv.indexOf('--dir');
  const dir = dirAt >= 0 && argv[dirAt + 1] ? argv[dirAt + 1]! : join(__dirname, '..', '..', 'data', 'papers');
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
    papers: corpus.papers,
    minutes: corpus.minutes,
    reports: corpus.reports,
    workProgramme: corpus.workProgramme,
    issues: corpus.issues,
  };
}

function summary(corpus: ParsedCorpus): string {
  const out: string[] = [];
  for (const f of corpus.files) {
    const resolutions = f.minutes.reduce((n, m) => n + m.items.reduce((k, i) => k + i.resolutions.length, 0), 0);
    const votes = f.minutes.reduce((n, m) => n + m.items.reduce((k, i) => k + i.votes.length, 0), 0);
    out.push(`${f.file} (${f.layout})`);
    out.push(`  papers ${f.papers.length}: ${f.papers.map((p) => `${p.kind} "${p.title}" (lines ${p.source.lineStart}-${p.source.lineEnd})`).join('; ')}`);
    out.push(`  meetings dated: ${[...new Set(f.meetings.map((m) => formatDate(m.date)))].join(', ') || 'none'}`);
    out.push(`  agenda items ${f.agendaItems.length}, minutes ${f.minutes.length}, minute items ${f.minutes.reduce((n, m) => n + m.items.length, 0)}, resolutions ${resolutions}, votes ${votes}, reports ${f.reports.length}, work programme rows ${f.workProgramme.length}, issues ${f.issues.length}`);
  }
  const withIssues = corpus.files.filter((f) => f.issues.length > 0);
  out.push('');
  out.push(`${corpus.documents.length} files, ${corpus.meetings.length} meetings (${corpus.meetings.filter((m) => m.hasPapers).length} with papers), ${corpus.resolutions.length} resolutions`);
  out.push(corpus.issues.length === 0 ? 'No parse issues.' : `${withIssues.length} of ${corpus.documents.length} files had issues:`);
  for (const i of corpus.issues) out.push(`  [${i.code}] ${i.message}`);
  return `${out.join('\n')}\n`;
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
