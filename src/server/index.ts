export { startServer, MAX_BODY_BYTES, type RunningServer, type ServerOptions, type ServerAuth } from './startServer';
export { patchEntityMapper } from './patchEntityMapper';
export { fetchedUrls } from './paperView/originals';
export { DEFAULT_REQUEST_TIMEOUTS, type RequestTimeouts } from './requestTimeouts';
