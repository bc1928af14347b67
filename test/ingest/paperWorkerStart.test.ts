import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PaperWorker, PaperWorkerStartError, readPaperFolderWith, SkippedPapers } from '../../src/ingest';
import { DEFAULT_PAPER_LIMITS } from '../../src/ingest/paperLimits';

const PAPERS = join(__dirname, '..', '..', 'data', 'papers');
const NAMES = ['000_73aa9faf505450da.txt'];

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'panel-papers-worker-start-'));
  for (const name of NAMES) copyFileSync(join(PAPERS, name), join(dir, name));
  copyFileSync(join(PAPERS, NAMES[0]!), join(dir, 'second.txt'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a paper reader that cannot start', () => {
  it('is reported once as the bot’s own failure, and no paper is skipped for it', async () => {
    const skipped = new SkippedPapers();
    const missing = join(dir, 'no-such-reader.ts');
    const read = readPaperFolderWith(dir, missing, { skipped });
    await expect(read).rejects.toBeInstanceOf(PaperWorkerStartError);
    await expect(read).rejects.toThrow(/the paper reader \(.*no-such-reader\.ts\) could not start: .*not of any paper/su);
    for (const name of [...NAMES, 'second.txt']) expect(skipped.recall(join(dir, name), name)).toBeUndefined();
  }, 60_000);

  it('is reported by the read after a warm-up that failed, not by the warm-up', async () => {
    const reader = new PaperWorker(join(dir, 'no-such-reader.ts'), DEFAULT_PAPER_LIMITS);
    await expect(reader.warm()).resolves.toBeUndefined();
    await expect(reader.read(join(dir, 'second.txt'), 'second.txt')).rejects.toBeInstanceOf(PaperWorkerStartError);
    await reader.close();
  }, 60_000);

  it('still reads the papers once the reader is there', async () => {
    const skipped = new SkippedPapers();
    const folder = await readPaperFolderWith(dir, join(__dirname, '..', '..', 'src', 'ingest', 'readPaperInWorker.ts'), { skipped });
    expect(folder.issues).toEqual([]);
    expect(folder.documents.map((d) => d.file).sort()).toEqual([...NAMES, 'second.txt'].sort());
  }, 60_000);
});
