import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJsonLogger } from '../../src/bot';
import { PaperWorkerStartError } from '../../src/ingest';
import { loadPaperIndex } from '../../src/search';
import { IndexHolder, PapersWatcher } from '../../src/watch';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { sleep } from '../helpers/waitUntil';

const PAPER = '003_65cc75b47768e268.txt';

describe('PapersWatcher when the paper reader cannot start', () => {
  it('logs it once as the reader’s failure, keeps serving, and indexes once the reader is back', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'watch-reader-'));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER), path.join(dir, PAPER));
    const holder = new IndexHolder(loadPaperIndex(dir).index);
    const logs: { event: string }[] = [];
    let readerBroken = true;
    const watcher = new PapersWatcher({
      dir,
      holder,
      logger: createJsonLogger('debug', (line) => logs.push(JSON.parse(line) as { event: string })),
      debounceMs: 10,
      settleMs: 100,
      rescanMs: 50,
      load: (d) => {
        if (readerBroken) throw new PaperWorkerStartError('reader.js', 'Cannot find module');
        return loadPaperIndex(d);
      },
    });
    try {
      await watcher.start();
      copyFileSync(path.join(SAMPLE_PAPERS_DIR, PAPER), path.join(dir, 'new.txt'));
      await sleep(1_000);
      expect(logs.filter((l) => l.event === 'paper_reader_unavailable')).toHaveLength(1);
      expect(logs.filter((l) => l.event === 'papers_reindex_failed' || l.event === 'paper_issue')).toEqual([]);
      expect(holder.current.lines(PAPER)).toBeDefined();
      readerBroken = false;
      await sleep(500);
      expect(holder.current.lines('new.txt')).toBeDefined();
    } finally {
      await watcher.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
