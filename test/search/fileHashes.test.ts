import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FILE_HASHES_FILE, FileHashes } from '../../src/search/fileHashes';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'file-hashes-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Remembers even a file written this instant: a test cannot wait for its change time to age. */
const NO_RACE = -60_000;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
/** A paper last written a minute ago, so its hash may be remembered (a file written this instant may not: see RACY_MS). */
function oldPaper(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  const minuteAgo = new Date(Date.now() - 60_000);
  utimesSync(file, minuteAgo, minuteAgo);
  return file;
}
function saved(): Record<string, { hash: string }> {
  return (JSON.parse(readFileSync(path.join(work, FILE_HASHES_FILE), 'utf8')) as { files: Record<string, { hash: string }> }).files;
}

describe('FileHashes', () => {
  it('hashes a file, but does not remember a file changed just now: it may change again within the same tick', () => {
    const file = oldPaper('a.txt', 'Minutes of the panel');
    const hashes = FileHashes.read(work);
    expect(hashes.hash(file, 'a.txt')).toBe(sha256('Minutes of the panel'));
    hashes.save();
    // Its ctime is now (a ctime cannot be set back), whatever its mtime says.
    expect(saved()).toStrictEqual({});
  });

  it('notices a file rewritten with the same size and its old modification time put back', () => {
    const file = oldPaper('a.txt', 'Resolved: to note the report');
    const first = FileHashes.read(work, { racyMs: NO_RACE });
    expect(first.hash(file, 'a.txt')).toBe(sha256('Resolved: to note the report'));
    first.save();
    expect(saved()['a.txt']?.hash).toBe(sha256('Resolved: to note the report'));
    const { mtime } = statSync(file);
    writeFileSync(file, 'Resolved: to defer the report'.slice(0, 'Resolved: to note the report'.length));
    utimesSync(file, mtime, mtime);
    // Size and mtime as remembered: only the changed ctime tells, and the file is hashed again.
    expect(FileHashes.read(work, { racyMs: NO_RACE }).hash(file, 'a.txt')).toBe(sha256('Resolved: to defer the repor'));
  });

  it('answers from memory, without reading, a file whose size and times are unchanged', () => {
    const file = oldPaper('a.txt', 'Apologies were received');
    const first = FileHashes.read(work, { racyMs: NO_RACE });
    first.hash(file, 'a.txt');
    first.save();
    // The remembered hash is what comes back: proven by editing the memory, not the file.
    const memory = JSON.parse(readFileSync(path.join(work, FILE_HASHES_FILE), 'utf8')) as { files: Record<string, { hash: string }> };
    memory.files['a.txt']!.hash = 'remembered';
    writeFileSync(path.join(work, FILE_HASHES_FILE), JSON.stringify(memory));
    expect(FileHashes.read(work, { racyMs: NO_RACE }).hash(file, 'a.txt')).toBe('remembered');
  });

  it('hashes every file when the memory is damaged', () => {
    const file = oldPaper('a.txt', 'Declarations of interest');
    writeFileSync(path.join(work, FILE_HASHES_FILE), '{"version":1,"files":{"a.txt":');
    expect(FileHashes.read(work, { racyMs: NO_RACE }).hash(file, 'a.txt')).toBe(sha256('Declarations of interest'));
  });
});
