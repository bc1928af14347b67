import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { removeLeftoverParts, writeFileAtomic } from '../../src/state';

describe('removeLeftoverParts', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'parts-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('removes the temp files a killed write left, and nothing else', async () => {
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const stale = '.announcements.json.4242.0a1b2c3d.part';
    const fresh = '.conversations.jsonl.4243.deadbeef.part';
    for (const name of [stale, fresh, '.editor-swap.part', 'minutes.part', 'pack.pdf']) writeFileSync(path.join(dir, name), 'x');
    for (const name of [stale, '.editor-swap.part', 'minutes.part', 'pack.pdf']) utimesSync(path.join(dir, name), hourAgo, hourAgo);
    expect(await removeLeftoverParts(dir)).toEqual([stale]);
    // A write in progress (another instance's) is left alone; so is every file writeFileAtomic did not name.
    expect(readdirSync(dir).sort()).toEqual(['.conversations.jsonl.4243.deadbeef.part', '.editor-swap.part', 'minutes.part', 'pack.pdf']);
  });

  it('names its temp files so that they are found', async () => {
    await writeFileAtomic(path.join(dir, 'state.json'), '{}');
    writeFileSync(path.join(dir, `.state.json.${process.pid}.00ff00ff.part`), 'torn');
    expect(await removeLeftoverParts(dir, Date.now() + 60 * 60_000)).toEqual([`.state.json.${process.pid}.00ff00ff.part`]);
    expect(readdirSync(dir)).toEqual(['state.json']);
  });

  it('has nothing to remove from a folder that is not there', async () => {
    expect(await removeLeftoverParts(path.join(dir, 'missing'))).toEqual([]);
  });
});
