import type { IngestProgress } from './readPaperFolderAsync';

/** Folders with fewer files than this load too fast for a bar to help. */
const PROGRESS_MIN_FILES = 10;
/** Redraw at most this often, so thousands of small files don't spend their time drawing. */
const PROGRESS_REDRAW_MS = 100;
const BAR_WIDTH_CHARS = 30;

/**
 * A one-line progress bar for `readPaperFolderAsync`'s `onProgress`, drawn on `stream` and erased
 * when done. Undefined when the stream is not a terminal, so logs and pipes get no control characters.
 *
 * @example await readPaperFolderAsync(dir, { onProgress: progressBar(process.stderr) })
 */
export function progressBar(stream: NodeJS.WriteStream): ((progress: IngestProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  let drawnAt = 0;
  return ({ done, total, file }) => {
    if (total < PROGRESS_MIN_FILES) return;
    if (done >= total) {
      stream.write('\r\x1b[K');
      return;
    }
    const now = Date.now();
    if (now - drawnAt < PROGRESS_REDRAW_MS) return;
    drawnAt = now;
    const filled = Math.round((BAR_WIDTH_CHARS * done) / total);
    const line = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH_CHARS - filled)}] ${done}/${total} files  ${file}`;
    stream.write(`\r${line.slice(0, Math.max(0, (stream.columns || 80) - 1))}\x1b[K`);
  };
}
