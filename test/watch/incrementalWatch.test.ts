import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJsonLogger } from '../../src/bot';
import { loadPaperIndex, updatePaperIndex, type PaperIndex } from '../../src/search';
import { IndexHolder, PapersWatcher } from '../../src/watch';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { sleep, waitUntil } from '../helpers/waitUntil';

const PAPER = '003_65cc75b47768e268.txt';
const OTHER = '002_acb3ef1fd7555bb5.txt';

describe('PapersWatcher changing the index in place', () => {
  let dir: string;
  let watcher: PapersWatcher;
  let holder: IndexHolder;
  let changes: string[][];
  let saved: PaperIndex[];

  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'watch-update-'));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER), path.join(dir, PAPER));
    holder = new IndexHolder(loadPaperIndex(dir).index);
    changes = [];
    saved = [];
    watcher = new PapersWatcher({
      dir,
      holder,
      logger: createJsonLogger('error', () => undefined),
      debounceMs: 10,
      settleMs: 200,
      rescanMs: 50,
      snapshotAfterMs: 400,
      update: (current, d, changed) => {
        changes.push([...changed].sort());
        return updatePaperIndex(current, d, changed);
      },
      saveSnapshot: (index) => void saved.push(index),
    });
    await watcher.start();
  });
  afterEach(async () => {
    await watcher.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads only the new paper, then drops a removed one, and saves one snapshot of the result', async () => {
    const first = holder.current;
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, OTHER), path.join(dir, OTHER));
    await waitUntil(() => holder.current.lines(OTHER) !== undefined, 20_000);
    expect(changes).toEqual([[OTHER]]);
    expect(holder.current).not.toBe(first);
    rmSync(path.join(dir, PAPER));
    await waitUntil(() => holder.current.lines(PAPER) === undefined, 20_000);
    expect(changes).toEqual([[OTHER], [PAPER]]);
    expect(holder.current.corpus.documents.map((d) => d.file)).toEqual([OTHER]);
    expect(holder.current.stats).toEqual(loadPaperIndex(dir).index.stats);
    await waitUntil(() => saved.length > 0, 20_000);
    await sleep(600);
    expect(saved).toEqual([holder.current]);
  });
});
