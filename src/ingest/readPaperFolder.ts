import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import type { ParseIssue } from '../model';
import type { SourceDocument } from './sourceDocument';

/** Extensions read as plain text today; PDF and HTML readers slot in beside them. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md']);

export interface PaperFolder {
  readonly documents: readonly SourceDocument[];
  readonly issues: readonly ParseIssue[];
}

/** Reads every paper in a folder. A file that can't be read is reported and skipped; the rest load. */
export function readPaperFolder(dir: string): PaperFolder {
  const documents: SourceDocument[] = [];
  const issues: ParseIssue[] = [];
  const names = readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort();
  for (const name of names) {
    const path = join(dir, name);
    let isFile: boolean;
    try {
      isFile = statSync(path).isFile();
    } catch (error) {
      // A dangling link or a file removed while we list the folder: report it, keep going.
      issues.push({ code: 'unreadable_file', message: `ingest: cannot read ${name}: ${(error as Error).message}`, file: name, line: null });
      continue;
    }
    if (!isFile) continue;
    const result = readPaperFile(path, name);
    if ('issue' in result) issues.push(result.issue);
    else documents.push(result.document);
  }
  return { documents, issues };
}

export function readPaperFile(
  path: string,
  file: string,
): { document: SourceDocument } | { issue: ParseIssue } {
  const ext = extname(file).toLowerCase();
  if (!TEXT_EXTENSIONS.has(ext)) {
    return issue(file, 'unsupported_file', `ingest: ${file} is not a paper this version reads (${ext || 'no extension'}); skipped`);
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return issue(file, 'unreadable_file', `ingest: cannot read ${file}: ${(error as Error).message}`);
  }
  const text = decodeText(bytes);
  if (text === null) {
    return issue(file, 'undecodable_file', `ingest: ${file} is not UTF-8 text; skipped`);
  }
  if (text.trim() === '') return issue(file, 'empty_file', `ingest: ${file} is empty; skipped`);
  return {
    document: {
      file,
      lines: text.split(/\r?\n/u),
      pages: null,
      contentHash: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

/** UTF-8 (with or without BOM); anything with NUL bytes or invalid sequences is refused, not mangled. */
function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

function issue(file: string, code: ParseIssue['code'], message: string): { issue: ParseIssue } {
  return { issue: { code, message, file, line: null } };
}
