import path from 'node:path';
import type { PaperIndex } from '../../src/search';
import { builtIndex, builtIndexAsync } from './builtIndex';

/** The repo's sample papers, the same folder `npm start` serves by default. */
export const SAMPLE_PAPERS_DIR = path.resolve(__dirname, '..', '..', 'data', 'papers');

let cached: PaperIndex | undefined;

/** The real index over the sample papers (read-only), built once per code version (builtIndex). */
export function sampleIndex(): PaperIndex {
  cached ??= builtIndex(SAMPLE_PAPERS_DIR);
  return cached;
}

/**
 * Other councils' papers as they publish them (ModernGov pages, printed minutes, decision notices,
 * forward plans, reports), copied into the repository so the tests need nothing beside it.
 */
export function councilPapers(council: 'kingston' | 'bristol'): string {
  return path.resolve(__dirname, '..', 'fixtures', 'councils', council);
}

const councils = new Map<string, Promise<PaperIndex>>();

/** The index over a council's papers (`councilPapers`), built once per code version (builtIndex). */
export function councilIndex(council: 'kingston' | 'bristol'): Promise<PaperIndex> {
  let index = councils.get(council);
  if (!index) {
    index = builtIndexAsync(councilPapers(council));
    councils.set(council, index);
  }
  return index;
}
