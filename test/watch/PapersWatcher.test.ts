import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJsonLogger } from '../../src/bot';
import { loadPaperIndex } from '../../src/search';
import { IndexHolder, PapersWatcher } from '../../src/watch';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { sleep, waitUntil } from '../helpers/waitUntil';

const PAPER = '003_65cc75b47768e268.txt';

describe('PapersWatcher', () => {
  let dir: string;
  let watcher: PapersWatcher;
  let holder: IndexHolder;
  let logs: { event: string; file?: string; code?: string }[];
  let swaps: number;

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'watch-'));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER), path.join(dir, PAPER));
    holder = new IndexHolder(loadPaperIndex(dir).index);
    logs = [];
    swaps = 0;
    watcher = new PapersWatcher({
      dir,
      holder,
      logger: createJsonLogger('debug', (line) => logs.push(JSON.parse(line) as { event: string })),
      onIndexed: [async () => void (swaps += 1)],
      debounceMs: 10,
      settleMs: 300,
      rescanMs: 50,
    });
    await watcher.start();
  });
  afterEach(async () => {
    await watcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not re-index when nothing changed', async () => {
    await sleep(500);
    expect(swaps).toBe(0);
  });

  it('waits for a half-written file and indexes it whole, once', async () => {
    const full = readFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER));
    const file = path.join(dir, 'new-paper.txt');
    writeFileSync(file, full.subarray(0, full.length / 2));
    await sleep(150); // the writer is still going: scans see a fresh mtime
    expect(holder.current.lines('new-paper.txt')).toBeUndefined();
    appendFileSync(file, full.subarray(full.length / 2));
    await waitUntil(() => holder.current.lines('new-paper.txt') !== undefined);
    const indexed = holder.current.corpus.documents.find((d) => d.file === 'new-paper.txt');
    expect(indexed?.contentHash).toBe(createHash('sha256').update(full).digest('hex'));
    await sleep(400);
    expect(swaps).toBe(1);
  });

  it('reports an unparsable file, keeps serving the rest, and retries it once it changes', async () => {
    writeFileSync(path.join(dir, 'broken.txt'), Buffer.from([0x50, 0x00, 0xff, 0xfe]));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER), path.join(dir, 'copy.txt'));
    await waitUntil(() => holder.current.lines('copy.txt') !== undefined);
    expect(holder.current.lines(PAPER)).toBeDefined();
    expect(logs).toContainEqual(expect.objectContaining({ event: 'paper_issue', file: 'broken.txt', code: 'undecodable_file' }));
    await sleep(500);
    expect(swaps).toBe(1); // a file that still fails is not re-read on every scan
    writeFileSync(path.join(dir, 'broken.txt'), 'Repaired Paper\n\nNow readable text.\n');
    await waitUntil(() => holder.current.lines('broken.txt') !== undefined);
    expect(swaps).toBe(2);
  });

  it('drops a removed file from the index', async () => {
    rmSync(path.join(dir, PAPER));
    await waitUntil(() => holder.current.lines(PAPER) === undefined);
    expect(holder.current.corpus.documents).toEqual([]);
  });
});
