import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SNAPSHOT_FILE } from '../src/search/snapshot';
import type { BenchQuestion } from './benchQuestions';

/**
 * The HTTP mode: questions POSTed to the bot's `/api/messages` as Teams-shaped message activities with
 * `deliveryMode: 'expectReplies'`, so each answer comes back in the HTTP response (the contract of
 * src/server/startServer.ts). Loopback only; bounded by a request count and a time limit.
 */
export interface HttpOptions {
  /** A running bot to load, e.g. http://127.0.0.1:3978; without it the bench starts one on `papersDir`. */
  readonly url?: string | undefined;
  readonly papersDir: string;
  /**
   * A snapshot of `papersDir` (the size run's): the started bot restarts from it, as a bot in service
   * does, instead of building the index in the process it then serves from.
   */
  readonly snapshotDir?: string | undefined;
  readonly questions: readonly BenchQuestion[];
  /**
   * False starts the bot with ANSWER_CACHE_SIZE=0: every request is answered afresh, as if no
   * question were asked twice (the bench's 33 questions repeat about 60 times each in 2,000 requests).
   */
  readonly answerCache: boolean;
  /**
   * How many bots to start, each a process of its own on its own port, as instances behind a load
   * balancer that keeps a conversation on one instance (a Teams 1:1 chat always reaches the same one).
   */
  readonly instances?: number | undefined;
  readonly requests: number;
  readonly concurrency: number;
  readonly maxSeconds: number;
  /** How long a started bot may take to index the papers and answer /healthz. */
  readonly startSeconds: number;
  readonly log: (line: string) => void;
}

export interface HttpResult {
  readonly httpAnswersPerS: number;
  readonly httpP50Ms: number;
  readonly httpP99Ms: number;
  readonly httpErrors: number;
  readonly httpRequests: number;
  /**
   * The started bot's CPU (user + system) per request over the run, from /proc: steadier than
   * answers/s on a machine whose cores other work shares. Null with --url or without /proc.
   */
  readonly httpServerCpuMsPerRequest: number | null;
  /** Why the mode could not run, when it could not. */
  readonly httpFailure?: string;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export async function runHttpBench(options: HttpOptions): Promise<HttpResult> {
  let bots: { url: string; pid?: number | undefined; stop: () => Promise<void> }[] = [];
  try {
    if (options.url && !LOOPBACK.has(new URL(options.url).hostname)) throw new Error(`bench: --url must be on loopback (127.0.0.1), not ${options.url}`);
    const instances = options.url ? 1 : Math.max(1, options.instances ?? 1);
    // Started one after another: each reads the snapshot and builds its lookups, which is the start's peak.
    for (let k = 0; k < instances; k++) {
      const bot = options.url ? { url: options.url, stop: async () => undefined } : await startBot(options);
      bots.push(bot);
      await waitForHealth(bot.url, options.url ? 5 : options.startSeconds);
    }
    const cpu = (): number | null => bots.reduce<number | null>((sum, b) => { const ms = cpuMs(b.pid); return sum === null || ms === null ? null : sum + ms; }, 0);
    const cpuBefore = cpu();
    const result = await load(bots.map((b) => b.url), options);
    const cpuAfter = cpu();
    const perRequest = cpuBefore !== null && cpuAfter !== null && result.httpRequests > 0 ? (cpuAfter - cpuBefore) / result.httpRequests : null;
    return { ...result, httpServerCpuMsPerRequest: perRequest };
  } catch (error) {
    const failure = (error as Error).message;
    options.log(`http: ${failure}`);
    return { httpAnswersPerS: 0, httpP50Ms: 0, httpP99Ms: 0, httpErrors: 0, httpRequests: 0, httpServerCpuMsPerRequest: null, httpFailure: failure };
  } finally {
    for (const bot of bots) await bot.stop();
    bots = [];
  }
}

/** A process's CPU time so far (user + system, ms) from /proc/<pid>/stat; null where there is none. */
function cpuMs(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    // Fields after the command name (which may hold spaces, so split after its closing bracket): utime and stime are 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return null;
  }
}

