export type { ClaimOutcome, ClaimRecord, RecordChange, StateLogger, StateStore } from './StateStore';
export { StateStoreError } from './StateStore';
export { FileStateStore } from './FileStateStore';
export { PostgresStateStore, type PostgresStateStoreOptions } from './PostgresStateStore';
export { JsonStateFile, type JsonStateFileOptions } from './JsonStateFile';
export { MIGRATIONS, type Migration } from './migrations';
export { removeLeftoverParts, writeFileAtomic } from './writeFileAtomic';
