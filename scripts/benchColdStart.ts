import { answerQuestion, prepareAnswers } from '../src/answer';
import { loadPaperIndex } from '../src/search';

/**
 * Cold start, measured in a fresh process: load the index from its snapshot (checking every paper for
 * changes), answer a first question (which builds the answer lookups it needs), then build the rest of
 * the lookups, as the bot does between its first requests. Prints the seconds to the first answer, in
 * process and since the process started, and the heap once everything is built. Run by bench.ts as
 * `node --expose-gc --import tsx scripts/benchColdStart.ts <papersDir> <snapshotDir>`.
 */
/** A question that reads the minutes' decisions, the meetings and the papers' text: a usual first question's work. */
const FIRST_QUESTION = 'what did the panel resolve on the social work health check';
const [papersDir, snapshotDir] = process.argv.slice(2);
if (!papersDir || !snapshotDir) throw new Error('benchColdStart: usage: benchColdStart.ts <papersDir> <snapshotDir>');
const started = performance.now();
const loaded = loadPaperIndex(papersDir, { snapshotDir });
const indexS = (performance.now() - started) / 1000;
answerQuestion(loaded.index, { text: FIRST_QUESTION, asOf: '2023-08-01' });
const loadS = (performance.now() - started) / 1000;
// performance.now() counts from process start: this includes starting Node and loading the modules.
const processS = performance.now() / 1000;
const t = performance.now();
// The lookups no question has needed yet: the bot builds them between requests (prepareAnswersSoon), not before serving.
prepareAnswers(loaded.index);
const restS = (performance.now() - t) / 1000;
(globalThis as { gc?: () => void }).gc?.();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({ loadS, processS, indexS, restS, fromSnapshot: loaded.fromSnapshot, reparsed: loaded.reparsed.length, problem: loaded.snapshotProblem ?? null, heapMB: memory.heapUsed / 1e6, arrayBuffersMB: memory.arrayBuffers / 1e6, rssMB: memory.rss / 1e6, passages: loaded.index.stats.passages })}\n`,
);
