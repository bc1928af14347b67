import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { councilPapers } from '../../helpers/sampleIndex';
import { join } from 'node:path';
import type { SourceDocument } from '../../../src/ingest';
import { readPaperFolderAsync } from '../../../src/ingest';

/** A text fixture of one layout (test/fixtures/pdf-layouts), as the ingest stage would give its lines. */
export function fixture(name: string): SourceDocument {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'pdf-layouts', name), 'utf8');
  return { file: name, lines: text.replace(/\n$/u, '').split('\n'), pages: null, contentHash: 'x' };
}

export const BRISTOL_PAPERS = councilPapers('bristol');
export const KINGSTON_PAPERS = councilPapers('kingston');

/** The real PDFs of a council folder whose names contain `part`, read through the ingest stage. */
export async function realDocuments(dir: string, part: string): Promise<readonly SourceDocument[]> {
  const names = readdirSync(dir).filter((f) => f.includes(part) && f.endsWith('.pdf'));
  const folder = await readPaperFolderAsync(dir, { only: new Set(names) });
  return folder.documents;
}

/**
 * A council folder from ../shared/councils (the papers as each council published them), or null when
 * this checkout has no ../shared beside it: tests on it then skip, saying so.
 */
export function sharedCouncil(council: string): string | null {
  const dir = join(__dirname, '..', '..', '..', '..', 'shared', 'councils', council, 'papers');
  return existsSync(dir) ? dir : null;
}

/** `describe` for a shared council's real papers, or a skipped block that says why. */
export function describeCouncil(council: string, body: (dir: string) => void): void {
  const dir = sharedCouncil(council);
  if (dir) describe(`${council} (real papers in ../shared)`, () => body(dir));
  else describe.skip(`${council}: skipped, ../shared/councils/${council}/papers is absent`, () => it('needs ../shared', () => undefined));
}

/** Every paper of a council folder whose name contains `part` (any format), read through the ingest stage. */
export async function councilDocuments(dir: string, part = ''): Promise<readonly SourceDocument[]> {
  const names = readdirSync(dir).filter((f) => f.includes(part));
  return (await readPaperFolderAsync(dir, { only: new Set(names) })).documents;
}

/** One document of a folder by the start of its name. */
export async function councilDocument(dir: string, part: string): Promise<SourceDocument> {
  const [doc] = await councilDocuments(dir, part);
  if (!doc) throw new Error(`test: no paper named like ${part} in ${dir}`);
  return doc;
}
