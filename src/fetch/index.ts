export { fetchModernGovPapers, type FetchedMeeting, type FetchLogger, type FetchPapersOptions, type FetchProgress, type FetchSummary } from './fetchModernGovPapers';
export { FetchError, PoliteClient, type PoliteClientOptions } from './PoliteClient';
export { startPaperFetching, type PaperFetchingOptions, type RunningPaperFetching } from './startPaperFetching';
export { writeFileAtomic } from './atomicFile';
export { paperFileName, slug } from './fileNames';
