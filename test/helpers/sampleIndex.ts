import path from 'node:path';
import { loadPaperIndex, loadPaperIndexAsync } from '../../src/search';
import type { PaperIndex } from '../../src/search';

/** The repo's sample papers, the same folder `npm start` serves by default. */
export const SAMPLE_PAPERS_DIR = path.resolve(__dirname, '..', '..', 'data', 'papers');

let cached: PaperIndex | undefined;

/** The real index over the sample papers, built once per test file (it is read-only). */
export function sampleIndex(): PaperIndex {
  cached ??= loadPaperIndex(SAMPLE_PAPERS_DIR).index;
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

/** The index over a council's papers (`councilPapers`), built once per test file. */
export function councilIndex(council: 'kingston' | 'bristol'): Promise<PaperIndex> {
  let index = councils.get(council);
  if (!index) {
    index = loadPaperIndexAsync(councilPapers(council)).then((loaded) => loaded.index);
    councils.set(council, index);
  }
  return index;
}
