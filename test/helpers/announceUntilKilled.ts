/**
 * A second instance for test/announce/twoInstances.test.ts, in a process of its own so the test can
 * SIGKILL it mid-send: it claims and starts posting every announcement due, prints `sending` and then
 * hangs inside the send, as an instance does when the host dies under it.
 *   DATABASE_URL=... CLAIM_TTL_MS=1500 node --import tsx test/helpers/announceUntilKilled.ts
 */
import { Announcer, StateAnnouncementStore, type Messenger } from '../../src/announce';
import { SILENT_LOGGER } from '../../src/bot';
import { PostgresStateStore } from '../../src/state';
import { sampleIndex } from './sampleIndex';

async function main(): Promise<void> {
  const state = await PostgresStateStore.open(process.env['DATABASE_URL'] ?? '');
  const messenger: Messenger = {
    post: () => {
      process.stdout.write('sending\n');
      return new Promise<string>(() => undefined); // never answered: killed while waiting
    },
    update: () => new Promise<void>(() => undefined),
  };
  setInterval(() => undefined, 60_000); // stay alive while the send hangs
  await new Announcer({
    papers: { current: sampleIndex() },
    store: new StateAnnouncementStore(state, SILENT_LOGGER),
    messenger,
    today: () => '2023-07-01',
    baseUrl: 'http://x',
    logger: SILENT_LOGGER,
    owner: 'killed-instance',
    claimTtlMs: Number(process.env['CLAIM_TTL_MS']),
  }).reconcile();
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
