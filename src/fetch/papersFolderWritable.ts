import { access, constants } from 'node:fs/promises';

/**
 * Why fetched papers could not be saved in `dir`, or null when they can. Checked at start when
 * fetching is on, so a papers folder mounted read-only (a container's `:ro` volume) stops the bot
 * with one line instead of failing every download of every round.
 */
export async function papersFolderProblem(dir: string, check: (dir: string) => Promise<void> = (d) => access(d, constants.W_OK)): Promise<string | null> {
  try {
    await check(dir);
    return null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    // A missing folder is reported by ingest, which names it.
    if (code === 'ENOENT') return null;
    const why = code === 'EROFS' ? 'is mounted read-only' : code === 'EACCES' || code === 'EPERM' ? 'is not writable by this user' : `cannot be written (${code})`;
    return `MODERNGOV_URL is set but the papers folder ${dir} ${why}: fetched papers are saved there, so mount or make it writable, or leave MODERNGOV_URL empty`;
  }
}
