import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';

/** The part of the fetcher's state (src/fetch/FetchState.ts, version 1) the paper view reads: URL → copy. */
const FETCH_STATE = z.object({ version: z.literal(1), copies: z.record(z.string(), z.object({ file: z.string() }).loose()) });

/**
 * Where each fetched paper was published: the ModernGov URL the fetcher saved it from, read from its
 * state file (read only; re-read when the file changes). A missing or unreadable file means no paper
 * was fetched: the view then offers the file itself.
 */
export function fetchedUrls(stateFile: string): (file: string) => string | null {
  let seen: { mtimeMs: number; size: number; urls: Map<string, string> } | null = null;
  return (file) => {
    try {
      const { mtimeMs, size } = statSync(stateFile);
      if (!seen || seen.mtimeMs !== mtimeMs || seen.size !== size) {
        const parsed = FETCH_STATE.safeParse(JSON.parse(readFileSync(stateFile, 'utf8')));
        const urls = new Map<string, string>();
        if (parsed.success) for (const [url, copy] of Object.entries(parsed.data.copies)) if (/^https?:\/\//u.test(url)) urls.set(copy.file, url);
        seen = { mtimeMs, size, urls };
      }
      return seen.urls.get(file) ?? null;
    } catch {
      return null;
    }
  };
}
