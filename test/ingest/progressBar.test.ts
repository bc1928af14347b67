import { progressBar } from '../../src/ingest';

function fakeStream(isTTY: boolean): NodeJS.WriteStream & { written: string[] } {
  const written: string[] = [];
  return { isTTY, columns: 60, written, write: (s: string) => written.push(s) > 0 } as unknown as NodeJS.WriteStream & { written: string[] };
}

describe('progressBar', () => {
  it('is undefined when the stream is not a terminal, so logs and pipes get no control characters', () => {
    expect(progressBar(fakeStream(false))).toBeUndefined();
  });

  it('draws a bar while many files load and erases it at the end', () => {
    const stream = fakeStream(true);
    const onProgress = progressBar(stream)!;
    onProgress({ done: 5, total: 10, file: 'pack.pdf' });
    onProgress({ done: 10, total: 10, file: 'last.pdf' });
    expect(stream.written).toStrictEqual(['\r[###############...............] 5/10 files  pack.pdf\x1b[K', '\r\x1b[K']);
  });

  it('stays quiet for a handful of files', () => {
    const stream = fakeStream(true);
    progressBar(stream)!({ done: 1, total: 3, file: 'a.txt' });
    expect(stream.written).toStrictEqual([]);
  });
});
