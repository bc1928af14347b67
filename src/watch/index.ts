export { IndexHolder, toIndexSource, type PaperIndexSource } from './IndexHolder';
export { PapersWatcher, type PapersWatcherOptions, type PaperIndexLoad } from './PapersWatcher';
