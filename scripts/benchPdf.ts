import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { readPaperFolderAsync } from '../src/ingest';

/**
 * PDF reading against poppler's `pdftotext`, in one run: `npm run bench -- --pdf` (or the `pdf` key of
 * `npm run bench -- --json`), or alone: `node --import tsx scripts/benchPdf.ts [--json] [--rounds 3] [--copies N]`
 * (`--copies 6`: each PDF six times over, as a council's many packs, so starting the workers weighs less).
 *
 * Every PDF of ../shared/councils/<council>/papers and ../shared/papers is copied into one folder; then,
 * in each round, `pdftotext` reads them one file at a time (one process each, as a shell loop would),
 * and our reader reads the folder as the bot does (readPaperFolderAsync: pdf.js in paper workers, one
 * per core, each started afresh), then with one reader, as it read before. The machine is shared, so rounds alternate the two and the best
 * round of each is compared; CPU seconds are given too, being steadier than wall time under load.
 */

const ROOT = path.join(__dirname, '..');
const SHARED = path.join(ROOT, '..', 'shared');

export interface PdfBenchResult {
  readonly files: number;
  readonly mb: number;
  readonly rounds: number;
  /** Paper workers reading at once (os.availableParallelism()). */
  readonly readers: number;
  /** Best round's wall seconds, and CPU seconds of that round (pdftotext's processes; our process, all threads). */
  readonly pdftotextS: number;
  readonly pdftotextCpuS: number;
  readonly pdftotextMBPerS: number;
  readonly oursS: number;
  readonly oursCpuS: number;
  readonly oursMBPerS: number;
  /** Our reader with one paper worker (reading one paper at a time, as before issue 22), best round. */
  readonly oneReaderS: number;
  readonly oneReaderCpuS: number;
  /** pdftotext's seconds over ours: 1 or more means we read as fast as pdftotext or faster. */
  readonly speedRatio: number;
  /** Files our reader skipped with an issue (none expected). */
  readonly issues: readonly string[];
}

/** Where the bench takes its PDFs: every shared council's papers and the shared papers folder, when present. */
export function sharedPdfFolders(shared = SHARED): string[] {
  const councils = path.join(shared, 'councils');
  const folders = existsSync(councils) ? readdirSync(councils).sort().map((c) => path.join(councils, c, 'papers')) : [];
  return [...folders, path.join(shared, 'papers')].filter((dir) => existsSync(dir) && statSync(dir).isDirectory());
}

