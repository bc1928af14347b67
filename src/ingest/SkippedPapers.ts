import { lstatSync } from 'node:fs';
import type { ParseIssue } from '../model';

interface Skipped {
  readonly size: number;
  readonly mtimeMs: number;
  readonly issue: ParseIssue;
}

/** Issues that cost a paper's whole budget to find: such a paper is not read again until it changes. */
const COSTLY: ReadonlySet<ParseIssue['code']> = new Set(['over_budget', 'oversized_file']);

/**
 * Papers skipped for their size or for running out of time or memory, by the size and modification
 * time they had then. Re-indexing (the watcher, on any change to the folder) would otherwise spend
 * a whole budget on the same paper every time. Kept by the caller from one folder read to the next.
 */
export class SkippedPapers {
  readonly #skipped = new Map<string, Skipped>();

  /** The issue a paper was skipped with, if it has not changed since; undefined to read it. */
  recall(path: string, name: string): ParseIssue | undefined {
    const skipped = this.#skipped.get(name);
    if (!skipped) return undefined;
    const now = statOf(path);
    if (now && now.size === skipped.size && now.mtimeMs === skipped.mtimeMs) return skipped.issue;
    this.#skipped.delete(name);
    return undefined;
  }

  /** Remembers a costly issue against the size and time the paper had before it was read. */
  remember(name: string, before: { size: number; mtimeMs: number } | null, issue: ParseIssue | undefined): void {
    if (before && issue && COSTLY.has(issue.code)) this.#skipped.set(name, { ...before, issue });
  }
}

export function statOf(path: string): { size: number; mtimeMs: number } | null {
  try {
    const { size, mtimeMs } = lstatSync(path);
    return { size, mtimeMs };
  } catch {
    return null;
  }
}
