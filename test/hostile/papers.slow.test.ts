import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, truncateSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createJsonLogger } from '../../src/bot';
import { DEFAULT_PAPER_LIMITS, readPaperFolderAsync, SkippedPapers, type PaperLimits } from '../../src/ingest';
import type { ParseIssue } from '../../src/model';
import { loadPaperIndexAsync, type LoadedPaperIndex } from '../../src/search';
import { IndexHolder, PapersWatcher } from '../../src/watch';
import { startHostileServer, type HostileServer } from './hostileServer';
import { longLineText, nestedHtml, pdfWithRuns, unclosedInlineHtml } from './hostilePapers';

/**
 * Hostile papers: what a papers folder nobody vets can hold, dropped into a copy of the sample
 * folder. Whatever is there, the bot starts, answers from the good papers, keeps /livez fast while
 * it reads the rest, reports each bad file by name with the reason, and never shows a word of a
 * file outside the folder or of an exempt paper. A 200 MB paper of real text is written and read
 * too (a few seconds, about 1 GB of memory for a moment); HOSTILE_BIG_PAPERS=0 leaves it out.
 */

const SAMPLE_DIR = path.join(__dirname, '..', '..', 'data', 'papers');
/** Words that must never reach a reply: they are only in a file outside the folder or in an exempt paper. */
const OUTSIDE_SECRET = 'zqxoutsidesecret';
const EXEMPT_SECRET = 'zqxexemptwords';
const QUESTION = 'what did the panel resolve on exclusions';
/** /livez must answer within this while papers are read: it never waits on a paper. */
const LIVEZ_MS = 1_000;
/** Generous for a loaded 2-core machine; budget failures are tested with their own small budgets below. */
const LIMITS: PaperLimits = { ...DEFAULT_PAPER_LIMITS, timeoutMs: 45_000, memoryMb: 512 };

let root: string;
let papersDir: string;
let outsideFile: string;

/** A fresh copy of the sample papers beside a folder outside it holding a secret. */
function makeFolders(): void {
  root = mkdtempSync(path.join(tmpdir(), 'hostile-papers-'));
  papersDir = path.join(root, 'papers');
  mkdirSync(papersDir);
  for (const name of readdirSync(SAMPLE_DIR)) copyFileSync(path.join(SAMPLE_DIR, name), path.join(papersDir, name));
  mkdirSync(path.join(root, 'outside'));
  outsideFile = path.join(root, 'outside', 'secret.txt');
  writeFileSync(outsideFile, `Children and Young People Scrutiny Panel\nResolved: that the ${OUTSIDE_SECRET} password is hunter2.\n`);
}

function write(name: string, content: string | Buffer): void {
  writeFileSync(path.join(papersDir, name), content);
}

/** The hostile files present when the bot starts, with the issue each must be reported with. */
function dropStartupPapers(): Record<string, ParseIssue['code']> {
  write('nested.html', nestedHtml(100_000, 'A deeply nested sentence.'));
  write('unclosed-inline.html', unclosedInlineHtml(1_200_000));
  write('long-line.txt', longLineText(100_000));
  symlinkSync(outsideFile, path.join(papersDir, 'link-out.txt'));
  symlinkSync(path.join(papersDir, '000_73aa9faf505450da.txt'), path.join(papersDir, 'link-in.txt'));
  symlinkSync(path.join(root, 'nowhere.txt'), path.join(papersDir, 'link-dangling.txt'));
  write('zero-width-exempt.txt', `NOT\u200bFOR PUBLICATION\nChildren and Young People Scrutiny Panel\nResolved: that the ${EXEMPT_SECRET} contract is awarded.\n`);
  write('fullwidth-exempt.txt', `ＣＯＮＦＩＤＥＮＴＩＡＬ\nResolved: that the ${EXEMPT_SECRET} site is sold.\n`);
  // 200 MB on disk without writing it: a sparse file is refused on its size before a byte is read.
  write('huge.txt', '');
  truncateSync(path.join(papersDir, 'huge.txt'), 200 * 1024 * 1024);
  return {
    'nested.html': 'oversized_file',
    'unclosed-inline.html': 'oversized_file',
    'long-line.txt': 'oversized_file',
    'link-out.txt': 'refused_file',
    'link-in.txt': 'refused_file',
    'link-dangling.txt': 'refused_file',
    'zero-width-exempt.txt': 'exempt_paper',
    'fullwidth-exempt.txt': 'exempt_paper',
    'huge.txt': 'oversized_file',
  };
}

