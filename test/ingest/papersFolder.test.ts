import { writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PapersFolderError, readPaperFolder, readPaperFolderAsync } from '../../src/ingest';

describe('the papers folder itself', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'papers-folder-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is a PapersFolderError naming the folder and the setting when missing', async () => {
    const missing = path.join(dir, 'nowhere');
    expect(() => readPaperFolder(missing)).toThrow(PapersFolderError);
    await expect(readPaperFolderAsync(missing)).rejects.toThrow(`ingest: the papers folder ${missing} does not exist. Set PAPERS_DIR`);
  });

  it('is a PapersFolderError when it is a file', () => {
    const file = path.join(dir, 'a.txt');
    writeFileSync(file, 'not a folder');
    expect(() => readPaperFolder(file)).toThrow(/is not a folder/u);
  });

  it('reads an empty folder as no papers, not an error', () => {
    const empty = mkdtempSync(path.join(dir, 'empty-'));
    expect(readPaperFolder(empty)).toEqual({ documents: [], issues: [] });
  });
});
