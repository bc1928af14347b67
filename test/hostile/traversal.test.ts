import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { startHostileServer, type HostileServer } from './hostileServer';

const PAPER = '000_73aa9faf505450da.txt';

/** GET with the path exactly as written: fetch() would normalise "../" away before sending. */
function rawGet(base: string, rawPath: string): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ hostname, port, method: 'GET', path: rawPath }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

const ATTEMPTS: readonly string[] = [
  '/papers/..%2Fpackage.json',
  '/papers/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '/papers/%2e%2e%2fpackage.json',
  '/papers/%2E%2E%2Fpackage.json',
  '/papers/%252e%252e%252fpackage.json',
  '/papers/%25252e%25252e%25252fpackage.json',
  '/papers/..%5Cpackage.json',
  '/papers/..%5C..%5C..%5Cwindows%5Cwin.ini',
  '/papers/%2Fetc%2Fpasswd',
  '/papers/%2Fwork%2Fwt-hostile%2Fpackage.json',
  '/papers/C:%5CWindows%5Cwin.ini',
  '/papers/%c0%ae%c0%ae%2fpackage.json',
  '/papers/%e0%80%ae%e0%80%ae%2fpackage.json',
  '/papers/....%2F%2F....%2F%2Fpackage.json',
  `/papers/${PAPER}%00.html`,
  `/papers/${PAPER}%00`,
  `/papers/%00${PAPER}`,
  `/papers/..%2Fpapers%2F${PAPER}`,
  `/papers/.%2F${PAPER}`,
  `/papers/${PAPER.toUpperCase()}`,
  `/papers/${PAPER}%20`,
  `/papers/${PAPER}%2F`,
  '/papers/../package.json',
  '/papers/../../etc/passwd',
  '/papers/./package.json',
  '/papers//etc/passwd',
  '/papers/%',
  '/papers/%zz',
  '/papers/%E0%A4%A',
  '/papers/%ff%fe',
  '/papers/%uFF0E%uFF0E%u2215package.json',
  '/papers/\uFF0E\uFF0E\u2215package.json'.replace(/[^\x20-\x7e]/gu, (c) => encodeURIComponent(c)),
  '/papers/',
  '/papers',
  `/papers/${'a'.repeat(10_000)}`,
  '/papers/package.json',
  '/papers/index.ts',
  '/papers/constructor',
  '/papers/__proto__',
  '/papers/hasOwnProperty',
  '/..%2Fpackage.json',
  '/%2e%2e/package.json',
];

/** Query strings a hostile link could carry to a real paper. */
const QUERIES: readonly string[] = ['lines=-1', 'lines=0-0', 'lines=1-99999999', 'lines=99999999', 'lines=5-1', 'lines[]=1', 'lines=1&lines=2', 'lines=%00', 'lines=1-2%3Cscript%3E', 'lines=<script>', 'lines[a][b][c]=1', '__proto__[x]=1', `lines=${'9'.repeat(5_000)}`, '%', 'a=%zz'];

describe('GET /papers/:file with traversal attempts', () => {
  let server: HostileServer;
  const secrets = [readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8').slice(0, 40), 'root:x:0:0'];

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
  });

  /** A 4xx, and not a word of a file outside the papers. */
  const refused = async (attempt: string): Promise<void> => {
    const response = await rawGet(server.url, attempt);
    expect([400, 403, 404, 405]).toContain(response.status);
    for (const secret of secrets) expect(response.text).not.toContain(secret);
  };

  it.each(ATTEMPTS)('answers %s with 4xx and nothing from outside the papers', refused);

  it.each(ATTEMPTS.filter((a) => a.startsWith('/papers/')).map((a) => `${a}/original`))('answers %s (the original file) with 4xx and nothing from outside the papers', refused);

  it.each(['/static/..%2F..%2F..%2Fpackage.json', '/static/../../package.json', '/static/pdfjs/..%2F..%2Fpackage.json', '/static/pdfjs/../package.json', '/static/%2e%2e/startServer.ts', '/static/'])(
    'answers %s (static files) with 4xx and nothing else',
    refused,
  );

  it('sends the original of a paper in the folder, as plain text', async () => {
    const response = await rawGet(server.url, `/papers/${PAPER}/original`);
    expect(response.status).toBe(200);
    expect(response.text).toContain('Children and Young People Scrutiny Panel');
  });

  it.each(QUERIES)('serves the paper for ?%s without 5xx or markup from the query', async (query) => {
    const response = await rawGet(server.url, `/papers/${PAPER}?${query}`);
    expect(response.status === 200 || response.status === 400).toBe(true);
    expect(response.text).not.toContain('<script>');
  });

  it('is still up and serving papers afterwards', async () => {
    expect((await rawGet(server.url, '/healthz')).status).toBe(200);
    const response = await rawGet(server.url, `/papers/${PAPER}?lines=3-4`);
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/id="L3" class="cited">.*<mark>/u);
  });
});
