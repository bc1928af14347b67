export { fetchModernGovPapers, type FetchedMeeting, type FetchLogger, type FetchPapersOptions, type FetchProgress, type FetchSummary, type PlannedFile } from './fetchModernGovPapers';
export { listModernGovCommittees, type SiteCheck } from './identifySite';
export { FetchError, PoliteClient, type PoliteClientOptions } from './PoliteClient';
export { startPaperFetching, type PaperFetchingOptions, type RunningPaperFetching } from './startPaperFetching';
export { writeFileAtomic } from './atomicFile';
export { paperFileName, slug } from './fileNames';
export { papersFolderProblem } from './papersFolderWritable';
