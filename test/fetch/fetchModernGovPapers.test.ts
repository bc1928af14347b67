import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fetchModernGovPapers, type FetchPapersOptions, type FetchSummary } from '../../src/fetch';
import { readPaperFolderAsync } from '../../src/ingest';
import { MEETING_DOCUMENTS, startModernGovServer, type ModernGovServer } from './modernGovServer';

const C = 'ashvale-and-north-ashvale-neighbourhood-committee';
const MEETING = `${C}-2026-01-15`;

/** What a first round saves for the fixture committee from 2025-12-01 to 2026-01-31. */
const FIRST_LOAD = [
  `${C}-nodate-committee-details.html`,
  `${C}-nodate-meetings-list.html`,
  `${C}-2025-12-04-agenda-decisions-minutes.html`,
  `${MEETING}-agenda-decisions-minutes.html`,
  `${MEETING}-agenda-frontsheet.pdf`,
  `${MEETING}-public-reports-pack.pdf`,
  `${MEETING}-supplement-agenda-item-7-community-safety-update.pdf`,
  `${MEETING}-late-material.pdf`,
  `${MEETING}-printed-decisions.pdf`,
  `${MEETING}-printed-minutes.pdf`,
  `${MEETING}-minutes.pdf`,
  `${MEETING}-petition-regarding-the-introduction-of-traffic-management.pdf`,
  `${MEETING}-annex-1-beacon-avenue.pdf`,
  `${MEETING}-annex-2-orchard-road.pdf`,
  `${MEETING}-annex-3-overview-plan.pdf`,
  `${MEETING}-annex-4-survey-summary.pdf`,
  // Only the web service lists this one; its double-escaped "&amp;amp;" reads as "&".
  `${MEETING}-annex-5-fees-and-charges.pdf`,
].sort();

const PRINTED_MINUTES = MEETING_DOCUMENTS[3]!;
const PETITION_REPORT = MEETING_DOCUMENTS[5]!;

