import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { answerQuestion, prepareAnswers } from '../src/answer';
import { readPaperFolderAsync } from '../src/ingest';
import { parsePapers } from '../src/parse';
import { PaperIndex } from '../src/search';
import { SNAPSHOT_FILE, writeSnapshot } from '../src/search/snapshot';
import { writeSyntheticCorpus } from './benchCorpus';
import { runHttpBench, percentile, type HttpResult } from './benchHttp';
import { benchQuestions, freshQuestions } from './benchQuestions';
import { pdfBenchLines, runPdfBench, type PdfBenchResult } from './benchPdf';

/**
 * `npm run bench [-- --sizes 10,100] [--json] [--new-paper-mb N] [--url http://127.0.0.1:3978] [--no-http | --http-only] [--no-answer-cache] [--instances N] [--no-pdf | --pdf]`
 *
 * Builds synthetic archives from the sample papers and every shared council's papers at each size (scripts/benchCorpus.ts), then measures ingest, index build,
 * snapshot write and cold start, heap, and answer latency per question kind, next to plain minisearch
 * (default options, OR) searching the same passages. Then loads the bot over HTTP on the largest size.
 * The table (or with --json one JSON object) goes to stdout; progress goes to stderr.
 * `--http-only` skips the size runs and loads the bot over the largest size's papers and snapshot
 * left by an earlier run (the HTTP figure alone, in a minute instead of ten). The HTTP mode runs twice:
 * with the bot's answer cache on and the bench's questions in turn (`http`), then with it off and
 * questions that never repeat (`httpFresh`: fresh answers a second). `--no-answer-cache` runs only the second.
 * `--new-paper-mb 200` makes the paper dropped into each size's folder (the time for a new paper to
 * become searchable) that big, by repeating a sample paper; by default it is one sample paper.
 * `--instances 2` starts two bots on the same papers and spreads the conversations over them, as two
 * instances behind a load balancer (docs/deploy.md, "Two instances").
 * PDF reading is timed against poppler's pdftotext on the shared councils' PDFs (scripts/benchPdf.ts):
 * the `pdf` key, a line of the table; `--pdf` runs that alone, `--no-pdf` leaves it out.
 */

const ROOT = path.join(__dirname, '..');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const k = args.indexOf(name);
  return k >= 0 ? args[k + 1] : undefined;
};
const SIZES_MB = (flag('--sizes') ?? '10,100').split(',').map(Number).filter((n) => n > 0);
const JSON_OUT = args.includes('--json');
const HTTP_ONLY = args.includes('--http-only');
/** Requests per HTTP run. */
const HTTP_REQUESTS = 2_000;
/** The new paper's size in MB (a sample paper repeated); 0 for the sample paper as it is. */
const NEW_PAPER_MB = Number(flag('--new-paper-mb') ?? 0);
const PDF_ONLY = args.includes('--pdf');
const WORK = path.join(tmpdir(), 'panel-papers-bench');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => log('bench: run with --expose-gc for exact heap figures'));

