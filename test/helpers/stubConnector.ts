import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly body: unknown;
}

export interface StubConnector {
  /** Put this in the activity's serviceUrl so the bot replies here. */
  readonly url: string;
  readonly calls: ConnectorCall[];
  /** Resolves once `count` activities have arrived. */
  waitForActivities(count: number, timeoutMs?: number): Promise<ConnectorCall[]>;
  close(): Promise<void>;
}

const ACTIVITY_PATH = /^\/v3\/conversations\/[^/]+\/activities(?:\/[^/]+)?$/u;

/**
 * A stand-in for the Bot Connector service on 127.0.0.1: it records every body the bot POSTs
 * (after botbuilder's real serialisation, which TestAdapter skips) and answers 200 {"id":"1"}.
 */
export async function startStubConnector(): Promise<StubConnector> {
  const calls: ConnectorCall[] = [];
  let waiters: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const urlPath = (req.url ?? '').split('?')[0] ?? '';
      calls.push({ method: req.method ?? '', path: urlPath, body: raw ? (JSON.parse(raw) as unknown) : undefined });
      const ok = req.method === 'POST' && ACTIVITY_PATH.test(urlPath);
      res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
      res.end(ok ? JSON.stringify({ id: '1' }) : '{}');
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