describe('fetchModernGovPapers', () => {
  let server: ModernGovServer;
  let dir: string;
  let papersDir: string;

  beforeEach(async () => {
    server = await startModernGovServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'moderngov-'));
    papersDir = path.join(dir, 'papers');
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const round = (overrides: Partial<FetchPapersOptions> = {}): Promise<FetchSummary> =>
    fetchModernGovPapers({
      baseUrl: server.url,
      committees: ['Ashvale and North Ashvale Neighbourhood Committee'],
      since: '2025-12-01',
      until: '2026-01-31',
      papersDir,
      stateFile: path.join(dir, 'data', 'moderngov-fetch.json'),
      today: '2026-02-01',
      client: { ratePerSecond: 1000, backoffMs: 10, timeoutMs: 5_000 },
      ...overrides,
    });
  const files = (): string[] => readdirSync(papersDir).sort();
  const saved = (name: string): Buffer => readFileSync(path.join(papersDir, name));

  it('a first load saves the pages and documents under stable, descriptive names', async () => {
    const summary = await round();
    expect(files()).toStrictEqual(FIRST_LOAD);
    expect([...summary.downloaded].sort()).toStrictEqual(FIRST_LOAD);
    expect(summary.failed).toStrictEqual([]);
    expect(summary.committees).toStrictEqual([{ id: '711', title: 'Ashvale and North Ashvale Neighbourhood Committee' }]);
    expect(summary.meetings.map(({ id, date, time, status }) => ({ id, date, time, status }))).toStrictEqual([
      { id: '10221', date: '2026-01-15', time: '19:30', status: 'held' },
      { id: '10161', date: '2025-12-04', time: '19:30', status: 'cancelled' },
    ]);
    // The exempt (restricted) annex is never asked for; the service's http:// link went to our scheme.
    expect(server.requests.some((r) => r.path.includes('ID=112998'))).toBe(false);
    expect(saved(`${MEETING}-printed-minutes.pdf`)).toStrictEqual(server.documentBytes(PRINTED_MINUTES));
    expect(saved(`${MEETING}-agenda-decisions-minutes.html`).toString('utf8')).toContain('Agenda, decisions and minutes');
    // The report the page and the service both list (documents/s112217 and mgConvert2PDF.aspx?ID=112217) is fetched once.
    expect(server.requests.filter((r) => r.path.includes('112217'))).toHaveLength(1);
  });

  it('saves what the bot can read: every file ingests without an issue', async () => {
    await round();
    const folder = await readPaperFolderAsync(papersDir);
    expect(folder.issues).toStrictEqual([]);
    expect(folder.documents.map((d) => d.file).sort()).toStrictEqual(FIRST_LOAD);
    // Papers are read in a worker thread, which starts (compiling TypeScript under jest) before the first paper.
  }, 20_000);

  it('a second round asks conditionally and rewrites nothing', async () => {
    await round();
    const before = new Map(files().map((f) => [f, statSync(path.join(papersDir, f))]));
    const firstRequests = server.requests.length;
    const summary = await round();

    const documentRequests = server.requests.slice(firstRequests).filter((r) => r.path.startsWith('/documents/'));
    expect(documentRequests.length).toBeGreaterThanOrEqual(MEETING_DOCUMENTS.length);
    for (const r of documentRequests) expect(r.ifNoneMatch).toMatch(/^"[0-9a-f]+"$/u);
    expect(summary.downloaded).toStrictEqual([]);
    expect([...summary.unchanged].sort()).toStrictEqual(FIRST_LOAD);
    for (const f of files()) {
      const now = statSync(path.join(papersDir, f));
      expect({ f, ino: now.ino, mtime: now.mtimeMs }).toStrictEqual({ f, ino: before.get(f)!.ino, mtime: before.get(f)!.mtimeMs });
    }
  });

  it('replaces a changed document atomically, under the same name', async () => {
    await round();
    const name = `${MEETING}-printed-minutes.pdf`;
    const before = statSync(path.join(papersDir, name));
    const revised = Buffer.concat([server.documentBytes(PRINTED_MINUTES), Buffer.from('\n% revised\n')]);
    server.setDocument(PRINTED_MINUTES, revised);

    const summary = await round();

    expect(summary.downloaded).toStrictEqual([name]);
    expect(saved(name)).toStrictEqual(revised);
    // A new inode: the new copy was renamed into place, not written over the old one.
    expect(statSync(path.join(papersDir, name)).ino).not.toBe(before.ino);
    expect(files()).toStrictEqual(FIRST_LOAD);
  });

  it('retries 503 with backoff, honouring Retry-After, then saves the document', async () => {
    server.override(PETITION_REPORT, (_req, res, count) => {
      if (count > 2) return false;
      res.writeHead(503, count === 2 ? { 'retry-after': '1' } : {});
      res.end('busy');
      return true;
    });
    const summary = await round({ client: { ratePerSecond: 1000, backoffMs: 50, timeoutMs: 5_000 } });

    const tries = server.requests.filter((r) => r.path === PETITION_REPORT).map((r) => r.at);
    expect(tries).toHaveLength(3);
    expect(tries[1]! - tries[0]!).toBeGreaterThanOrEqual(20); // 50 ms with jitter: at least half
    expect(tries[2]! - tries[1]!).toBeGreaterThanOrEqual(900); // Retry-After: 1 second
    expect(summary.failed).toStrictEqual([]);
    expect(files()).toStrictEqual(FIRST_LOAD);
  });

  it('reports a missing document by its URL and saves the rest', async () => {
    server.override(PRINTED_MINUTES, (_req, res) => {
      res.writeHead(404);
      res.end('gone');
    });
    const summary = await round();

    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.url).toContain('/documents/g10230/Printed%20minutes');
    expect(summary.failed[0]!.reason).toBe('HTTP 404 Not Found');
    expect(files()).toStrictEqual(FIRST_LOAD.filter((f) => f !== `${MEETING}-printed-minutes.pdf`));
    // Not retried: a 404 is not going to change in a second.
    expect(server.requests.filter((r) => r.path.startsWith(PRINTED_MINUTES))).toHaveLength(1);
  });

  it('spaces its requests to the configured rate', async () => {
    await round({ client: { ratePerSecond: 20, backoffMs: 10, timeoutMs: 5_000 } });
    const at = server.requests.map((r) => r.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // 20 a second is one every 50 ms. The times are when the test server saw each request, so one
    // delayed by a busy machine shortens the next gap: the rate is the total span; no gap under half
    // the interval says no two were sent together.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(25);
    expect(at.at(-1)! - at[0]!).toBeGreaterThanOrEqual((at.length - 1) * 45);
  });

  it('leaves no file, whole or partial, when the connection drops mid-download', async () => {
    server.override(PRINTED_MINUTES, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '50000' });
      res.write(Buffer.alloc(1000, 1));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const summary = await round({ client: { ratePerSecond: 1000, backoffMs: 10, timeoutMs: 5_000, attempts: 2 } });

    expect(summary.failed).toHaveLength(1);
    expect(summary.failed[0]!.reason).toMatch(/^network error: .*\(gave up after 2 attempts\)$/u);
    expect(files()).toStrictEqual(FIRST_LOAD.filter((f) => f !== `${MEETING}-printed-minutes.pdf`));
    expect(readdirSync(papersDir).filter((f) => f.startsWith('.'))).toStrictEqual([]);
  });

  it('keeps the old copy whole when a changed document is cut off', async () => {
    await round();
    const name = `${MEETING}-printed-minutes.pdf`;
    const old = saved(name);
    server.override(PRINTED_MINUTES, (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '50000', etag: '"changed"' });
      res.write(Buffer.alloc(1000, 2));
      setTimeout(() => res.socket?.destroy(), 20);
    });
    const summary = await round({ client: { ratePerSecond: 1000, backoffMs: 10, timeoutMs: 5_000, attempts: 2 } });

    expect(summary.failed.map((f) => f.url)).toStrictEqual([expect.stringContaining('Printed%20minutes')]);
    expect(saved(name)).toStrictEqual(old);
    expect(readdirSync(papersDir).filter((f) => f.startsWith('.'))).toStrictEqual([]);
  });

  it('reads the public pages when the site does not offer the web service', async () => {
    server.serviceDown();
    // (The list page also shows a meeting on 29 January that the fixture site has no page for.)
    const summary = await round({ until: '2026-01-20', client: { ratePerSecond: 1000, backoffMs: 5, timeoutMs: 5_000, attempts: 2 } });

    // Everything but the one document only the service lists.
    expect(files()).toStrictEqual(FIRST_LOAD.filter((f) => f !== `${MEETING}-annex-5-fees-and-charges.pdf`));
    expect(summary.failed).toStrictEqual([]);
    expect(summary.notes).toStrictEqual([expect.stringMatching(/^the web service did not answer \(HTTP 500/u)]);
    expect(summary.meetings.map((m) => [m.date, m.status])).toStrictEqual([
      ['2026-01-15', 'held'],
      ['2025-12-04', 'cancelled'],
    ]);
    // The service was given up after its first failure, not asked again for every meeting.
    expect(server.requests.filter((r) => r.path.startsWith('/mgWebService.asmx/'))).toHaveLength(2);
  });

  it('names a committee given by id from its meetings list when there is no web service', async () => {
    server.serviceDown();
    const summary = await round({ committees: ['711'], until: '2026-01-20', client: { ratePerSecond: 1000, backoffMs: 5, timeoutMs: 5_000, attempts: 1 } });
    expect(summary.committees).toStrictEqual([{ id: '711', title: 'Ashvale and North Ashvale Neighbourhood Committee' }]);
    expect(files()).toContain(`${MEETING}-printed-minutes.pdf`);
    // The list page read for the name is the one saved, not asked for twice.
    expect(server.requests.filter((r) => r.path.startsWith('/ieListMeetings.aspx?CommitteeId=711'))).toHaveLength(1);
  });

  it('takes a committee by id, and names an unknown committee in the failure', async () => {
    const summary = await round({ committees: ['711', 'Planning Committee'] });
    expect(summary.committees.map((c) => c.id)).toStrictEqual(['711']);
    expect(summary.failed).toStrictEqual([{ url: `${server.url}/mgListCommittees.aspx`, reason: expect.stringContaining('no committee named "Planning Committee"') }]);
    expect(files()).toStrictEqual(FIRST_LOAD);
  });

  it('never overwrites a different file already at a name: the document takes its id', async () => {
    const handMade = `${MEETING}-printed-minutes.pdf`;
    await round({ until: '2025-12-31' }); // the state file exists, the January meeting is not yet fetched
    writeFileSync(path.join(papersDir, handMade), 'a copy someone made by hand');

    const summary = await round();

    expect(saved(handMade).toString('utf8')).toBe('a copy someone made by hand');
    expect(summary.downloaded).toContain(`${MEETING}-printed-minutes-g10230.pdf`);
    expect(saved(`${MEETING}-printed-minutes-g10230.pdf`)).toStrictEqual(server.documentBytes(PRINTED_MINUTES));
  });
});
