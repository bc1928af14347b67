import { readPaperFolder } from '../ingest';
import type { ParseIssue } from '../model';
import { parsePapers } from '../parse';
import { PaperIndex } from './PaperIndex';

/** Reads, parses and indexes a papers folder. Files that fail are in `issues`; the rest serve. */
export function loadPaperIndex(dir: string): { index: PaperIndex; issues: readonly ParseIssue[] } {
  const folder = readPaperFolder(dir);
  const corpus = parsePapers(folder.documents, folder.issues);
  return { index: PaperIndex.build(corpus), issues: corpus.issues };
}
