import { readdirSync, readFileSync } from 'node:fs';
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
