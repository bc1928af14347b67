import { spawn } from 'node:child_process';
import path from 'node:path';
import { Announcer, FollowNotifier, StateAnnouncementStore, type Messenger } from '../../src/announce';
import { SILENT_LOGGER, StateConversationStore } from '../../src/bot';
import { PostgresStateStore } from '../../src/state';
import { sampleIndex } from '../helpers/sampleIndex';
import { describeWithDatabase, withClient } from '../helpers/testDatabase';

const reference = (id: string) => ({ conversation: { id, isGroup: false, name: '', conversationType: 'personal' }, serviceUrl: 'http://127.0.0.1:1' });
const subscription = (id: string) => ({ conversationId: id, reference: reference(id), subscribedBy: 'u1', at: '2023-07-01T00:00:00Z' });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every send both instances made, as `conversation: text or card title`; sends take a while, so rounds overlap. */
function recordingMessenger(sent: string[], delayMs = 30): Messenger {
  let id = 0;
  return {
    post: async (ref, activity) => {
      await sleep(delayMs);
      sent.push(`${ref.conversation?.id}: ${activity.text ?? JSON.stringify(activity.attachments?.[0]?.content).slice(0, 80)}`);
      id += 1;
      return `activity-${id}`;
    },
    update: async () => {},
  };
}

describeWithDatabase('two instances on one database', (databaseUrl) => {
  const open = async () => {
    const state = await PostgresStateStore.open(databaseUrl());
    return { state, store: new StateAnnouncementStore(state, SILENT_LOGGER) };
  };
  let instances: Awaited<ReturnType<typeof open>>[] = [];
  // Rounds that met a claim held elsewhere schedule a retry; stopped after each test.
  const rounds: { stop(): void }[] = [];
  beforeEach(async () => {
    instances = [await open(), await open()];
    await withClient(databaseUrl(), (client) => client.query('TRUNCATE state_records, send_claims'));
  });
  afterEach(async () => {
    rounds.splice(0).forEach((r) => r.stop());
    await Promise.all(instances.map((i) => i.state.close()));
  });
  const announcer = (store: StateAnnouncementStore, messenger: Messenger, owner: string, claimTtlMs = 60_000) => {
    const started = new Announcer({ papers: { current: sampleIndex() }, store, messenger, today: () => '2023-07-01', baseUrl: 'http://x', logger: SILENT_LOGGER, owner, claimTtlMs });
    rounds.push(started);
    return started;
  };

  it('announces an agenda once when both announce it at the same time', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    await a.store.subscribe(subscription('c1'));
    await b.store.subscribe(subscription('c2'));
    const sent: string[] = [];
    const results = await Promise.all([
      announcer(a.store, recordingMessenger(sent), 'instance-a').reconcile(),
      announcer(b.store, recordingMessenger(sent), 'instance-b').reconcile(),
    ]);
    expect(sent.map((s) => s.split(':')[0]).sort()).toEqual(['c1', 'c2']);
    expect(results.reduce((n, r) => n + r.posted, 0)).toBe(2);
    expect(results.every((r) => r.failed === 0)).toBe(true);
    // Both instances read the same records afterwards, so neither posts again.
    const again = await Promise.all([announcer(a.store, recordingMessenger(sent), 'instance-a').reconcile(), announcer(b.store, recordingMessenger(sent), 'instance-b').reconcile()]);
    expect(again).toEqual([{ posted: 0, updated: 0, failed: 0 }, { posted: 0, updated: 0, failed: 0 }]);
    expect(sent).toHaveLength(2);
  });

  it('tells a follower about a new paper once when both see it at the same time', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    await a.store.follow('c1', reference('c1'), 'exclusions');
    await a.store.markPapersSeen({}); // a baseline with no papers: every sample paper is new
    const sent: string[] = [];
    const notifier = (store: StateAnnouncementStore, owner: string) => {
      const started = new FollowNotifier({ papers: { current: sampleIndex() }, store, messenger: recordingMessenger(sent), baseUrl: 'http://x', logger: SILENT_LOGGER, owner });
      rounds.push(started);
      return started;
    };
    await Promise.all([notifier(a.store, 'instance-a').notify(), notifier(b.store, 'instance-b').notify()]);
    const deliveries = await a.state.list('followDeliveries');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent).toHaveLength(deliveries.size);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('sees a subscription and a conversation saved by the other instance, also after a restart', async () => {
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    await a.store.subscribe(subscription('c1'));
    await new StateConversationStore(a.state).save(reference('c1'));
    expect((await b.store.listSubscriptions()).map((s) => s.conversationId)).toEqual(['c1']);
    await b.state.close();
    const restarted = await open();
    instances[1] = restarted;
    expect((await restarted.store.listSubscriptions()).map((s) => s.conversationId)).toEqual(['c1']);
    expect((await new StateConversationStore(restarted.state).list()).map((r) => r.conversation?.id)).toEqual(['c1']);
  });

  it('sends what an instance killed mid-send had claimed, once its claim lapses, and only once', async () => {
    const [a] = instances as [(typeof instances)[0]];
    await a.store.subscribe(subscription('c1'));
    const claimTtlMs = 1_500;
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'helpers', 'announceUntilKilled.ts')], {
      env: { ...process.env, DATABASE_URL: databaseUrl(), CLAIM_TTL_MS: String(claimTtlMs) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('sending')) resolve();
      });
      child.once('exit', () => reject(new Error('the second instance exited before it was sending')));
    });
    const killedAt = Date.now();
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');

    const sent: string[] = [];
    const survivor = announcer(a.store, recordingMessenger(sent, 0), 'instance-a', claimTtlMs);
    // The dead instance's claim still stands: nothing is sent, nothing counted as failed.
    expect(await survivor.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(sent).toEqual([]);
    await sleep(Math.max(0, killedAt + claimTtlMs + 200 - Date.now()));
    expect(await survivor.reconcile()).toEqual({ posted: 1, updated: 0, failed: 0 });
    expect(await survivor.reconcile()).toEqual({ posted: 0, updated: 0, failed: 0 });
    expect(sent.map((s) => s.split(':')[0])).toEqual(['c1']);
  }, 60_000);
});