/** USER_HZ: 100 on every Linux this runs on (getconf CLK_TCK). */
const CLOCK_TICKS_PER_S = 100;

async function load(urls: readonly string[], options: HttpOptions): Promise<Omit<HttpResult, 'httpServerCpuMsPerRequest'>> {
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const deadline = performance.now() + options.maxSeconds * 1000;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (sent < options.requests && performance.now() < deadline) {
      const k = sent++;
      const q = options.questions[k % options.questions.length]!;
      const t0 = performance.now();
      try {
        // A conversation stays on one instance, as a load balancer with affinity keeps it.
        const url = urls[(k % BENCH_USERS) % urls.length]!;
        const response = await fetch(`${url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity(q.text, k)),
          signal: AbortSignal.timeout(10_000),
        });
        const body = (await response.json()) as { activities?: { entities?: { type?: string }[] }[] };
        // An answer carries the AI-label entity; a rate-limit notice or an error message does not.
        const answered = response.ok && (body.activities ?? []).some((a) => (a.entities ?? []).some((e) => e.type === AI_MESSAGE_ENTITY));
        if (!answered) errors++;
      } catch {
        // A refused, reset or timed-out request is an error of the run, counted, not a crash of the bench.
        errors++;
      }
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    httpAnswersPerS: (latencies.length - errors) / seconds,
    httpP50Ms: percentile(latencies, 0.5),
    httpP99Ms: percentile(latencies, 0.99),
    httpErrors: errors,
    httpRequests: latencies.length,
  };
}

const AI_MESSAGE_ENTITY = 'https://schema.org/Message';

/**
 * Users taking turns, each in their own 1:1 chat as in Teams (a personal conversation has one user,
 * so its stored reference stays the same). In a 2,000-request run each asks 4 questions, inside the
 * bot's per-user limit (a burst of 10, then 20 a minute): the limit is checked on every request but
 * refuses none, and a refusal would count as an error.
 */
const BENCH_USERS = 500;

/** A Teams personal-chat message from user `k % BENCH_USERS`. */
function activity(text: string, k: number): Record<string, unknown> {
  const user = k % BENCH_USERS;
  return {
    type: 'message',
    id: `bench-${k}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    deliveryMode: 'expectReplies',
    from: { id: `29:bench-user-${user}`, name: 'Bench' },
    recipient: { id: '28:panel-papers-bot', name: 'Panel Papers' },
    conversation: { id: `a:bench-${user}`, conversationType: 'personal' },
    text,
    textFormat: 'plain',
    locale: 'en-GB',
  };
}

/** Starts `index.ts` on the papers with a throwaway data folder (holding a copy of the snapshot, if given), on a free loopback port. */
async function startBot(options: HttpOptions): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-bot-'));
  if (options.snapshotDir) {
    mkdirSync(path.join(dataDir, 'index'));
    copyFileSync(path.join(options.snapshotDir, SNAPSHOT_FILE), path.join(dataDir, 'index', SNAPSHOT_FILE));
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', '--max-old-space-size=8192', path.join(__dirname, '..', 'index.ts')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PAPERS_DIR: options.papersDir, DATA_DIR: dataDir, LOG_LEVEL: 'warn', MicrosoftAppId: '', MicrosoftAppPassword: '', ...(options.answerCache ? {} : { ANSWER_CACHE_SIZE: '0' }) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  child.on('exit', (code) => {
    if (code !== null && code !== 0) options.log(`http: the bot exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`);
  });
  options.log(`http: started the bot on 127.0.0.1:${port} over ${options.papersDir}`);
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    // The bot writes its state as it shuts down: its folder is removed once it has exited.
    stop: async () => {
      const exited = child.exitCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}

async function waitForHealth(url: string, seconds: number): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // Not listening yet: the bot indexes the papers before it opens the port.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`bench: no bot answered ${url}/healthz within ${seconds} s; start one (npm start) or check its log`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('bench: no free port'))));
    });
  });
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}
