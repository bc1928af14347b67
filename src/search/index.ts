export { loadPaperIndex, loadPaperIndexAsync } from './loadPaperIndex';
export { MINISEARCH_OPTIONS, PaperIndex, type PassageHit } from './PaperIndex';
export type { Passage } from './passage';
