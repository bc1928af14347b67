/**
 * The PostgreSQL schema, one numbered migration at a time. Applied in order at start by
 * PostgresStateStore and recorded in schema_migrations; a migration, once released, is never
 * edited: a change to the schema is a new number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records and claims',
    sql: `
      CREATE TABLE state_records (
        collection text NOT NULL,
        key text NOT NULL,
        value jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (collection, key)
      );
      -- One row per proactive send: who may send it until when, and when it was sent.
      CREATE TABLE send_claims (
        key text PRIMARY KEY,
        owner text NOT NULL,
        expires_at timestamptz NOT NULL,
        sent_at timestamptz
      );
    `,
  },
];