/** Every string in a reply, cards and citations included. */
function shown(value: unknown): string {
  return JSON.stringify(value);
}

async function timedLivez(server: HostileServer): Promise<number> {
  const started = Date.now();
  const response = await server.send('GET', '/livez');
  expect(response.status).toBe(200);
  return Date.now() - started;
}

/** Asks the sample question; the answer must cite one of the sample papers. */
async function expectAnswered(server: HostileServer): Promise<void> {
  const replies = await server.ask(QUESTION);
  expect(shown(replies)).toMatch(/\/papers\/00\d_[0-9a-f]{16}\.txt/u);
}

describe('hostile papers at start', () => {
  let expected: Record<string, ParseIssue['code']>;
  let loaded: LoadedPaperIndex;
  let startMs: number;
  let server: HostileServer;

  beforeAll(async () => {
    makeFolders();
    expected = dropStartupPapers();
    // 200,000 text runs on one page: read (it is well formed), not a crash.
    write('runs.pdf', pdfWithRuns(200_000, 400));
    const started = Date.now();
    loaded = await loadPaperIndexAsync(papersDir, { limits: LIMITS, skipped: new SkippedPapers() });
    startMs = Date.now() - started;
    server = await startHostileServer({ papers: new IndexHolder(loaded.index) });
  }, 90_000);
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('starts, serving every good paper, the PDF of 200,000 runs included', () => {
    const served = loaded.index.corpus.documents.map((d) => d.file).sort();
    expect(served).toEqual([...readdirSync(SAMPLE_DIR), 'runs.pdf'].sort());
    expect(startMs).toBeLessThan(LIMITS.timeoutMs);
  });

  it.each(['nested.html', 'unclosed-inline.html', 'long-line.txt', 'link-out.txt', 'link-in.txt', 'link-dangling.txt', 'zero-width-exempt.txt', 'fullwidth-exempt.txt', 'huge.txt'])(
    'reports %s by name, with the reason, and skips it',
    (file) => {
      const issue = loaded.issues.find((i) => i.file === file);
      expect(issue?.code).toBe(expected[file]);
      expect(issue?.message).toContain(file);
      expect(issue?.message).toMatch(/nests elements more than|characters long|symbolic link|NOT FOR PUBLICATION|CONFIDENTIAL|200\.0 MB/u);
    },
  );

  it('answers from the good papers and keeps /livez fast', async () => {
    await expectAnswered(server);
    expect(await timedLivez(server)).toBeLessThan(LIVEZ_MS);
  });

  it('never shows a word of a file outside the folder or of an exempt paper', async () => {
    for (const question of [OUTSIDE_SECRET, `what was resolved on the ${OUTSIDE_SECRET} password`, EXEMPT_SECRET, `what did the panel resolve on the ${EXEMPT_SECRET} contract`]) {
      const replies = shown(await server.ask(question));
      expect(replies).not.toContain(OUTSIDE_SECRET);
      expect(replies).not.toContain(EXEMPT_SECRET);
      expect(replies).not.toContain('hunter2');
    }
    for (const file of ['link-out.txt', 'link-in.txt', 'zero-width-exempt.txt']) {
      const view = await server.send('GET', `/papers/${file}`);
      expect(view.status).not.toBe(200);
      expect(view.text).not.toContain(OUTSIDE_SECRET);
      expect(view.text).not.toContain(EXEMPT_SECRET);
    }
  });
});

