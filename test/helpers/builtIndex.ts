import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadPaperIndex, loadPaperIndexAsync, type PaperIndex } from '../../src/search';
import { codeFingerprint } from '../../src/search/snapshot';

/**
 * Where the tests keep a snapshot of a read-only papers folder, so that the many test files that
 * search the same folder (the sample papers, a council's) read and parse its PDFs once per code
 * version instead of once per file. The snapshot path is the one the bot takes at start-up: it
 * hashes every paper and re-parses any that changed, and its own tests (test/search/snapshot*) check
 * that a loaded index searches and answers as a built one does. Keyed by the code's fingerprint too,
 * so worktrees on other code never overwrite each other's snapshot.
 */
export function testSnapshotDir(papersDir: string): string {
  const folder = createHash('sha256').update(path.resolve(papersDir)).digest('hex').slice(0, 16);
  return path.join(tmpdir(), 'panel-papers-test-index', codeFingerprint().slice(0, 16), folder);
}

/** The index over a read-only folder, through the tests' shared snapshot. */
export function builtIndex(papersDir: string): PaperIndex {
  return loadPaperIndex(papersDir, { snapshotDir: testSnapshotDir(papersDir) }).index;
}

/** As builtIndex, with papers read in workers as the bot does at start-up. */
export async function builtIndexAsync(papersDir: string): Promise<PaperIndex> {
  return (await loadPaperIndexAsync(papersDir, { snapshotDir: testSnapshotDir(papersDir) })).index;
}
