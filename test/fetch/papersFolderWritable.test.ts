import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { papersFolderProblem } from '../../src/fetch';

const failWith = (code: string) => async (): Promise<void> => {
  throw Object.assign(new Error(code), { code });
};

describe('a papers folder fetching can write to', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'papers-writable-'));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('is fine when writable, and leaves a missing folder to ingest (which names it)', async () => {
    expect(await papersFolderProblem(dir)).toBeNull();
    expect(await papersFolderProblem(path.join(dir, 'missing'))).toBeNull();
  });

  it('says a read-only mount is read-only, in one line with the fix', async () => {
    expect(await papersFolderProblem('/papers', failWith('EROFS'))).toBe(
      'MODERNGOV_URL is set but the papers folder /papers is mounted read-only: fetched papers are saved there, so mount or make it writable, or leave MODERNGOV_URL empty',
    );
    expect(await papersFolderProblem('/papers', failWith('EACCES'))).toMatch(/\/papers is not writable by this user: /u);
  });

  // root may write anywhere, so the permission itself can only be tried as another user.
  (process.getuid?.() === 0 ? it.skip : it)('finds a folder this user may not write (skipped as root, who may write anywhere)', async () => {
    chmodSync(dir, 0o555);
    expect(await papersFolderProblem(dir)).toMatch(/is not writable by this user/u);
  });
});
