export type { ClaimOutcome, ClaimRecord, RecordChange, StateLogger, StateStore } from './StateStore';
export { StateStoreError, StateUnavailableError } from './StateStore';
export { FileStateStore } from './FileStateStore';
export { DEFAULT_DATABASE_TIMEOUTS, PostgresStateStore, type DatabaseTimeouts, type PostgresStateStoreOptions } from './PostgresStateStore';
export { JsonStateFile, type JsonStateFileOptions } from './JsonStateFile';
export { MIGRATIONS, type Migration } from './migrations';
export { appendFileDurably, removeLeftoverParts, writeFileAtomic } from './writeFileAtomic';
