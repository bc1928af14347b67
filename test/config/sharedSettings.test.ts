import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SILENT_LOGGER } from '../../src/bot';
import { compareSharedSettings } from '../../src/config';
import { FileStateStore } from '../../src/state';

const SECRET = 'a-paper-link-secret-of-32-characters-or-more';

describe('settings instances sharing a database must agree on', () => {
  let dir: string;
  let store: FileStateStore;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'shared-settings-'));
    store = new FileStateStore(path.join(dir, 'state.json'), SILENT_LOGGER);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('says nothing when every instance starts with the same address and secret', async () => {
    expect(await compareSharedSettings(store, { publicBaseUrl: 'https://panel.example.org', linkSecret: SECRET })).toEqual([]);
    expect(await compareSharedSettings(store, { publicBaseUrl: 'https://panel.example.org', linkSecret: SECRET })).toEqual([]);
  });

  it('warns of another PUBLIC_BASE_URL and of another link secret, naming neither secret', async () => {
    await compareSharedSettings(store, { publicBaseUrl: 'https://panel.example.org', linkSecret: SECRET });
    const warnings = await compareSharedSettings(store, { publicBaseUrl: 'https://node-2.example.org', linkSecret: `${SECRET}-rotated` });
    expect(warnings).toEqual([
      { code: 'shared_setting_differs', hint: expect.stringMatching(/^PUBLIC_BASE_URL is https:\/\/node-2\.example\.org here but was https:\/\/panel\.example\.org on the instance started before this one/u) },
      { code: 'shared_setting_differs', hint: expect.stringMatching(/^PAPER_LINK_SECRET \(or PAPERS_VIEW\) differs/u) },
    ]);
    const recorded = await store.get('instance-settings', 'last-started');
    expect(recorded).toEqual({ publicBaseUrl: 'https://node-2.example.org', linkSecret: expect.stringMatching(/^[0-9a-f]{16}$/u) });
    expect(JSON.stringify(recorded)).not.toContain(SECRET);
    expect(JSON.stringify(warnings)).not.toContain(SECRET);
  });
});
