export { startServer, MAX_BODY_BYTES, type RunningServer, type ServerOptions, type ServerAuth } from './startServer';
export { patchEntityMapper } from './patchEntityMapper';
export { DEFAULT_REQUEST_TIMEOUTS, type RequestTimeouts } from './requestTimeouts';
