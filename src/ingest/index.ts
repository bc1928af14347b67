export { htmlToLines, renderHtml, type LineRange, type RenderedHtml } from './htmlToLines';
export { pdfToLines } from './pdfToLines';
export { progressBar } from './progressBar';
export { readPaperFile, type PaperFileResult } from './readPaperFile';
export { PapersFolderError, readPaperFolder, type PaperFolder } from './readPaperFolder';
export { readPaperFolderAsync, type IngestProgress, type ReadPaperFolderOptions } from './readPaperFolderAsync';
export type { SourceDocument } from './sourceDocument';
