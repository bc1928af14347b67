import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FetchError, PoliteClient } from '../../src/fetch';
import { parseRetryAfter } from '../../src/fetch/PoliteClient';

describe('PoliteClient', () => {
  let server: Server;
  let url: string;
  let answer: (count: number) => { status: number; headers?: Record<string, string> };
  let count: number;

  beforeEach(async () => {
    count = 0;
    server = createServer((_req, res) => {
      count += 1;
      const { status, headers } = answer(count);
      res.writeHead(status, headers ?? {});
      res.end(status === 200 ? 'ok' : 'no');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/doc.pdf`;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('gives up after its attempts with an error that names the URL and the last answer', async () => {
    answer = () => ({ status: 502 });
    const client = new PoliteClient({ ratePerSecond: 1000, attempts: 3, backoffMs: 1 });
    await expect(client.get(url)).rejects.toThrow(new FetchError(url, 'HTTP 502 Bad Gateway (gave up after 3 attempts)'));
    expect(count).toBe(3);
  });

  it('retries a 429 and refuses to wait longer than it may for Retry-After', async () => {
    answer = (n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3600' } } : { status: 200 });
    const client = new PoliteClient({ ratePerSecond: 1000, backoffMs: 1, maxBackoffMs: 1_000 });
    await expect(client.get(url)).rejects.toThrow(/^GET http:\/\/127\.0\.0\.1:\d+\/doc\.pdf: HTTP 429 Too Many Requests; Retry-After asks for 3600 s/u);
    expect(count).toBe(1);
  });

  it('times out an attempt that never answers, and says so', async () => {
    answer = () => ({ status: 200 });
    const slow = createServer(() => undefined); // accepts, never answers
    await new Promise<void>((resolve) => slow.listen(0, '127.0.0.1', resolve));
    const client = new PoliteClient({ ratePerSecond: 1000, attempts: 1, timeoutMs: 100 });
    const slowUrl = `http://127.0.0.1:${(slow.address() as AddressInfo).port}/`;
    try {
      await expect(client.get(slowUrl)).rejects.toThrow(`GET ${slowUrl}: timed out after 100 ms (gave up after 1 attempt)`);
    } finally {
      slow.closeAllConnections();
      await new Promise<void>((resolve) => slow.close(() => resolve()));
    }
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-01-05T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 05 Jan 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
