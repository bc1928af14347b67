export { canonicalCommittee } from './committees';
export { findDates, monthNumber } from './dates';
export type { ParsedCorpus, ParsedFile } from './parsedCorpus';
export { formatDate, parsePaperFile } from './parsePaperFile';
export { combineParsedFiles, mergeMeetings, parsePapers } from './parsePapers';
export { type Coverage, coverageOf } from './coverage';
