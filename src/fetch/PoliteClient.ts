/** What a conditional GET may send: the validators the server gave for the copy we hold. */
export interface Validators {
  readonly etag?: string | undefined;
  readonly lastModified?: string | undefined;
}

export type Fetched =
  | { readonly status: 200; readonly body: Buffer; readonly contentType: string; readonly etag?: string; readonly lastModified?: string }
  | { readonly status: 304 };

export interface PoliteClientOptions {
  /** At most this many requests a second, counting retries. */
  readonly ratePerSecond: number;
  /** Each attempt (headers and whole body) is abandoned after this long. */
  readonly timeoutMs?: number;
  /** Attempts in all for a request that keeps meeting 429, 5xx or a network error. */
  readonly attempts?: number;
  /** First backoff; it doubles each retry, with jitter. */
  readonly backoffMs?: number;
  /** No backoff (Retry-After included) waits longer than this; a longer Retry-After is a failure. */
  readonly maxBackoffMs?: number;
  readonly userAgent?: string;
  /** Injectable for tests. */
  readonly fetch?: typeof fetch;
  readonly random?: () => number;
}

/** A request that failed for good: the message names the URL and why. */
export class FetchError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    readonly status?: number,
  ) {
    super(`GET ${url}: ${reason}`);
    this.name = 'FetchError';
  }
}

const RETRYABLE_STATUS = (status: number): boolean => status === 429 || status >= 500;

/**
 * GETs with Node's fetch, politely: requests spaced to a rate (one after another, never two at
 * once), retries with exponential backoff and jitter on 429, 5xx and network errors (Retry-After
 * honoured), a timeout per attempt, and conditional requests. A body is returned only once it has
 * arrived whole, so a connection that drops mid-download can never become a file.
 */
export class PoliteClient {
  private readonly intervalMs: number;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly maxBackoffMs: number;
  private readonly fetchImpl: typeof fetch;
  private readonly random: () => number;
  private readonly userAgent: string;
  private nextStartAt = 0;
  private slot: Promise<unknown> = Promise.resolve();
  /** Requests sent, retries included: the summary reports it. */
  requests = 0;

  constructor(options: PoliteClientOptions) {
    if (!(options.ratePerSecond > 0)) throw new Error(`ratePerSecond must be above 0, not ${options.ratePerSecond}`);
    this.intervalMs = 1000 / options.ratePerSecond;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.attempts = options.attempts ?? 4;
    this.backoffMs = options.backoffMs ?? 1_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 120_000;
    this.fetchImpl = options.fetch ?? fetch;
    this.random = options.random ?? Math.random;
    this.userAgent = options.userAgent ?? 'panel-papers (fetches published committee papers)';
  }

  /** GET `url`; with validators, a 304 comes back as `{ status: 304 }`. Throws FetchError. */
  async get(url: string, validators: Validators = {}): Promise<Fetched> {
    let lastReason = '';
    // Kept so a caller can tell a site that answered (with 5xx) from one never reached.
    let lastStatus: number | undefined;
    for (let attempt = 1; attempt <= this.attempts; attempt += 1) {
      const outcome = await this.attempt(url, validators);
      if (outcome.kind === 'done') return outcome.fetched;
      if (outcome.kind === 'fail') throw new FetchError(url, outcome.reason, outcome.status);
      lastReason = outcome.reason;
      lastStatus = outcome.status;
      if (attempt === this.attempts) break;
      const backoff = Math.min(this.maxBackoffMs, this.backoffMs * 2 ** (attempt - 1)) * (0.5 + this.random() / 2);
      const wait = outcome.retryAfterMs ?? backoff;
      if (wait > this.maxBackoffMs) throw new FetchError(url, `${outcome.reason}; Retry-After asks for ${Math.round(wait / 1000)} s, more than the ${Math.round(this.maxBackoffMs / 1000)} s we wait`, outcome.status);
      await sleep(wait);
    }
    throw new FetchError(url, `${lastReason} (gave up after ${this.attempts} ${this.attempts === 1 ? 'attempt' : 'attempts'})`, lastStatus);
  }

  private async attempt(
    url: string,
    validators: Validators,
  ): Promise<{ kind: 'done'; fetched: Fetched } | { kind: 'retry'; reason: string; status?: number; retryAfterMs?: number } | { kind: 'fail'; reason: string; status: number }> {
    await this.waitForSlot();
    this.requests += 1;
    const headers: Record<string, string> = { 'user-agent': this.userAgent };
    if (validators.etag) headers['if-none-match'] = validators.etag;
    if (validators.lastModified) headers['if-modified-since'] = validators.lastModified;
    try {
      const response = await this.fetchImpl(url, { headers, redirect: 'follow', signal: AbortSignal.timeout(this.timeoutMs) });
      if (response.status === 304) {
        await response.body?.cancel();
        return { kind: 'done', fetched: { status: 304 } };
      }
      if (response.ok) {
        // Read to the end before anything is written: a body cut short rejects here.
        const body = Buffer.from(await response.arrayBuffer());
        const etag = response.headers.get('etag') ?? undefined;
        const lastModified = response.headers.get('last-modified') ?? undefined;
        return {
          kind: 'done',
          fetched: { status: 200, body, contentType: response.headers.get('content-type') ?? '', ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) },
        };
      }
      await response.body?.cancel();
      const reason = `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (!RETRYABLE_STATUS(response.status)) return { kind: 'fail', reason, status: response.status };
      const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
      return { kind: 'retry', reason, status: response.status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) };
    } catch (error) {
      return { kind: 'retry', reason: describeNetworkError(error, this.timeoutMs) };
    }
  }

  /** Waits until this request may start: one start every `intervalMs`, in the order asked. */
  private waitForSlot(): Promise<void> {
    const turn = this.slot.then(async () => {
      const wait = this.nextStartAt - Date.now();
      if (wait > 0) await sleep(wait);
      this.nextStartAt = Date.now() + this.intervalMs;
    });
    this.slot = turn;
    return turn;
  }
}

/** Retry-After is seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/u.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  // The abort arrives as a DOMException, which is not an Error in every Node version.
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError' || name === 'AbortError') return `timed out after ${timeoutMs} ms`;
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `network error: ${error instanceof Error ? error.message : String(error)}${cause}`;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
