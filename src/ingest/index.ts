export { readPaperFile, readPaperFolder, type PaperFolder } from './readPaperFolder';
export type { SourceDocument } from './sourceDocument';
