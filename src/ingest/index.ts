export { htmlToLines, renderHtml, type LineRange, type RenderedHtml } from './htmlToLines';
export { pdfToLines } from './pdfToLines';
export { progressBar } from './progressBar';
export { readPaperFile, type PaperFileResult } from './readPaperFile';
export { exemptIssue, findExemptMarking, setAsideExempt, type ExemptMarking, type PaperLines } from './exempt';
export { PapersFolderError, readPaperFolder, type ExemptOptions, type PaperFolder } from './readPaperFolder';
export { readPaperFolderAsync, type IngestProgress, type ReadPaperFolderOptions } from './readPaperFolderAsync';
export type { SourceDocument } from './sourceDocument';
export { renderXml, xmlFieldValue, type RenderedXml } from './xmlToLines';
