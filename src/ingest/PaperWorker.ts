import { extname, join } from 'node:path';
import { parentPort, Worker } from 'node:worker_threads';
import type { ParseIssue } from '../model';
import type { PaperLimits } from './paperLimits';
import { fileIssue, readPaperFile, type PaperFileResult } from './readPaperFile';
import { readPdfFile } from './readPdfFile';

/** One paper for a worker to read (and, with the search stage's script, parse). */
export interface PaperJob {
  readonly path: string;
  readonly name: string;
  readonly limits: PaperLimits;
}

/** What a worker sends back for one paper: the file read, and whatever its script adds (the parser's records). */
export interface PaperReply<E> {
  readonly result: PaperFileResult;
  readonly extra?: E;
}

/** Reads one paper of any kind this version reads: text, HTML or PDF. Inside a worker only (PDFs need it). */
export function readPaper({ path, name, limits }: PaperJob): Promise<PaperFileResult> {
  return extname(name).toLowerCase() === '.pdf' ? readPdfFile(path, name, limits) : Promise.resolve(readPaperFile(path, name, limits));
}

/**
 * A worker module's path: TypeScript when the code runs from source (npm start, the CLI, jest),
 * JavaScript in the build. `base` is the module's name without extension, in `dir`.
 */
export function workerScript(dir: string, base: string): string {
  return join(dir, `${base}${extname(__filename) === '.ts' ? '.ts' : '.js'}`);
}

/** What a worker posts once its script has loaded, before any job: from then on a failure is a paper's. */
const READY = 'paper-worker-ready';

/**
 * No paper worker could start: its entry file is missing, it fails to load, or the runtime refuses
 * the worker. That is the bot's own fault, not any paper's, so no paper is reported or skipped for it.
 */
export class PaperWorkerStartError extends Error {
  constructor(
    readonly script: string,
    reason: string,
  ) {
    super(`ingest: the paper reader (${script}) could not start: ${reason}. This is a fault of the installation, not of any paper: check that the build is complete (npm run build) and the Node version (22).`);
    this.name = 'PaperWorkerStartError';
  }
}

/** In a worker module: answers each job with `handle`. A throw (a stack overflow in a parser) is that paper's issue. */
export function servePaperJobs<E>(handle: (job: PaperJob) => Promise<PaperReply<E>>): void {
  parentPort?.postMessage(READY);
  parentPort?.on('message', async ({ id, job }: { id: number; job: PaperJob }) => {
    let reply: PaperReply<E>;
    try {
      reply = await handle(job);
    } catch (error) {
      reply = { result: fileIssue(job.name, 'over_budget', `ingest: ${job.name} could not be read: ${describe(error)}; skipped until it changes`) };
    }
    parentPort?.postMessage({ id, reply });
  });
}

/**
 * Reads papers one at a time in a worker thread with a time and memory budget, so that no paper,
 * however built, can stall or crash the bot: a worker over its time is stopped, one out of memory
 * dies alone, and either way that paper is reported by name with the reason and the next paper gets
 * a fresh worker. Rejects only with PaperWorkerStartError, when a worker fails before its script has
 * loaded (posted READY): no paper was read then, so none is to blame. Call `close()` when done.
 */
export class PaperWorker<E> {
  #worker: Worker | null = null;
  /** Whether the current worker's script has loaded. */
  #ready = false;
  #nextId = 0;

  constructor(
    private readonly script: string,
    private readonly limits: PaperLimits,
  ) {}

