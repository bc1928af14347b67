import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const SKIP_HINT = 'skipped: TEST_DATABASE_URL is unset; run `.ci/with-postgres npx jest test/state` to start a throwaway PostgreSQL';

/**
 * A describe block for tests that need PostgreSQL. Each block gets a database of its own, created
 * in the server TEST_DATABASE_URL names and dropped afterwards, so test files never see each other's
 * rows. Without TEST_DATABASE_URL the block is skipped, saying so, except in CI (CI=true), where it
 * fails: a CI run that silently skipped these would prove nothing about the shared store.
 */
export function describeWithDatabase(name: string, body: (databaseUrl: () => string) => void): void {
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) {
    if (process.env['CI'] === 'true') {
      describe(name, () => {
        it('has a database to run against', () => {
          throw new Error('TEST_DATABASE_URL is unset, but CI must run the PostgreSQL tests: .ci/run starts a server with .ci/with-postgres');
        });
      });
    } else {
      warnSkipOnce();
      describe.skip(`${name} (${SKIP_HINT})`, () => body(() => ''));
    }
    return;
  }
  describe(name, () => {
    let database: TestDatabase | undefined;
    beforeAll(async () => {
      database = await createTestDatabase(serverUrl);
    });
    afterAll(async () => {
      await database?.drop();
    });
    body(() => {
      if (!database) throw new Error('the test database was not created');
      return database.url;
    });
  });
}

/**
 * A skipped describe's name shows only with --verbose, so the reason is also a console warning, once
 * per jest worker (the environment, unlike module state, is shared by the test files a worker runs).
 */
function warnSkipOnce(): void {
  if (process.env['PANEL_PAPERS_POSTGRES_SKIP_WARNED']) return;
  process.env['PANEL_PAPERS_POSTGRES_SKIP_WARNED'] = '1';
  console.warn(`PostgreSQL tests ${SKIP_HINT}`);
}

interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

async function createTestDatabase(serverUrl: string): Promise<TestDatabase> {
  const name = `panel_papers_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** Runs `work` on one connection to `url`. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
