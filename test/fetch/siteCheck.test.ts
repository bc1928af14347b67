import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fetchModernGovPapers, listModernGovCommittees, type FetchPapersOptions } from '../../src/fetch';
import { startModernGovServer, type ModernGovServer } from './modernGovServer';

const ROOT = path.resolve(__dirname, '..', '..');
const FAST = { ratePerSecond: 1000, backoffMs: 5, timeoutMs: 5_000, attempts: 1 };

/** A web site that is not ModernGov: every path answers 200 with the same page, as many CMSs do. */
async function startPlainSite(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><html><head><title>Welcome</title></head><body><h1>Welcome to our site</h1><a href="/about">About us</a></body></html>');
  });
  await listen(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => close(server) };
}

/** A loopback address where nothing listens: a port taken, then given back. */
async function deadAddress(): Promise<string> {
  const server = createServer();
  await listen(server);
  const { port } = server.address() as AddressInfo;
  await close(server);
  return `http://127.0.0.1:${port}`;
}

const listen = (server: Server): Promise<void> => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

describe('which sites are fetched from', () => {
  let dir: string;
  let papersDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'site-check-'));
    papersDir = path.join(dir, 'papers');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const round = (baseUrl: string, overrides: Partial<FetchPapersOptions> = {}) =>
    fetchModernGovPapers({
      baseUrl,
      committees: ['711'],
      since: '2025-12-01',
      until: '2026-01-31',
      papersDir,
      stateFile: path.join(dir, 'data', 'moderngov-fetch.json'),
      today: '2026-02-01',
      client: FAST,
      ...overrides,
    });

  it('refuses a site that is not ModernGov, writing nothing, and says why', async () => {
    const site = await startPlainSite();
    try {
      const summary = await round(site.url);
      expect(summary.refused).toBe(
        `${site.url}/ is not a ModernGov site: its web service (mgWebService.asmx) gave no committee list (HTTP 200, text/html; charset=utf-8, no XML) and mgListCommittees.aspx lists no committees (HTTP 200, text/html; charset=utf-8, no links to mgCommitteeDetails.aspx); nothing was written. Give the site's root, the address before /mgListCommittees.aspx`,
      );
      expect(summary.downloaded).toEqual([]);
      expect(summary.failed).toEqual([]);
      expect(existsSync(papersDir)).toBe(false);
      expect(existsSync(path.join(dir, 'data'))).toBe(false);
    } finally {
      await site.close();
    }
  });

  it('says plainly that nothing could be reached, and claims no pages were read', async () => {
    const url = await deadAddress();
    const summary = await round(url);
    expect(summary.refused).toMatch(new RegExp(`^nothing could be reached at ${url}/ \\(.+\\); nothing was written$`, 'u'));
    expect(summary.notes).toEqual([]);
    expect(existsSync(papersDir)).toBe(false);
  });

  describe('on a ModernGov site', () => {
    let server: ModernGovServer;
    beforeEach(async () => {
      server = await startModernGovServer();
    });
    afterEach(() => server.close());

    it('lists the committees with their ids, from the web service or else the committees page', async () => {
      const fromService = await listModernGovCommittees(server.url, FAST);
      expect(fromService).toMatchObject({ kind: 'moderngov', serviceProblem: null });
      expect(fromService.kind === 'moderngov' && fromService.committees).toContainEqual({ id: '711', title: 'Ashvale and North Ashvale Neighbourhood Committee', live: true });
      server.serviceDown();
      const fromPage = await listModernGovCommittees(server.url, FAST);
      expect(fromPage).toMatchObject({ kind: 'moderngov', serviceProblem: expect.stringMatching(/^HTTP 500/u) });
      expect(fromPage.kind === 'moderngov' && fromPage.committees).toContainEqual({ id: '711', title: 'Ashvale and North Ashvale Neighbourhood Committee', live: true });
    });

    it('a dry run says what it would fetch and writes nothing', async () => {
      const summary = await round(server.url, { dryRun: true });
      expect(summary.refused).toBeNull();
      expect(summary.downloaded).toEqual([]);
      expect(existsSync(papersDir)).toBe(false);
      expect(existsSync(path.join(dir, 'data', 'moderngov-fetch.json'))).toBe(false);
      const files = summary.planned.map((p) => p.file);
      expect(files).toContain('ashvale-and-north-ashvale-neighbourhood-committee-2026-01-15-printed-minutes.pdf');
      expect(files).toContain('ashvale-and-north-ashvale-neighbourhood-committee-nodate-meetings-list.html');
      expect(summary.planned.every((p) => !p.held)).toBe(true);
      // The documents themselves are not downloaded, only the pages that list them.
      expect(server.requests.filter((r) => r.path.startsWith('/documents/'))).toEqual([]);
      // What the real round then writes is what the dry run said it would.
      const real = await round(server.url);
      expect([...real.downloaded].sort()).toEqual([...new Set(files)].sort());
    });
  });
});

describe('npm run fetch-papers', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'fetch-cli-'));
    writeFileSync(path.join(dir, 'empty.env'), '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  // Asynchronous: the sites answer from this process, so it must not block while the CLI runs.
  const run = (args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> => {
    const env = { PATH: process.env['PATH'] ?? '', ENV_FILE: path.join(dir, 'empty.env'), PAPERS_DIR: path.join(dir, 'papers'), DATA_DIR: path.join(dir, 'data') };
    return new Promise((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src', 'cli', 'fetchPapers.ts'), '--rate', '20', ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
        resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
      });
    });
  };

  it('refuses a plain web page: one line on stderr, exit 1, no files', async () => {
    const site = await startPlainSite();
    try {
      const { status, stdout, stderr } = await run(['--url', site.url, '--committee', '711', '--since', '2025-01-01']);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(/^fetch-papers: http:\/\/127\.0\.0\.1:\d+\/ is not a ModernGov site: .*nothing was written\. .*\n$/u);
      expect(existsSync(path.join(dir, 'papers'))).toBe(false);
    } finally {
      await site.close();
    }
  });

  it('--list-committees prints the committees with their ids', async () => {
    const server = await startModernGovServer();
    try {
      const { status, stdout } = await run(['--url', server.url, '--list-committees']);
      expect(status).toBe(0);
      expect(stdout).toMatch(/^Committees: \d+\n/u);
      expect(stdout).toMatch(/^\s*711 {2}Ashvale and North Ashvale Neighbourhood Committee$/mu);
    } finally {
      await server.close();
    }
  });
});
