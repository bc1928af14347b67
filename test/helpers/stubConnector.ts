import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
  /** What the stub answered: 200, or 500 while failNext is in force, 404 for other paths. */
  readonly status: number;
}

export interface StubConnector {
  /** Put this in the activity's serviceUrl so the bot replies here. */
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Resolves once `count` activities have arrived (POSTs: new messages and replies). */
  waitForActivities(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** Resolves once `count` calls match `accept` (e.g. PUTs that update a message). */
  waitForCalls(accept: (call: ConnectorCall) => boolean, count?: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  /** The next `count` activity calls get 500, as a connector outage would. */
  failNext(count: number): void;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/u;

export interface StubConnectorOptions {
  /** Answer each POST with a new id ("activity-1", "activity-2", ...) instead of always "1". */
  readonly sequentialIds?: boolean;
}

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: it records every body the bot POSTs
 * (after botbuilder's real serialisation, which TestAdapter skips) and answers 200 {"id":"1"}.
 * A PUT to an activity (updateActivity) is answered 200 with that activity's id.
 */
export async function startStubConnector(options: StubConnectorOptions = {}): Promise<StubConnector> {
  const calls: ConnectorCall[] = [];
  let waiters: (() => void)[] = [];
  let failures = 0;
  let posted = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const urlPath = (req.url ?? '').split('?')[0] ?? '';
      const record = (status: number): void => {
        calls.push({ method: req.method ?? '', path: urlPath, body: raw ? (JSON.parse(raw) as unknown) : undefined, status });
      };
      const isActivity = ACTIVITY_PATH.test(urlPath) && (req.method === 'POST' || req.method === 'PUT');
      if (isActivity && failures > 0) {
        failures -= 1;
        record(500);
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"error":{"code":"ServiceError","message":"stub outage"}}');
      } else if (isActivity) {
        record(200);
        const id = req.method === 'PUT' ? decodeURIComponent(urlPath.split('/').at(-1) ?? '') : options.sequentialIds ? `activity-${++posted}` : '1';
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id }));
      } else {
        record(404);
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{}');
      }
      const current = waiters;
      waiters = [];
      current.forEach((wake) => wake());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const activities = (): ConnectorCall[] => calls.filter((c) => c.method === 'POST' && ACTIVITY_PATH.test(c.path));
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    async waitForActivities(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (activities().length < count) {
        if (Date.now() > deadline) throw new Error(`stub connector: expected ${count} activities, got ${activities().length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return activities();
    },
    async waitForCalls(accept, count = 1, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (calls.filter(accept).length < count) {
        if (Date.now() > deadline) throw new Error(`stub connector: expected ${count} matching calls, got ${calls.filter(accept).length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return calls.filter(accept);
    },
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
