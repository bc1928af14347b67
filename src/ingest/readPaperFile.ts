import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import type { ParseIssue } from '../model';
import { readFrontMatter } from './frontMatter';
import { htmlToLines, HtmlTooDeepError } from './htmlToLines';
import { DEFAULT_PAPER_LIMITS, linesOverLimits, type PaperLimits } from './paperLimits';
import { renderXml } from './xmlToLines';
import type { SourceDocument } from './sourceDocument';

/** One file read: its document, or the issue that says why it was skipped. */
export type PaperFileResult = { readonly document: SourceDocument; readonly issue?: never } | { readonly document?: never; readonly issue: ParseIssue };

/** Extensions read as plain text. */
const TEXT_EXTENSIONS = new Set(['.txt', '.md']);
/** Extensions read as HTML pages (ModernGov minutes and agenda pages saved from the council's site). */
const HTML_EXTENSIONS = new Set(['.html', '.htm']);
/** Extensions read as XML data (ModernGov web-service answers: GetCommittees, GetMeetings, GetMeeting). */
const XML_EXTENSIONS = new Set(['.xml']);

/**
 * Reads one text or HTML paper synchronously. PDFs need pdf.js, which is asynchronous: they are
 * reported as unsupported here and read by `readPaperFolderAsync`.
 */
export function readPaperFile(path: string, file: string, limits: PaperLimits = DEFAULT_PAPER_LIMITS): PaperFileResult {
  const ext = extname(file).toLowerCase();
  if (ext === '.pdf') {
    return fileIssue(file, 'unsupported_file', `ingest: ${file} is a PDF, which only readPaperFolderAsync reads; skipped`);
  }
  if (!TEXT_EXTENSIONS.has(ext) && !HTML_EXTENSIONS.has(ext) && !XML_EXTENSIONS.has(ext)) {
    return fileIssue(file, 'unsupported_file', `ingest: ${file} is not a paper this version reads (${ext || 'no extension'}); skipped`);
  }
  const read = readRegularFile(path, file, limits);
  if (read.issue) return read;
  const { bytes } = read;
  const isHtml = HTML_EXTENSIONS.has(ext);
  const isXml = XML_EXTENSIONS.has(ext);
  // Web pages without a UTF-8 charset are in the web's legacy default, windows-1252; text papers must be UTF-8.
  const text = decodeText(bytes) ?? (isHtml && !bytes.includes(0) ? decodeWindows1252(bytes) : null);
  if (text === null) {
    return fileIssue(file, 'undecodable_file', `ingest: ${file} is not UTF-8 text; skipped`);
  }
  let lines: string[];
  try {
    lines = isHtml ? htmlToLines(text) : isXml ? renderXml(text).lines : text.split(/\r?\n/u);
  } catch (error) {
    if (error instanceof HtmlTooDeepError) return oversized(file, error.message);
    throw error;
  }
  if (lines.every((line) => line.trim() === '')) return fileIssue(file, 'empty_file', `ingest: ${file} is empty; skipped`);
  const over = linesOverLimits(lines, limits);
  if (over) return oversized(file, over);
  const frontMatter = isHtml || isXml ? null : readFrontMatter(lines);
  return { document: { file, lines, pages: null, contentHash: contentHash(bytes), ...(isHtml || isXml ? { markup: text } : {}), ...(frontMatter ? { frontMatter } : {}) } };
}

/**
 * A paper's bytes, only from a regular file that is no link (O_NOFOLLOW: a file swapped for a link
 * after the folder was listed is refused too) and within the size limit, checked before reading.
 */
export function readRegularFile(path: string, file: string, limits: PaperLimits): { readonly bytes: Buffer; readonly issue?: never } | { readonly bytes?: never; readonly issue: ParseIssue } {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refusedFile(file, 'is not a regular file');
    if (stat.size > limits.maxFileBytes) {
      return oversized(file, `it is ${megabytes(stat.size)} (the limit is ${megabytes(limits.maxFileBytes)}, PAPER_MAX_MB)`);
    }
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    // Never past the size looked at: a file growing while read is read again when it has settled.
    for (let n = 0; at < bytes.length && (n = readSync(fd, bytes, at, bytes.length - at, at)) > 0; at += n);
    return { bytes: bytes.subarray(0, at) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return refusedFile(file, 'is a symbolic link');
    return fileIssue(file, 'unreadable_file', `ingest: cannot read ${file}: ${(error as Error).message}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A link or anything but a regular file inside the folder: its target could be any file on the machine. */
export function refusedFile(file: string, what: string): { readonly issue: ParseIssue } {
  return fileIssue(file, 'refused_file', `ingest: ${file} ${what}; only regular files inside the papers folder are read, so it is refused`);
}

export function oversized(file: string, why: string): { readonly issue: ParseIssue } {
  return fileIssue(file, 'oversized_file', `ingest: ${file} was not indexed: ${why}; skipped until it changes`);
}

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Hex SHA-256 of a file's bytes, so changed files can be found. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function fileIssue(file: string, code: ParseIssue['code'], message: string): { readonly issue: ParseIssue } {
  return { issue: { code, message, file, line: null } };
}

/** UTF-8 (with or without BOM); anything with NUL bytes or invalid sequences is refused, not mangled. */
function decodeText(bytes: Buffer): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // fatal: true throws on the first invalid sequence; that is the answer we want, not an error.
    return null;
  }
}

/** windows-1252's printable characters at 0x80-0x9F, where it differs from latin1 (undefined bytes stay as they are). */
const WINDOWS_1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

/** Node's TextDecoder('windows-1252') decodes as latin1, turning "–" (0x96) into a control character. */
function decodeWindows1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/gu, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!);
}
