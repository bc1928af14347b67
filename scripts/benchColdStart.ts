import { prepareAnswers } from '../src/answer';
import { loadPaperIndex } from '../src/search';

/**
 * Cold start, measured in a fresh process: load the index from its snapshot (hashing every paper to
 * find changes) and build the answer lookups, then print the seconds since the process started and the heap it holds. Run by
 * bench.ts as `node --expose-gc --import tsx scripts/benchColdStart.ts <papersDir> <snapshotDir>`.
 */
const [papersDir, snapshotDir] = process.argv.slice(2);
if (!papersDir || !snapshotDir) throw new Error('benchColdStart: usage: benchColdStart.ts <papersDir> <snapshotDir>');
const started = performance.now();
const loaded = loadPaperIndex(papersDir, { snapshotDir });
// The bot also builds the answer lookups before it serves: part of its cold start, and of its heap.
prepareAnswers(loaded.index);
const loadS = (performance.now() - started) / 1000;
// performance.now() counts from process start: this includes starting Node and loading the modules.
const processS = performance.now() / 1000;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ loadS, processS, fromSnapshot: loaded.fromSnapshot, reparsed: loaded.reparsed.length, problem: loaded.snapshotProblem ?? null, heapMB: memory.heapUsed / 1e6, arrayBuffersMB: memory.arrayBuffers / 1e6, rssMB: memory.rss / 1e6, passages: loaded.index.stats.passages })}\n`,
);