/** CPU seconds of this process's waited-for children (utime + stime of /proc/self/stat's cutime and cstime). */
function childrenCpuS(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  // Fields 16 and 17 of stat(5), counted from the state (field 3) at index 0; in clock ticks, 100 a second on Linux.
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function pdftotextVersion(): string | null {
  const run = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  return run.error ? null : (run.stderr || run.stdout).split('\n')[0]!.trim();
}

/**
 * Runs the comparison, or says why it cannot: no shared PDFs, or no pdftotext (Debian: `apt-get
 * install poppler-utils`).
 */
export async function runPdfBench(options: { rounds?: number; copies?: number; log?: (line: string) => void } = {}): Promise<PdfBenchResult | { readonly skipped: string }> {
  const log = options.log ?? ((): void => {});
  const rounds = options.rounds ?? 3;
  const copies = options.copies ?? 1;
  const version = pdftotextVersion();
  if (!version) return { skipped: 'pdftotext is not installed (Debian: apt-get install poppler-utils)' };
  const dir = mkdtempSync(path.join(tmpdir(), 'panel-papers-pdfs-'));
  try {
    for (const folder of sharedPdfFolders()) {
      const prefix = path.basename(path.dirname(folder));
      for (const name of readdirSync(folder).filter((n) => n.toLowerCase().endsWith('.pdf'))) {
        for (let k = 0; k < copies; k++) copyFileSync(path.join(folder, name), path.join(dir, `${prefix}__${k}__${name}`));
      }
    }
    const files = readdirSync(dir).sort();
    if (files.length === 0) return { skipped: `no PDFs in ${SHARED}/councils/*/papers or ${SHARED}/papers` };
    const mb = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0) / 1e6;
    log(`pdf: ${files.length} PDFs, ${mb.toFixed(1)} MB; ${version} one file at a time, then our reader (${availableParallelism()} readers), ${rounds} rounds`);
    const theirs: { s: number; cpuS: number }[] = [];
    const ours: { s: number; cpuS: number; issues: string[] }[] = [];
    const oneReader: { s: number; cpuS: number; issues: string[] }[] = [];
    const readOurs = async (readers: number): Promise<{ s: number; cpuS: number; issues: string[] }> => {
      const t = performance.now();
      const usage = process.cpuUsage();
      const folder = await readPaperFolderAsync(dir, { readers });
      const used = process.cpuUsage(usage);
      return { s: (performance.now() - t) / 1000, cpuS: (used.user + used.system) / 1e6, issues: folder.issues.map((i) => i.message) };
    };
    for (let round = 0; round < rounds; round++) {
      const t = performance.now();
      const cpu0 = childrenCpuS();
      for (const f of files) {
        const run = spawnSync('pdftotext', [path.join(dir, f), '/dev/null'], { stdio: 'ignore' });
        if (run.status !== 0) log(`pdf: pdftotext failed on ${f} (exit ${run.status})`);
      }
      theirs.push({ s: (performance.now() - t) / 1000, cpuS: childrenCpuS() - cpu0 });
      ours.push(await readOurs(availableParallelism()));
      oneReader.push(await readOurs(1));
      log(`pdf: round ${round + 1}: pdftotext ${theirs.at(-1)!.s.toFixed(2)} s, ours ${ours.at(-1)!.s.toFixed(2)} s (one reader ${oneReader.at(-1)!.s.toFixed(2)} s)`);
    }
    const best = <T extends { s: number }>(xs: readonly T[]): T => xs.reduce((a, b) => (b.s < a.s ? b : a));
    const p = best(theirs);
    const o = best(ours);
    const one = best(oneReader);
    return {
      files: files.length,
      mb,
      rounds,
      readers: availableParallelism(),
      pdftotextS: p.s,
      pdftotextCpuS: p.cpuS,
      pdftotextMBPerS: mb / p.s,
      oursS: o.s,
      oursCpuS: o.cpuS,
      oursMBPerS: mb / o.s,
      oneReaderS: one.s,
      oneReaderCpuS: one.cpuS,
      speedRatio: p.s / o.s,
      issues: o.issues,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The comparison in two lines, for the bench's table. */
export function pdfBenchLines(result: PdfBenchResult | { readonly skipped: string }): string[] {
  if ('skipped' in result) return [`PDF reading: skipped: ${result.skipped}`];
  const f = (n: number): string => n.toFixed(2);
  return [
    `PDF reading (${result.files} PDFs, ${result.mb.toFixed(1)} MB, best of ${result.rounds} rounds):`,
    `  pdftotext one file at a time ${f(result.pdftotextS)} s (${f(result.pdftotextMBPerS)} MB/s, CPU ${f(result.pdftotextCpuS)} s); ours, ${result.readers} readers, ${f(result.oursS)} s (${f(result.oursMBPerS)} MB/s, CPU ${f(result.oursCpuS)} s); one reader ${f(result.oneReaderS)} s (CPU ${f(result.oneReaderCpuS)} s); pdftotext s / ours s ${f(result.speedRatio)}${result.issues.length > 0 ? `; ${result.issues.length} skipped: ${result.issues[0]}` : ''}`,
  ];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const k = args.indexOf('--rounds');
  const c = args.indexOf('--copies');
  runPdfBench({ rounds: k >= 0 ? Number(args[k + 1]) : 3, copies: c >= 0 ? Number(args[c + 1]) : 1, log: (line) => void process.stderr.write(`${line}\n`) })
    .then((result) => process.stdout.write(args.includes('--json') ? `${JSON.stringify(result)}\n` : `${pdfBenchLines(result).join('\n')}\n`))
    .catch((error: unknown) => {
      process.stderr.write(`benchPdf: failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}
