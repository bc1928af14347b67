import { Pool, type PoolClient } from 'pg';
import { MIGRATIONS, type Migration } from './migrations';
import { StateStoreError, StateUnavailableError, type ClaimOutcome, type RecordChange, type StateLogger, type StateStore } from './StateStore';

export interface PostgresStateStoreOptions {
  /** The schema to bring the database to (tests add a broken one). */
  readonly migrations?: readonly Migration[];
  /** Told when an idle connection is lost, and when the database does not answer. */
  readonly logger?: StateLogger;
  /** How long a connection, a statement and a query may take (tests shorten them). */
  readonly timeouts?: DatabaseTimeouts;
}

export interface DatabaseTimeouts {
  /** To open a connection (or wait for a free one in the pool). */
  readonly connectMs: number;
  /** For the server to run one statement (statement_timeout; also bounds waiting for a lock). */
  readonly statementMs: number;
  /** For the client to get a query's answer back, whatever the server or network is doing. */
  readonly queryMs: number;
}

/**
 * Every state operation is small (one record, one claim): a database that takes longer than this is
 * stalled, and the turn waiting on it says so rather than hanging. Without these, a database frozen
 * for 20 s held a conversation's first message 20 s with nothing logged.
 */
export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = { connectMs: 5_000, statementMs: 5_000, queryMs: 8_000 };

// Any fixed number: every instance takes this lock to migrate, so two starting at once take turns.
const MIGRATION_LOCK = 727_001;

/**
 * State shared by every instance, in PostgreSQL (chosen when DATABASE_URL is set). Time comes from
 * the database's clock, so instances whose clocks disagree still agree on when a claim lapses.
 */
export class PostgresStateStore implements StateStore {
  private constructor(
    private readonly pool: Pool,
    private readonly logger: StateLogger | undefined,
  ) {}

  /** Connects and brings the schema up to date; throws StateStoreError naming what failed. */
  static async open(connectionString: string, options: PostgresStateStoreOptions = {}): Promise<PostgresStateStore> {
    const { migrations = MIGRATIONS, logger, timeouts = DEFAULT_DATABASE_TIMEOUTS } = options;
    const pool = new Pool({
      connectionString,
      max: 5,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.queryMs,
      // A transaction left open by a stalled client must not hold its locks for ever.
      idle_in_transaction_session_timeout: timeouts.queryMs,
    });
    // An idle connection dropped by the server (a restart, a failover) must not crash the process:
    // it is reported, and the next query opens a new one.
    pool.on('error', (error) => logger?.error('state_connection_lost', { error }));
    // So is one lost while in use or being closed after a timeout: an 'error' event with no listener
    // would end the process.
    pool.on('connect', (client) => client.on('error', (error) => logger?.error('state_connection_lost', { error })));
    try {
      await migrate(pool, migrations);
    } catch (error) {
      await pool.end();
      throw new StateStoreError(`state: cannot prepare the database at ${redact(connectionString)}: ${(error as Error).message}`, { cause: error });
    }
    return new PostgresStateStore(pool, logger);
  }

  list(collection: string): Promise<ReadonlyMap<string, unknown>> {
    return this.answered('list', () => this.listNow(collection));
  }

  get(collection: string, key: string): Promise<unknown> {
    return this.answered('get', () => this.getNow(collection, key));
  }

  update(collection: string, key: string, change: (current: unknown) => unknown): Promise<RecordChange> {
    // The change's own errors (a limit it enforces) are the caller's, never "unavailable".
    const thrown = { error: undefined as unknown };
    const guarded = (current: unknown): unknown => {
      try {
        return change(current);
      } catch (error) {
        thrown.error = error;
        throw error;
      }
    };
    return this.answered('update', () => this.updateNow(collection, key, guarded), thrown);
  }

