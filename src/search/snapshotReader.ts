import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';

/** Bytes read per call. One buffer, reused: fresh memory is what a cold start pays for most. */
const CHUNK_BYTES = 8 * 1024 * 1024;

/**
 * Reads a snapshot front to back through one reused buffer, keeping the CRC-32 of every byte it
 * passes. Lines come back as views into the buffer (valid until the next call); a raw section is
 * copied where the caller wants it, or only checksummed when the caller will read it from the file
 * later (a paper's text). Nothing is read twice, and nothing is held that the index does not keep.
 */
export class SnapshotReader {
  private readonly chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  /** File position of chunk[0]. */
  private chunkAt = 0;
  private used = 0;
  private filled = 0;
  crc = 0;

  constructor(
    private readonly fd: number,
    /** Where reading stops: the start of the end line. */
    private readonly end: number,
  ) {}

  /** File position of the next unread byte. */
  get position(): number {
    return this.chunkAt + this.used;
  }

  get done(): boolean {
    return this.position >= this.end;
  }

  /** The next line without its newline, or undefined when the file ends first. */
  line(): Buffer | undefined {
    const pieces: Buffer[] = [];
    for (;;) {
      if (this.used === this.filled && !this.fill()) return undefined;
      const newline = this.chunk.indexOf(0x0a, this.used);
      if (newline >= 0 && newline < this.filled) {
        const piece = this.chunk.subarray(this.used, newline);
        this.crc = crc32(this.chunk.subarray(this.used, newline + 1), this.crc);
        this.used = newline + 1;
        // A line longer than the buffer was copied out piece by piece; most fit and are not copied.
        return pieces.length === 0 ? piece : Buffer.concat([...pieces, piece]);
      }
      const rest = this.chunk.subarray(this.used, this.filled);
      this.crc = crc32(rest, this.crc);
      pieces.push(Buffer.from(rest));
      this.used = this.filled;
    }
  }

  /**
   * Passes `length` raw bytes and the newline after them, copying them into `into` when given.
   * False when the file ends first or no newline follows (a section of the wrong length).
   */
  section(length: number, into?: Uint8Array): boolean {
    for (let done = 0; done < length; ) {
      if (this.used === this.filled && !this.fill()) return false;
      const n = Math.min(length - done, this.filled - this.used);
      const piece = this.chunk.subarray(this.used, this.used + n);
      this.crc = crc32(piece, this.crc);
      into?.set(piece, done);
      this.used += n;
      done += n;
    }
    if (this.used === this.filled && !this.fill()) return false;
    if (this.chunk[this.used] !== 0x0a) return false;
    this.crc = crc32(this.chunk.subarray(this.used, this.used + 1), this.crc);
    this.used++;
    return true;
  }

  private fill(): boolean {
    this.chunkAt += this.filled;
    this.used = 0;
    this.filled = 0;
    const want = Math.min(CHUNK_BYTES, this.end - this.chunkAt);
    while (this.filled < want) {
      const n = readSync(this.fd, this.chunk, this.filled, want - this.filled, this.chunkAt + this.filled);
      if (n === 0) break;
      this.filled += n;
    }
    return this.filled > 0;
  }
}