describe('hostile papers while the bot runs', () => {
  let server: HostileServer;
  let watcher: PapersWatcher;
  let holder: IndexHolder;
  const events: { event: string; [field: string]: unknown }[] = [];

  beforeAll(async () => {
    makeFolders();
    const skipped = new SkippedPapers();
    // With a snapshot, as index.ts loads: a re-index reads only the papers that changed.
    const snapshotDir = path.join(root, 'data', 'index');
    const load = (dir: string) => loadPaperIndexAsync(dir, { limits: LIMITS, skipped, snapshotDir });
    holder = new IndexHolder((await load(papersDir)).index);
    server = await startHostileServer({ papers: holder });
    const logger = createJsonLogger('info', (line) => events.push(JSON.parse(line) as { event: string }));
    watcher = new PapersWatcher({ dir: papersDir, holder, logger, load, debounceMs: 20, settleMs: 100, rescanMs: 250 });
    await watcher.start();
  }, 60_000);
  afterAll(async () => {
    await watcher?.stop();
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  /** Waits for the re-index that reports `file`, probing /livez and asking the sample question meanwhile. */
  async function reindexReporting(file: string): Promise<{ issues: ParseIssue[]; slowestLivezMs: number }> {
    let slowest = 0;
    const deadline = Date.now() + 60_000;
    while (!events.some((e) => e.event === 'paper_issue' && e.file === file)) {
      if (Date.now() > deadline) throw new Error(`no paper_issue for ${file}; events: ${events.map((e) => e.event).join(', ')}`);
      slowest = Math.max(slowest, await timedLivez(server));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await expectAnswered(server);
    return { issues: events.filter((e) => e.event === 'paper_issue') as unknown as ParseIssue[], slowestLivezMs: slowest };
  }

  it('re-indexes a folder of hostile papers with /livez fast throughout, reporting each by name', async () => {
    // Enough runs to keep the worker busy for a while, so /livez is probed during the read.
    write('runs.pdf', pdfWithRuns(40_000, 400));
    write('nested.html', nestedHtml(100_000, 'A deeply nested sentence.'));
    write('unclosed-inline.html', unclosedInlineHtml(1_200_000));
    write('long-line.txt', longLineText(100_000));
    symlinkSync(outsideFile, path.join(papersDir, 'link-out.txt'));
    const { issues, slowestLivezMs } = await reindexReporting('unclosed-inline.html');
    expect(slowestLivezMs).toBeLessThan(LIVEZ_MS);
    for (const file of ['nested.html', 'unclosed-inline.html', 'long-line.txt']) expect(issues.find((i) => i.file === file)?.message).toContain(file);
    expect(shown(await server.ask(OUTSIDE_SECRET))).not.toContain(OUTSIDE_SECRET);
  }, 90_000);

  it('reads a paper changed into a link as refused, not followed', async () => {
    write('turncoat.txt', 'Children and Young People Scrutiny Panel\nThe panel noted the turncoat report.\n');
    const deadline = Date.now() + 60_000;
    while (!holder.current.corpus.documents.some((d) => d.file === 'turncoat.txt')) {
      if (Date.now() > deadline) throw new Error('turncoat.txt was never indexed');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    unlinkSync(path.join(papersDir, 'turncoat.txt'));
    symlinkSync(outsideFile, path.join(papersDir, 'turncoat.txt'));
    const { issues } = await reindexReporting('turncoat.txt');
    expect(issues.find((i) => i.file === 'turncoat.txt')?.code).toBe('refused_file');
    expect(shown(await server.ask(OUTSIDE_SECRET))).not.toContain(OUTSIDE_SECRET);
  }, 90_000);
});

describe('a paper replaced mid-index', () => {
  beforeAll(makeFolders);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is refused when it became a link between the folder listing and its read', async () => {
    write('zz-replaced.txt', 'Children and Young People Scrutiny Panel\nThe panel noted the report.\n');
    let swapped = false;
    const folder = await readPaperFolderAsync(papersDir, {
      limits: LIMITS,
      // After the first paper is read and before zz-replaced.txt is, it is swapped for a link to the secret.
      onProgress: () => {
        if (swapped) return;
        swapped = true;
        unlinkSync(path.join(papersDir, 'zz-replaced.txt'));
        symlinkSync(outsideFile, path.join(papersDir, 'zz-replaced.txt'));
      },
    });
    expect(folder.issues.find((i) => i.file === 'zz-replaced.txt')).toMatchObject({ code: 'refused_file', message: expect.stringContaining('symbolic link') });
    expect(JSON.stringify(folder.documents)).not.toContain(OUTSIDE_SECRET);
    expect(folder.documents).toHaveLength(readdirSync(SAMPLE_DIR).length);
  }, 30_000);
});

describe('papers over their time or memory budget', () => {
  beforeAll(makeFolders);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('stops a paper over its time, reports it, reads the rest, and does not read it again until it changes', async () => {
    // Named to come first, so every sample paper is read after its worker was stopped.
    write('aaa-slow.pdf', pdfWithRuns(200_000, 400));
    const skipped = new SkippedPapers();
    const limits = { ...LIMITS, timeoutMs: 1_500 };
    const first = await readPaperFolderAsync(papersDir, { limits, skipped });
    expect(first.issues.find((i) => i.file === 'aaa-slow.pdf')).toMatchObject({ code: 'over_budget', message: expect.stringContaining('took longer than 1.5 s') });
    expect(first.documents).toHaveLength(readdirSync(SAMPLE_DIR).length);

    const started = Date.now();
    const again = await readPaperFolderAsync(papersDir, { limits, skipped, only: new Set(['aaa-slow.pdf']) });
    expect(again.issues.find((i) => i.file === 'aaa-slow.pdf')?.code).toBe('over_budget');
    expect(Date.now() - started).toBeLessThan(limits.timeoutMs);

    const path_ = path.join(papersDir, 'aaa-slow.pdf');
    expect(skipped.recall(path_, 'aaa-slow.pdf')?.code).toBe('over_budget');
    utimesSync(path_, new Date(), new Date(Date.now() + 5_000));
    expect(skipped.recall(path_, 'aaa-slow.pdf')).toBeUndefined();
  }, 60_000);

  it('reports a paper that needs more memory than its worker has, and reads the rest', async () => {
    write('aaa-heavy.txt', 'The panel noted the report on school places.\n'.repeat(400_000));
    const folder = await readPaperFolderAsync(papersDir, { limits: { ...LIMITS, memoryMb: 24 }, only: new Set(['aaa-heavy.txt', '000_73aa9faf505450da.txt']) });
    expect(folder.issues.find((i) => i.file === 'aaa-heavy.txt')).toMatchObject({ code: 'over_budget', message: expect.stringContaining('memory') });
    expect(folder.documents.map((d) => d.file)).toEqual(['000_73aa9faf505450da.txt']);
  }, 30_000);
});

// A few seconds here, but it briefly takes about 1 GB of memory: HOSTILE_BIG_PAPERS=0 leaves it out.
const big = process.env.HOSTILE_BIG_PAPERS === '0' ? describe.skip : describe;

big('a 200 MB text paper (HOSTILE_BIG_PAPERS=0 leaves it out)', () => {
  beforeAll(makeFolders);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('is read off the main thread and refused on its text, with /livez fast meanwhile', async () => {
    const line = 'The panel noted the report on school places and asked for an update.\n';
    writeFileSync(path.join(papersDir, 'huge.txt'), line.repeat(Math.ceil((200 * 1024 * 1024) / line.length)));
    const server = await startHostileServer();
    try {
      const reading = readPaperFolderAsync(papersDir, { limits: { ...LIMITS, maxFileBytes: 300 * 1024 * 1024, memoryMb: 2048 } });
      let slowest = 0;
      let done = false;
      void reading.finally(() => (done = true));
      while (!done) {
        slowest = Math.max(slowest, await timedLivez(server));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const folder = await reading;
      const issue = folder.issues.find((i) => i.file === 'huge.txt');
      expect(issue?.code).toMatch(/oversized_file|over_budget/u);
      expect(issue?.message).toMatch(/^ingest: huge\.txt was not indexed: (its text is over|it needed more than)/u);
      expect(slowest).toBeLessThan(LIVEZ_MS);
    } finally {
      await server.close();
    }
  }, 300_000);
});