interface SizeResult {
  sizeMB: number;
  files: number;
  passages: number;
  ingestMBPerS: number;
  parseS: number;
  indexBuildS: number;
  snapshotMB: number;
  snapshotWriteS: number;
  /** Building the answer engine's lookups once after loading (the bot does it at start-up). */
  answerPrepareS: number;
  /** From the snapshot to the first answer, in process (the index, then what the first answer needs). */
  coldStartS: number;
  /** The same, since the fresh process started (Node and the modules too). */
  coldStartProcessS: number;
  /** Of coldStartS, the index alone (reading the snapshot, checking the papers, the probe searches). */
  coldStartIndexS: number;
  /** The answer lookups no first question needed, which the bot builds between its first requests. */
  coldStartLaterS: number;
  heapMBPerTextMB: number;
  /** Heap plus typed arrays and buffers (postings, line offsets), which V8 keeps outside the heap. */
  heapAndBuffersMBPerTextMB: number;
  rssMBPerTextMB: number;
  answerP50Ms: number;
  answerP95Ms: number;
  answerP99Ms: number;
  byKind: Record<string, { n: number; p50Ms: number; p95Ms: number; p99Ms: number }>;
  rawMinisearchP50Ms: number;
  rawMinisearchP99Ms: number;
  /** Plain minisearch's searches a second over the bench's questions, one after another: the baseline beside the HTTP rates. */
  rawMinisearchPerS: number;
  /** The baseline for a new paper: reading, parsing and indexing the whole folder again (ingest + parse + build, this run). */
  fullRebuildS: number;
  /** From a new paper's file landing in the served folder to a search finding its unique word (the watcher's settle time included). */
  newPaperSearchableS: number;
  /** Of which changing the index in place and its answer lookups, once the watcher saw the paper settled. */
  newPaperUpdateS: number;
  /** The longest the event loop was held meanwhile: what a /livez request could have waited. */
  newPaperMaxEventLoopDelayMs: number;
  /** The same while the index alone was changed (updatePaperIndex), without the answer lookups' rebuild. */
  newPaperIndexMaxEventLoopDelayMs: number;
  /** Rebuilding the answer lookups for the changed index (in three turns of the event loop). */
  newPaperAnswerPrepareS: number;
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

async function benchSize(sizeMB: number): Promise<SizeResult> {
  const papersDir = path.join(WORK, `papers-${sizeMB}`);
  const snapshotDir = path.join(WORK, `index-${sizeMB}`);
  log(`${sizeMB} MB: writing synthetic papers to ${papersDir}`);
  const textMB = (await writeSyntheticCorpus(papersDir, sizeMB, log)) / 1e6;
  gc();
  const heapBefore = process.memoryUsage().heapUsed;

  let t = performance.now();
  // Read as the bot reads (paper workers, one per core), since the corpus holds PDFs.
  const folder = await readPaperFolderAsync(papersDir);
  const ingestS = seconds(t);
  t = performance.now();
  const corpus = parsePapers(folder.documents, folder.issues);
  const parseS = seconds(t);
  log(`${sizeMB} MB: read ${folder.documents.length} files in ${ingestS.toFixed(1)} s, parsed in ${parseS.toFixed(1)} s; indexing`);
  t = performance.now();
  const index = PaperIndex.build(corpus);
  const indexBuildS = seconds(t);
  gc();
  const memory = process.memoryUsage();

  log(`${sizeMB} MB: indexed ${index.stats.passages} passages in ${indexBuildS.toFixed(1)} s; writing the snapshot`);
  rmSync(snapshotDir, { recursive: true, force: true });
  t = performance.now();
  writeSnapshot(snapshotDir, index);
  const snapshotWriteS = seconds(t);
  const snapshotMB = statSync(path.join(snapshotDir, SNAPSHOT_FILE)).size / 1e6;

  log(`${sizeMB} MB: cold start from the snapshot in a fresh process`);
  const cold = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8192', path.join(__dirname, 'benchColdStart.ts'), papersDir, snapshotDir], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { loadS: number; processS: number; indexS: number; restS: number; fromSnapshot: boolean; problem: string | null; heapMB: number; arrayBuffersMB: number };
  if (!cold.fromSnapshot || cold.problem) log(`${sizeMB} MB: cold start did not use the snapshot cleanly: ${cold.problem ?? 'no snapshot'}`);
  // Logged as they come, so a long run that dies later (plain minisearch at 1 GB) still leaves its figures.
  log(`${sizeMB} MB: build RSS ${(memory.rss / 1e6).toFixed(0)} MB, heap ${(memory.heapUsed / 1e6).toFixed(0)} MB; snapshot ${snapshotMB.toFixed(0)} MB written in ${snapshotWriteS.toFixed(1)} s; cold start ${cold.loadS.toFixed(2)} s load / ${cold.processS.toFixed(2)} s process, heap ${cold.heapMB.toFixed(0)} MB + buffers ${cold.arrayBuffersMB.toFixed(0)} MB`);

  log(`${sizeMB} MB: answering`);
  // The bot builds the answer lookups once after loading (index.ts); time that apart from answers.
  t = performance.now();
  prepareAnswers(index);
  const prepareS = (performance.now() - t) / 1000;
  const questions = benchQuestions();
  const byKind = new Map<string, number[]>();
  const all: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    answerQuestion(index, { text: q.text, asOf: q.asOf });
    const ms = performance.now() - t0;
    all.push(ms);
    byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
  }

  log(`${sizeMB} MB: a new paper dropped into the folder a bot restarted from the snapshot serves`);
  const newPaper = JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', path.join(__dirname, 'benchNewPaper.ts'), papersDir, snapshotDir, String(NEW_PAPER_MB)], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as Pick<SizeResult, 'newPaperSearchableS' | 'newPaperUpdateS' | 'newPaperMaxEventLoopDelayMs' | 'newPaperIndexMaxEventLoopDelayMs' | 'newPaperAnswerPrepareS'>;

