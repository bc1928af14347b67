import { readPaperFolder, readPaperFolderAsync, type ReadPaperFolderOptions } from '../ingest';
import type { ParseIssue } from '../model';
import { parsePapers } from '../parse';
import { PaperIndex } from './PaperIndex';

/** Reads, parses and indexes a papers folder of text and HTML papers (no PDFs). Files that fail are in `issues`; the rest serve. */
export function loadPaperIndex(dir: string): { index: PaperIndex; issues: readonly ParseIssue[] } {
  const folder = readPaperFolder(dir);
  const corpus = parsePapers(folder.documents, folder.issues);
  return { index: PaperIndex.build(corpus), issues: corpus.issues };
}

/** Reads, parses and indexes a papers folder, PDFs included (cited by PDF page). What the bot calls at startup. */
export async function loadPaperIndexAsync(
  dir: string,
  options: ReadPaperFolderOptions = {},
): Promise<{ index: PaperIndex; issues: readonly ParseIssue[] }> {
  const folder = await readPaperFolderAsync(dir, options);
  const corpus = parsePapers(folder.documents, folder.issues);
  return { index: PaperIndex.build(corpus), issues: corpus.issues };
}
