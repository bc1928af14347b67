export { loadPaperIndex, loadPaperIndexAsync, type LoadedPaperIndex, type LoadPaperIndexOptions } from './loadPaperIndex';
export { paperParser, saveChangedIndex, updatePaperIndex, type UpdatedPaperIndex } from './updatePaperIndex';
export { MINISEARCH_OPTIONS, PaperIndex, type PassageHit } from './PaperIndex';
export type { Passage } from './passage';
export { SNAPSHOT_VERSION } from './snapshot';