  const answered = [...all].sort((a, b) => a - b);
  log(`${sizeMB} MB: answers p50 / p95 / p99 ${[0.5, 0.95, 0.99].map((q) => percentile(answered, q).toFixed(1)).join(' / ')} ms (lookups built in ${prepareS.toFixed(2)} s)`);
  log(`${sizeMB} MB: plain minisearch on the same passages`);
  const raw = new MiniSearch({ fields: ['text', 'title', 'item'] });
  raw.addAll(index.passages);
  const rawTimes = questions.map((q) => {
    const t0 = performance.now();
    raw.search(q.text);
    return performance.now() - t0;
  });

  log(`${sizeMB} MB: heap after building ${((memory.heapUsed - heapBefore) / 1e6 / textMB).toFixed(2)} MB per MB of text (the table gives the heap after a cold start)`);
  const sorted = (xs: number[]): number[] => [...xs].sort((a, b) => a - b);
  const allSorted = sorted(all);
  const rawSorted = sorted(rawTimes);
  return {
    sizeMB,
    files: index.stats.files,
    passages: index.stats.passages,
    ingestMBPerS: textMB / ingestS,
    parseS,
    indexBuildS,
    snapshotMB,
    snapshotWriteS,
    answerPrepareS: prepareS,
    coldStartS: cold.loadS,
    coldStartProcessS: cold.processS,
    coldStartIndexS: cold.indexS,
    coldStartLaterS: cold.restS,
    // The fresh process holds only the loaded index: the cleanest heap figure. The build-side figure is logged.
    heapMBPerTextMB: cold.heapMB / textMB,
    heapAndBuffersMBPerTextMB: (cold.heapMB + cold.arrayBuffersMB) / textMB,
    rssMBPerTextMB: memory.rss / 1e6 / textMB,
    answerP50Ms: percentile(allSorted, 0.5),
    answerP95Ms: percentile(allSorted, 0.95),
    answerP99Ms: percentile(allSorted, 0.99),
    byKind: Object.fromEntries(
      [...byKind].map(([kind, xs]) => {
        const s = sorted(xs);
        return [kind, { n: s.length, p50Ms: percentile(s, 0.5), p95Ms: percentile(s, 0.95), p99Ms: percentile(s, 0.99) }];
      }),
    ),
    rawMinisearchP50Ms: percentile(rawSorted, 0.5),
    rawMinisearchP99Ms: percentile(rawSorted, 0.99),
    rawMinisearchPerS: rawTimes.length / (rawTimes.reduce((a, b) => a + b, 0) / 1000),
    fullRebuildS: ingestS + parseS + indexBuildS,
    ...newPaper,
  };
}

type HttpRun = HttpResult & { sizeMB: number; answerCache: boolean };

