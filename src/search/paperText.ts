import { closeSync, readSync } from 'node:fs';

/**
 * One paper file's lines, held as UTF-8 bytes with the offset of each line, not as one string per
 * line. A council's decade of papers is 100 MB of text or more: split into strings it costs two to
 * three times that in heap (a header per line, and two bytes a character once a line holds a curly
 * quote). Lines are decoded when asked for, which is a few lines per answer.
 *
 * The bytes are in memory for an index just built, and stay in the snapshot file for an index loaded
 * from one: read there when asked for, as a search engine reads its stored fields, so that loading
 * touches none of the text.
 */
export class PaperText {
  private constructor(
    private readonly bytes: TextBytes,
    /** Byte offset where each line starts, plus one past the end of the last line's newline. */
    private readonly starts: Uint32Array,
  ) {}

  static fromLines(lines: readonly string[]): PaperText {
    const bytes = Buffer.from(lines.map((l) => `${l}\n`).join(''), 'utf8');
    const starts = new Uint32Array(lines.length + 1);
    let at = 0;
    for (let k = 0; k < lines.length; k++) {
      starts[k] = at;
      at = bytes.indexOf(0x0a, at) + 1;
    }
    starts[lines.length] = bytes.length;
    return new PaperText(inMemory(bytes), starts);
  }

  /** A text saved by `toBytes` and `lineStarts`, read from `file` at `offset` when asked for. */
  static inFile(file: SnapshotTextFile, offset: number, starts: Uint32Array): PaperText {
    return new PaperText({ read: (from, to) => file.read(offset + from, to - from) }, starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  /** Line `index` (0-based), or undefined past the end: like `lines[index]`. */
  at(index: number): string | undefined {
    if (!(index >= 0 && index < this.length)) return undefined;
    return this.slice(index, index + 1)[0];
  }

  /** Lines [start, end) (0-based), like `lines.slice(start, end)`: one read for the lot. */
  slice(start = 0, end = this.length): string[] {
    const from = Math.max(0, start < 0 ? this.length + start : start);
    const to = Math.min(this.length, end < 0 ? this.length + end : end);
    if (to <= from) return [];
    const text = this.bytes.read(this.starts[from]!, this.starts[to]! - 1).toString('utf8');
    return text.split('\n');
  }

  /** What a snapshot saves: every line followed by "\n". */
  toBytes(): Buffer {
    return this.bytes.read(0, this.starts[this.length]!);
  }

  /** What a snapshot saves beside the bytes: where each line starts. */
  lineStarts(): Uint32Array {
    return this.starts;
  }
}

interface TextBytes {
  read(from: number, to: number): Buffer;
}

function inMemory(bytes: Buffer): TextBytes {
  return { read: (from, to) => bytes.subarray(from, to) };
}

/** Closes a snapshot's file once no index reads from it: the last PaperText reading it was collected. */
const closeWhenUnused = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    // Already closed (the process is ending): nothing to release.
  }
});

/** An open snapshot file that PaperTexts read from. A newer snapshot renamed over it leaves this one readable. */
export class SnapshotTextFile {
  constructor(private readonly fd: number) {
    closeWhenUnused.register(this, fd);
  }

  read(position: number, length: number): Buffer {
    const buffer = Buffer.allocUnsafe(length);
    for (let done = 0; done < length; ) {
      const n = readSync(this.fd, buffer, done, length - done, position + done);
      if (n === 0) throw new Error(`snapshot: text ends early at byte ${position + done}`);
      done += n;
    }
    return buffer;
  }
}
