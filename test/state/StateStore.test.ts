import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SILENT_LOGGER } from '../../src/bot';
import { FileStateStore, MIGRATIONS, PostgresStateStore, StateStoreError, type StateStore } from '../../src/state';
import { describeWithDatabase, withClient } from '../helpers/testDatabase';

/** Opens one more store on the same storage: another instance, or the same one after a restart. */
type Open = () => Promise<StateStore>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What every StateStore promises, run against each implementation. `fresh` empties the storage
 * and returns how to open a store on it.
 */
function stateStoreContract(fresh: () => Promise<Open>): void {
  let open: Open;
  const opened: StateStore[] = [];
  const store = async (): Promise<StateStore> => {
    const s = await open();
    opened.push(s);
    return s;
  };
  beforeEach(async () => {
    open = await fresh();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  describe('records', () => {
    it('keeps records per collection, as JSON, across a restart', async () => {
      const first = await store();
      await first.update('subscriptions', 'c1', () => ({ conversationId: 'c1', note: 'a "quoted" é', topics: ['send', 'exclusions'] }));
      await first.update('subscriptions', 'c2', () => ({ conversationId: 'c2' }));
      await first.update('follows', 'c1', () => ({ topics: [] }));
      await first.close();
      opened.splice(0);
      const second = await store();
      expect([...(await second.list('subscriptions')).keys()].sort()).toEqual(['c1', 'c2']);
      expect(await second.get('subscriptions', 'c1')).toEqual({ conversationId: 'c1', note: 'a "quoted" é', topics: ['send', 'exclusions'] });
      expect(await second.get('follows', 'c1')).toEqual({ topics: [] });
      expect(await second.get('follows', 'c2')).toBeUndefined();
      expect((await second.list('nothing')).size).toBe(0);
    });

    it('returns the value before and after a change, and removes a record changed to undefined', async () => {
      const s = await store();
      expect(await s.update('seenPapers', 'pack.pdf', () => 'hash-1')).toEqual({ before: undefined, after: 'hash-1' });
      expect(await s.update('seenPapers', 'pack.pdf', (current) => `${String(current)}+2`)).toEqual({ before: 'hash-1', after: 'hash-1+2' });
      expect(await s.update('seenPapers', 'pack.pdf', () => undefined)).toEqual({ before: 'hash-1+2', after: undefined });
      expect(await s.get('seenPapers', 'pack.pdf')).toBeUndefined();
    });

    it('applies changes made at once one after another, losing none', async () => {
      const s = await store();
      await Promise.all(Array.from({ length: 20 }, () => s.update('counts', 'n', (current) => (typeof current === 'number' ? current : 0) + 1)));
      expect(await s.get('counts', 'n')).toBe(20);
    });
  });

  describe('claim', () => {
    it('gives a send to its first claimant only, until it is marked sent', async () => {
      const s = await store();
      expect(await s.claim('send-1', 'a', 60_000)).toBe('claimed');
      expect(await s.claim('send-1', 'a', 60_000)).toBe('claimed');
      expect(await s.claim('send-1', 'b', 60_000)).toBe('held-by-other');
      await s.markSent('send-1');
      expect(await s.claim('send-1', 'a', 60_000)).toBe('already-sent');
      expect(await s.claim('send-1', 'b', 60_000)).toBe('already-sent');
      expect(await s.claim('send-2', 'b', 60_000)).toBe('claimed');
    });

    it('lets another claimant take a send once the claim has lapsed', async () => {
      const s = await store();
      expect(await s.claim('send-1', 'a', 100)).toBe('claimed');
      expect(await s.claim('send-1', 'b', 60_000)).toBe('held-by-other');
      await sleep(250);
      expect(await s.claim('send-1', 'b', 60_000)).toBe('claimed');
      expect(await s.claim('send-1', 'a', 60_000)).toBe('held-by-other');
    });

    it('frees a send at once when its holder releases it, and only then', async () => {
      const s = await store();
      await s.claim('send-1', 'a', 60_000);
      await s.release('send-1', 'b');
      expect(await s.claim('send-1', 'b', 60_000)).toBe('held-by-other');
      await s.release('send-1', 'a');
      expect(await s.claim('send-1', 'b', 60_000)).toBe('claimed');
    });

    it('gives one of many simultaneous claimants the send', async () => {
      const s = await store();
      const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => s.claim('send-1', `owner-${i}`, 60_000)));
      expect(outcomes.filter((o) => o === 'claimed')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'held-by-other')).toHaveLength(9);
    });

    it('keeps claims and sends across a restart', async () => {
      const first = await store();
      await first.claim('held', 'a', 60_000);
      await first.claim('sent', 'a', 60_000);
      await first.markSent('sent');
      await first.close();
      opened.splice(0);
      const second = await store();
      expect(await second.claim('held', 'b', 60_000)).toBe('held-by-other');
      expect(await second.claim('sent', 'b', 60_000)).toBe('already-sent');
    });
  });
}

describe('FileStateStore', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  stateStoreContract(async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'state-'));
    dirs.push(dir);
    return async () => new FileStateStore(path.join(dir, 'state.json'), SILENT_LOGGER);
  });

  it('refuses a collection name the file uses for itself', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'state-'));
    dirs.push(dir);
    const store = new FileStateStore(path.join(dir, 'state.json'), SILENT_LOGGER);
    await expect(store.update('claims', 'x', () => 1)).rejects.toThrow('FileStateStore: "claims" is reserved and cannot name a collection');
  });
});

describeWithDatabase('PostgresStateStore', (databaseUrl) => {
  stateStoreContract(async () => {
    // Opening migrates; then every test starts from empty tables.
    const setup = await PostgresStateStore.open(databaseUrl());
    await setup.close();
    await withClient(databaseUrl(), (client) => client.query('TRUNCATE state_records, send_claims'));
    return () => PostgresStateStore.open(databaseUrl());
  });

  it('applies each migration once, even when instances start together', async () => {
    const stores = await Promise.all([1, 2, 3].map(() => PostgresStateStore.open(databaseUrl())));
    await Promise.all(stores.map((s) => s.close()));
    const { rows } = await withClient(databaseUrl(), (client) => client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version'));
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('keeps changes from two instances at once, losing none', async () => {
    const [a, b] = await Promise.all([PostgresStateStore.open(databaseUrl()), PostgresStateStore.open(databaseUrl())]);
    try {
      const add = (s: StateStore, topic: string) => s.update('follows', 'c1', (current) => [...((current as string[] | undefined) ?? []), topic]);
      await Promise.all([...['a1', 'a2', 'a3'].map((t) => add(a, t)), ...['b1', 'b2', 'b3'].map((t) => add(b, t))]);
      expect(((await b.get('follows', 'c1')) as string[]).sort()).toEqual(['a1', 'a2', 'a3', 'b1', 'b2', 'b3']);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('rolls a failed migration back and says which database, without its password', async () => {
    const broken = [...MIGRATIONS, { version: 999, name: 'broken', sql: 'CREATE TABLE state_records (x int)' }];
    const url = new URL(databaseUrl());
    url.password = 'not-for-logs';
    const error = await PostgresStateStore.open(url.toString(), { migrations: broken }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateStoreError);
    expect((error as Error).message).toMatch(/^state: cannot prepare the database at postgres(ql)?:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/panel_papers_test_\w+: relation "state_records" already exists$/u);
    const { rows } = await withClient(databaseUrl(), (client) => client.query('SELECT version FROM schema_migrations WHERE version = 999'));
    expect(rows).toEqual([]);
  });
});
