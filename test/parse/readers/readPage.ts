import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { councilPapers } from '../../helpers/sampleIndex';
import { readPaperFile, type SourceDocument } from '../../../src/ingest';
import type { SourceSpan } from '../../../src/model';
import { type ParsedFile, parsePaperFile } from '../../../src/parse';

export const KINGSTON = councilPapers('kingston');
export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'papers', 'moderngov');

/** Reads an HTML page as the bot does (ingest, then the readers) and returns the document and what was parsed. */
export function readPage(path: string): { doc: SourceDocument; parsed: ParsedFile } {
  const result = readPaperFile(path, basename(path));
  if (!result.document) throw new Error(`${path}: ${result.issue.message}`);
  return { doc: result.document, parsed: parsePaperFile(result.document) };
}

/** The non-blank lines a span cites, as a citation would quote them. */
export function cited(doc: SourceDocument, span: SourceSpan): string {
  return doc.lines.slice(span.lineStart - 1, span.lineEnd).filter((l) => l.trim() !== '').join('\n');
}

/** A fixture page with one passage of its HTML written otherwise (a layout variant), read as `readPage` reads it. */
export function readEditedPage(name: string, from: string, to: string): { doc: SourceDocument; parsed: ParsedFile } {
  const html = readFileSync(join(FIXTURES, name), 'utf8');
  if (!html.includes(from)) throw new Error(`test: ${name} holds no ${from}`);
  const dir = mkdtempSync(join(tmpdir(), 'edited-page-'));
  writeFileSync(join(dir, name), html.replace(from, to));
  return readPage(join(dir, name));
}
