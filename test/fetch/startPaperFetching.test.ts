import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPaperFetching, type RunningPaperFetching } from '../../src/fetch';
import { startModernGovServer, type ModernGovServer } from './modernGovServer';

describe('startPaperFetching', () => {
  let server: ModernGovServer;
  let dir: string;
  let running: RunningPaperFetching | undefined;
  let logs: { event: string; fields: Readonly<Record<string, unknown>> | undefined }[];

  beforeEach(async () => {
    server = await startModernGovServer();
    dir = mkdtempSync(path.join(os.tmpdir(), 'moderngov-schedule-'));
    logs = [];
  });
  afterEach(async () => {
    await running?.stop();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = (intervalMinutes: number): RunningPaperFetching => {
    const log = (event: string, fields?: Readonly<Record<string, unknown>>): void => void logs.push({ event, fields });
    running = startPaperFetching({
      baseUrl: server.url,
      committees: ['711'],
      papersDir: path.join(dir, 'papers'),
      stateFile: path.join(dir, 'state.json'),
      intervalMinutes,
      today: () => '2026-01-20',
      // A short window keeps the test quick: the January meeting only.
      daysBack: 10,
      daysAhead: 5,
      client: { ratePerSecond: 1000, backoffMs: 5 },
      logger: { info: log, warn: log, error: log },
    });
    return running;
  };

  it('runs a round at once and logs what it did', async () => {
    const summary = await start(60).firstRound;
    expect(summary?.downloaded.length).toBeGreaterThan(10);
    expect(readdirSync(path.join(dir, 'papers'))).toContain('ashvale-and-north-ashvale-neighbourhood-committee-2026-01-15-printed-minutes.pdf');
    expect(logs.filter((l) => l.event === 'papers_fetch_round')).toEqual([{ event: 'papers_fetch_round', fields: expect.objectContaining({ meetings: 1, failed: 0 }) }]);
  });

  it('never runs two rounds at once: a round asked for meanwhile starts after the first ends', async () => {
    const fetching = start(60);
    const second = fetching.runNow();
    const [first, next] = await Promise.all([fetching.firstRound, second]);
    expect(first?.downloaded.length).toBeGreaterThan(10);
    // The second round began only after the first had saved everything: nothing was new to it.
    expect(next?.downloaded).toEqual([]);
    const rounds = logs.filter((l) => l.event === 'papers_fetch_round');
    expect(rounds).toHaveLength(2);
  });

  it('runs again after the interval, timed from the end of the round before', async () => {
    const fetching = start(0.005); // 300 ms
    await fetching.firstRound;
    const deadline = Date.now() + 5_000;
    while (logs.filter((l) => l.event === 'papers_fetch_round').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(logs.filter((l) => l.event === 'papers_fetch_round').length).toBeGreaterThanOrEqual(2);
    await fetching.stop();
    const after = logs.length;
    await new Promise((r) => setTimeout(r, 500));
    expect(logs.length).toBe(after);
  });
});