  claim(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome> {
    return this.answered('claim', () => this.claimNow(key, owner, ttlMs));
  }

  markSent(key: string): Promise<void> {
    return this.answered('markSent', () => this.markSentNow(key));
  }

  release(key: string, owner: string): Promise<void> {
    return this.answered('release', () => this.releaseNow(key, owner));
  }

  close(): Promise<void> {
    return this.pool.end();
  }

  /**
   * Runs one operation; a failure of the database itself (no connection, a timeout, a lost
   * connection) becomes StateUnavailableError, logged once here so every caller's is seen.
   */
  private async answered<T>(operation: string, run: () => Promise<T>, thrown: { error: unknown } = { error: undefined }): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (thrown.error !== undefined && error === thrown.error) throw error;
      this.logger?.error('state_unavailable', { operation, error });
      throw new StateUnavailableError(`state: the database did not answer (${(error as Error).message})`, { cause: error });
    }
  }

  private async listNow(collection: string): Promise<ReadonlyMap<string, unknown>> {
    const { rows } = await this.pool.query<{ key: string; value: unknown }>(
      'SELECT key, value FROM state_records WHERE collection = $1 ORDER BY key',
      [collection],
    );
    return new Map(rows.map((row) => [row.key, row.value]));
  }

  private async getNow(collection: string, key: string): Promise<unknown> {
    const { rows } = await this.pool.query<{ value: unknown }>('SELECT value FROM state_records WHERE collection = $1 AND key = $2', [collection, key]);
    return rows[0]?.value;
  }

  private updateNow(collection: string, key: string, change: (current: unknown) => unknown): Promise<RecordChange> {
    return this.transaction(async (client) => {
      // A row lock cannot guard a row that does not exist yet; a lock on the key's hash can.
      await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify([collection, key])]);
      const { rows } = await client.query<{ value: unknown }>('SELECT value FROM state_records WHERE collection = $1 AND key = $2', [collection, key]);
      const before = rows[0]?.value;
      const after = change(structuredClone(before));
      if (after === undefined) {
        await client.query('DELETE FROM state_records WHERE collection = $1 AND key = $2', [collection, key]);
      } else {
        await client.query(
          `INSERT INTO state_records (collection, key, value) VALUES ($1, $2, $3::jsonb)
           ON CONFLICT (collection, key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()`,
          [collection, key, JSON.stringify(after)],
        );
      }
      return { before, after };
    });
  }

  private async claimNow(key: string, owner: string, ttlMs: number): Promise<ClaimOutcome> {
    const inserted = await this.pool.query(
      `INSERT INTO send_claims (key, owner, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (key) DO NOTHING`,
      [key, owner, ttlMs],
    );
    if (inserted.rowCount === 1) return 'claimed';
    // Taken over only when unsent and lapsed (or already ours): one UPDATE, so two takers cannot both win.
    const taken = await this.pool.query(
      `UPDATE send_claims SET owner = $2, expires_at = now() + $3 * interval '1 millisecond'
       WHERE key = $1 AND sent_at IS NULL AND (expires_at <= now() OR owner = $2)`,
      [key, owner, ttlMs],
    );
    if (taken.rowCount === 1) return 'claimed';
    const { rows } = await this.pool.query<{ sent: boolean }>('SELECT sent_at IS NOT NULL AS sent FROM send_claims WHERE key = $1', [key]);
    return rows[0]?.sent ? 'already-sent' : 'held-by-other';
  }

  private async markSentNow(key: string): Promise<void> {
    await this.pool.query(
      `INSERT INTO send_claims (key, owner, expires_at, sent_at) VALUES ($1, '', now(), now())
       ON CONFLICT (key) DO UPDATE SET sent_at = now()`,
      [key],
    );
  }

  private async releaseNow(key: string, owner: string): Promise<void> {
    // Lapsed rather than deleted, so the row claim() looks for is always there.
    await this.pool.query('UPDATE send_claims SET expires_at = now() WHERE key = $1 AND owner = $2 AND sent_at IS NULL', [key, owner]);
  }

  private async transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let failed: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      failed = error as Error;
      await client.query('ROLLBACK').catch(() => undefined); // the first error is the one to report
      throw error;
    } finally {
      // A connection whose statement failed (a timeout among them) is closed, not handed to the next caller.
      client.release(failed);
    }
  }
}

async function migrate(pool: Pool, migrations: readonly Migration[]): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (applied.has(migration.version)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined); // the migration's own error is the one to report
    throw error;
  } finally {
    client.release();
  }
}

/** The URL without its password, for messages. */
function redact(connectionString: string): string {
  return connectionString.replace(/\/\/([^:/@]+):[^@]*@/u, '//$1:***@');
}
