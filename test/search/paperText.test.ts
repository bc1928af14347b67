import { mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PaperText, SnapshotTextFile } from '../../src/search/paperText';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(tmpdir(), 'paper-text-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** Lines of every length up to a few blocks, with curly quotes (multi-byte), so lines straddle the 4 KB blocks read. */
const LINES = Array.from({ length: 400 }, (_, k) => `Line ${k}: ‘${'x'.repeat((k * 37) % 9000)}’`);

/** A paper's text as a snapshot holds it: after other bytes, read from the file through its block cache. */
function fromFile(): PaperText {
  const text = PaperText.fromLines(LINES);
  const before = Buffer.from('{"t":"file"}\n'.repeat(7));
  const file = path.join(work, 'snapshot');
  writeFileSync(file, Buffer.concat([before, text.toBytes(), Buffer.from('\n')]));
  return PaperText.inFile(new SnapshotTextFile(openSync(file, 'r')), before.length, text.lineStarts());
}

describe('PaperText read from a snapshot file', () => {
  it('reads every line as written, in any order, across block boundaries', () => {
    const text = fromFile();
    const order = LINES.map((_, k) => (k * 151) % LINES.length);
    for (const k of order) expect(text.at(k)).toBe(LINES[k]);
    expect(text.slice(10, 200)).toStrictEqual(LINES.slice(10, 200));
  });

  it('reads the whole text, past the cache, as the bytes saved', () => {
    const text = fromFile();
    text.at(3);
    expect(text.toBytes().equals(PaperText.fromLines(LINES).toBytes())).toBe(true);
    expect(text.slice()).toStrictEqual(LINES);
  });
});