  read(path: string, name: string): Promise<PaperReply<E>> {
    let worker: Worker;
    try {
      worker = this.#start();
    } catch (error) {
      return Promise.reject(new PaperWorkerStartError(this.script, describe(error)));
    }
    const id = this.#nextId++;
    const { timeoutMs, memoryMb } = this.limits;
    return new Promise((resolve, reject) => {
      const settle = (broken: boolean): void => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
        // A worker that ran out of time or memory is replaced on the next read, never trusted again.
        if (broken && this.#worker === worker) {
          this.#worker = null;
          void worker.terminate();
        }
      };
      const fail = (why: string): void => {
        settle(true);
        // Before its script loaded the worker never saw this paper: the failure is the reader's own.
        if (this.#ready) resolve({ result: { issue: overBudgetIssue(name, why) } });
        else reject(new PaperWorkerStartError(this.script, why));
      };
      // The paper's time runs from when the reader is ready: starting one (compiling from source on a
      // loaded machine) is not the paper's cost, and a reader that never starts is not the paper's fault.
      const budget = (): NodeJS.Timeout => setTimeout(() => fail(`it took longer than ${timeoutMs / 1000} s to read (PAPER_READ_SECONDS)`), timeoutMs);
      const onMessage = (message: { id: number; reply: PaperReply<E> } | typeof READY): void => {
        if (message === READY) {
          this.#ready = true;
          clearTimeout(timer);
          timer = budget();
        } else if (message.id === id) {
          settle(false);
          resolve(message.reply);
        }
      };
      const onError = (error: Error & { code?: string }): void =>
        fail(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `it needed more than ${memoryMb} MB of memory (PAPER_READ_MEMORY_MB)` : `its reader failed (${describe(error)})`);
      const onExit = (code: number): void => fail(`its reader stopped (exit code ${code})`);
      let timer = this.#ready ? budget() : setTimeout(() => fail(`it did not start within ${START_MS / 1000} s`), START_MS);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      worker.postMessage({ id, job: { path, name, limits: this.limits } satisfies PaperJob });
    });
  }

  /**
   * Starts the worker now, so that the first paper does not wait for it (loading the readers from
   * source takes seconds). Never rejects: a worker that cannot start is reported by the next read.
   */
  warm(): Promise<void> {
    let worker: Worker;
    try {
      worker = this.#start();
    } catch {
      return Promise.resolve();
    }
    if (this.#ready) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (failed: boolean): void => {
        worker.off('message', onMessage).off('error', onFailure).off('exit', onFailure);
        // The next read starts a fresh worker, and says why if that one cannot start either.
        if (failed && this.#worker === worker) this.#worker = null;
        resolve();
      };
      const onMessage = (message: unknown): void => {
        if (message !== READY) return;
        this.#ready = true;
        done(false);
      };
      const onFailure = (): void => done(true);
      worker.on('message', onMessage).on('error', onFailure).on('exit', onFailure);
    });
  }

  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    if (worker) await worker.terminate();
  }

  #start(): Worker {
    if (!this.#worker) {
      this.#ready = false;
      const fromSource = extname(this.script) === '.ts';
      // From source the worker compiles TypeScript as the bot does (tsx), through tsx's require hook:
      // Node 20 does not apply `--import` loader hooks to a worker's entry. A build runs JavaScript.
      this.#worker = new Worker(fromSource ? `require(${JSON.stringify(TSX_REQUIRE_HOOK)}); require(${JSON.stringify(this.script)});` : this.script, {
        eval: fromSource,
        resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB, stackSizeMb: STACK_MB },
      });
      // An idle worker must not keep the process alive; a pending read's timer does while it waits.
      this.#worker.unref();
    }
    return this.#worker;
  }
}

/** tsx's require hook, by path: resolved from here, not from the working directory, which may be anywhere. */
const TSX_REQUIRE_HOOK = extname(__filename) === '.ts' ? require.resolve('tsx/cjs') : '';
const YOUNG_GENERATION_MB = 64;
/** Loading the reader from source compiles it; on a loaded machine that can take many seconds. */
const START_MS = 120_000;
/** Node's default; the readers are iterative, so a deep document does not need more. */
const STACK_MB = 4;

export function overBudgetIssue(file: string, why: string): ParseIssue {
  return { code: 'over_budget', message: `ingest: ${file} was not indexed: ${why}; skipped until it changes`, file, line: null };
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
