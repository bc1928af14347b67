import { lstatSync, readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseIssue } from '../model';
import { setAsideExempt } from './exempt';
import { fileIssue, readPaperFile, refusedFile } from './readPaperFile';
import type { SourceDocument } from './sourceDocument';

/** The papers folder itself is missing or unreadable: nothing can be served, so this one is thrown. */
export class PapersFolderError extends Error {
  constructor(
    readonly dir: string,
    reason: string,
  ) {
    super(`ingest: the papers folder ${dir} ${reason}. Set PAPERS_DIR to the folder of the council's papers (see .env.example).`);
    this.name = 'PapersFolderError';
  }
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PapersFolderError(dir, code === 'ENOENT' ? 'does not exist' : code === 'ENOTDIR' ? 'is not a folder' : `cannot be read (${code ?? (error as Error).message})`);
  }
}

export interface PaperFolder {
  readonly documents: readonly SourceDocument[];
  readonly issues: readonly ParseIssue[];
}

export interface ExemptOptions {
  /** File names never indexed nor served (EXEMPT_PAPERS), besides papers marked exempt (see exempt.ts). */
  readonly exemptFiles?: ReadonlySet<string> | undefined;
}

/**
 * Reads every text and HTML paper in a folder, synchronously. A file that can't be read, or an exempt
 * paper, is reported and skipped; the rest load. PDFs are reported as unsupported: use
 * `readPaperFolderAsync` to read them.
 */
export function readPaperFolder(dir: string, options: ExemptOptions = {}): PaperFolder {
  const { files, issues } = listPaperFiles(dir);
  const documents: SourceDocument[] = [];
  for (const { path, name } of files) {
    const result = readPaperFile(path, name);
    if (result.issue) issues.push(result.issue);
    else documents.push(result.document);
  }
  const served = setAsideExempt(documents, options.exemptFiles ?? new Set());
  return { documents: served.documents, issues: [...issues, ...served.issues] };
}

/**
 * The folder's regular files in name order (hidden files and subfolders left out), and those that
 * can't be looked at or are refused: a symbolic link (it may point anywhere, the bot's .env
 * included) or a device, pipe or socket is reported, never read.
 */
export function listPaperFiles(dir: string, only?: ReadonlySet<string>): { files: { path: string; name: string }[]; issues: ParseIssue[] } {
  const files: { path: string; name: string }[] = [];
  const issues: ParseIssue[] = [];
  // Only the files asked for (a few changed papers): listing a decade's folder would cost more than reading them.
  const names = (only ? [...only] : listFolder(dir))
    .filter((name) => !name.startsWith('.'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(path);
    } catch (error) {
      // A file asked for that is gone was removed: nothing to read.
      if (only && (error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      // A file removed while we list the folder: report it, keep going.
      issues.push(fileIssue(name, 'unreadable_file', `ingest: cannot read ${name}: ${(error as Error).message}`).issue);
      continue;
    }
    if (stat.isFile()) files.push({ path, name });
    else if (stat.isSymbolicLink()) issues.push(refusedFile(name, `is a symbolic link (to ${linkTarget(path)})`).issue);
    else if (!stat.isDirectory()) issues.push(refusedFile(name, 'is not a regular file').issue);
  }
  return { files, issues };
}

function linkTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'an unreadable target';
  }
}