function table(sizes: readonly SizeResult[], http: HttpRun | undefined, httpFresh: HttpRun | undefined, pdf: PdfBenchResult | { skipped: string } | null): string {
  const f = (n: number, d = 1): string => n.toFixed(d);
  const rows: [string, (r: SizeResult) => string][] = [
    ['files / passages', (r) => `${r.files} / ${r.passages}`],
    ['ingest MB/s', (r) => f(r.ingestMBPerS)],
    ['parse s', (r) => f(r.parseS)],
    ['index build s', (r) => f(r.indexBuildS)],
    ['snapshot MB', (r) => f(r.snapshotMB, 0)],
    ['snapshot write s', (r) => f(r.snapshotWriteS)],
    ['answer lookups build s (once, at start)', (r) => f(r.answerPrepareS, 2)],
    ['cold start from snapshot to first answer s (in process / whole process)', (r) => `${f(r.coldStartS, 2)} / ${f(r.coldStartProcessS, 2)}`],
    ['  of which the index s; lookups built later s', (r) => `${f(r.coldStartIndexS, 2)}; ${f(r.coldStartLaterS, 2)}`],
    ['heap MB per MB of text', (r) => f(r.heapMBPerTextMB, 2)],
    ['heap + array buffers MB per MB of text', (r) => f(r.heapAndBuffersMBPerTextMB, 2)],
    ['RSS MB per MB of text (bench process)', (r) => f(r.rssMBPerTextMB, 2)],
    ['answer p50 / p95 / p99 ms', (r) => `${f(r.answerP50Ms)} / ${f(r.answerP95Ms)} / ${f(r.answerP99Ms)}`],
    ...[...new Set(sizes.flatMap((s) => Object.keys(s.byKind)))].map(
      (kind): [string, (r: SizeResult) => string] => [`  ${kind} p50 / p95 / p99 ms`, (r) => (r.byKind[kind] ? `${f(r.byKind[kind].p50Ms)} / ${f(r.byKind[kind].p95Ms)} / ${f(r.byKind[kind].p99Ms)}` : '')],
    ),
    ['plain minisearch p50 / p99 ms', (r) => `${f(r.rawMinisearchP50Ms)} / ${f(r.rawMinisearchP99Ms)}`],
    ['plain minisearch searches/s', (r) => f(r.rawMinisearchPerS, 2)],
    ['answer p99 / plain minisearch p99', (r) => f(r.answerP99Ms / r.rawMinisearchP99Ms, 2)],
    ['new paper searchable s (of which update) / full rebuild s', (r) => `${f(r.newPaperSearchableS, 2)} (${f(r.newPaperUpdateS, 2)}) / ${f(r.fullRebuildS)}`],
    ['max event-loop delay while it is added ms (index alone)', (r) => `${f(r.newPaperMaxEventLoopDelayMs)} (${f(r.newPaperIndexMaxEventLoopDelayMs)})`],
    ['  answer lookups rebuilt for it s', (r) => f(r.newPaperAnswerPrepareS, 2)],
  ];
  const header = ['', ...sizes.map((s) => `${s.sizeMB} MB`)];
  const body = rows.map(([name, cell]) => [name, ...sizes.map(cell)]);
  const widths = header.map((_, k) => Math.max(...[header, ...body].map((row) => row[k]!.length)));
  const line = (row: string[]): string => row.map((c, k) => (k === 0 ? c.padEnd(widths[k]!) : c.padStart(widths[k]!))).join('  ');
  const out = sizes.length > 0 ? [line(header), ...body.map(line)] : [];
  const httpLine = (label: string, run: HttpRun): string =>
    run.httpFailure
      ? `HTTP ${label}(${run.sizeMB} MB): FAILED: ${run.httpFailure}`
      : `HTTP ${label}(${run.sizeMB} MB, ${Number(flag('--instances') ?? 1)} instance(s), answer cache ${flag('--url') ? 'as the bot was started' : run.answerCache ? 'on' : 'off'}): ${f(run.httpAnswersPerS)} answers/s, p50 ${f(run.httpP50Ms)} ms, p99 ${f(run.httpP99Ms)} ms, ${run.httpErrors} errors of ${run.httpRequests}${run.httpServerCpuMsPerRequest === null ? '' : `, bot CPU ${f(run.httpServerCpuMsPerRequest, 2)} ms a request`}`;
  if (http) out.push('', httpLine('', http));
  if (httpFresh && httpFresh !== http) out.push(httpLine('never-repeated questions ', httpFresh));
  if (pdf) out.push('', ...pdfBenchLines(pdf));
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  const sizes: SizeResult[] = [];
  for (const size of HTTP_ONLY || PDF_ONLY ? [] : SIZES_MB) sizes.push(await benchSize(size));
  const pdf = HTTP_ONLY || args.includes('--no-pdf') ? null : await runPdfBench({ log });
  let http: HttpRun | undefined;
  let httpFresh: HttpRun | undefined;
  if (!args.includes('--no-http') && !PDF_ONLY) {
    const largest = Math.max(...SIZES_MB);
    if (HTTP_ONLY && !existsSync(path.join(WORK, `index-${largest}`, SNAPSHOT_FILE))) {
      throw new Error(`bench: --http-only needs the ${largest} MB papers and snapshot of an earlier run in ${WORK}; run \`npm run bench -- --sizes ${largest} --no-http\` first`);
    }
    const NO_CACHE = args.includes('--no-answer-cache');
    const httpRun = async (answerCache: boolean): Promise<HttpRun> => {
      log(`http: loading the bot over ${largest} MB of papers (answer cache ${answerCache ? 'on, the bench questions in turn' : 'off, questions never repeated'})`);
      const result = await runHttpBench({
        url: flag('--url'),
        papersDir: path.join(WORK, `papers-${largest}`),
        snapshotDir: path.join(WORK, `index-${largest}`),
        // Without the cache, no question repeats: a repeat would still find the index's own caches warm.
        questions: answerCache ? benchQuestions() : freshQuestions(HTTP_REQUESTS),
        answerCache,
        instances: Number(flag('--instances') ?? 1),
        requests: HTTP_REQUESTS,
        concurrency: 8,
        maxSeconds: 60,
        startSeconds: 300,
        log,
      });
      if (result.httpFailure || result.httpErrors > 0) process.exitCode = 1;
      return { sizeMB: largest, answerCache, ...result };
    };
    http = await httpRun(!NO_CACHE);
    // Fresh answers a second (cache off, never-repeated questions) is a figure of its own: measured too when `http` had the cache on.
    httpFresh = NO_CACHE ? http : await httpRun(false);
  }
  process.stdout.write(JSON_OUT ? `${JSON.stringify({ sizes, http: http ?? null, httpFresh: httpFresh ?? null, pdf })}\n` : table(sizes, http, httpFresh, pdf));
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
