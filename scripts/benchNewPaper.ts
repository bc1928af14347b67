import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { prepareAnswers, prepareAnswersSoon } from '../src/answer';
import { createJsonLogger } from '../src/bot/logger';
import { loadPaperIndexAsync, paperParser, updatePaperIndex } from '../src/search';
import { IndexHolder, PapersWatcher } from '../src/watch';

/**
 * The time for a new paper to become searchable, measured in a fresh process as the bot runs: the
 * index loaded from its snapshot with its answer lookups, then a paper dropped into the folder and
 * timed until a search finds it. Run by bench.ts as
 * `node --import tsx scripts/benchNewPaper.ts <papersDir> <snapshotDir> <newPaperMB>`; prints JSON.
 */
const [papersDir, snapshotDir, newPaperMB] = process.argv.slice(2);
if (!papersDir || !snapshotDir) throw new Error('benchNewPaper: usage: benchNewPaper.ts <papersDir> <snapshotDir> [newPaperMB]');
const NEW_PAPER_MB = Number(newPaperMB ?? 0);
const ROOT = path.join(__dirname, '..');
const log = (line: string): void => void process.stderr.write(`${line}\n`);
const seconds = (since: number): number => (performance.now() - since) / 1000;

/** A word no paper holds, so the first search that finds it shows the new paper is in. */
const NEW_PAPER_WORD = 'zyxwarblequent';

/**
 * Drops a new paper (a sample paper with a unique word) into the served folder and times, as the bot
 * runs it (PapersWatcher with updatePaperIndex and the answer lookups, default timings), until a
 * search finds it, watching the event loop's delay meanwhile. The paper is removed afterwards, so the
 * folder stays as its snapshot was written.
 */
async function main(): Promise<void> {
  const loaded = await loadPaperIndexAsync(papersDir!, { snapshotDir: snapshotDir! });
  if (loaded.snapshotProblem || loaded.reparsed.length > 0) log(`benchNewPaper: the snapshot was not used cleanly: ${loaded.snapshotProblem ?? `${loaded.reparsed.length} papers read again`}`);
  prepareAnswers(loaded.index);
  const holder = new IndexHolder(loaded.index);
  const parser = paperParser();
  let updateS = 0;
  let prepareS = 0;
  const indexDelay = monitorEventLoopDelay({ resolution: 5 });
  const watcher = new PapersWatcher({
    dir: papersDir!,
    holder,
    logger: createJsonLogger('error', log),
    update: async (current, dir, changed) => {
      const t0 = performance.now();
      indexDelay.enable();
      const updated = await updatePaperIndex(current, dir, changed, {}, parser);
      indexDelay.disable();
      const t1 = performance.now();
      await prepareAnswersSoon(updated.index);
      prepareS = seconds(t1);
      updateS = seconds(t0);
      return updated;
    },
  });
  // As the bot does at start-up: the reader is loaded long before a paper arrives.
  await parser.warm();
  await watcher.start();
  // The first scan hashes every paper; the paper lands after it, into a watched, quiet folder.
  await watcher.scan();
  const file = path.join(papersDir!, 'zz-new-paper.txt');
  const one = readFileSync(path.join(ROOT, 'data', 'papers', '003_65cc75b47768e268.txt'), 'utf8');
  const sample = one.repeat(Math.max(1, Math.ceil((NEW_PAPER_MB * 1e6) / one.length)));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const t = performance.now();
  writeFileSync(file, `${sample}\nAny other business\n\nThe panel noted the ${NEW_PAPER_WORD} report.\n`);
  while (holder.current.searchPassages(NEW_PAPER_WORD, 1).length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  const searchableS = seconds(t);
  delay.disable();
  await watcher.stop();
  await parser.close();
  rmSync(file);
  const result = {
    newPaperSearchableS: searchableS,
    newPaperUpdateS: updateS,
    newPaperMaxEventLoopDelayMs: delay.max / 1e6,
    newPaperIndexMaxEventLoopDelayMs: indexDelay.max / 1e6,
    newPaperAnswerPrepareS: prepareS,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`benchNewPaper: failed\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
