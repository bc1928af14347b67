import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EXAMPLE_QUESTIONS } from '../../src/bot';
import { buildAppPackage, checkIcon, LOCAL_APP_ID } from '../../scripts/appPackage';
import { encodePng } from '../../scripts/png';
import { readZip } from '../../scripts/zip';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const ROOT = path.resolve(__dirname, '..', '..');
const schemaOk = async (): Promise<string[]> => [];

/** Runs `npm run manifest`'s script in a child (the real schema validator is ESM-only for jest). */
function runManifestScript(settings: Record<string, string>): { status: number; output: string } {
  const env = { ...process.env, MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppTenantId: '', HOST: '', PUBLIC_BASE_URL: '', ...settings };
  const child = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'manifest.ts')], { cwd: ROOT, env, encoding: 'utf8' });
  return { status: child.status ?? -1, output: `${child.stdout}${child.stderr}` };
}

describe('Teams app package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  });
  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });

  it('validates and writes a flat zip of manifest.json and the two icons', async () => {
    const result = await buildAppPackage({ appId: APP_ID, publicBaseUrl: 'https://panel.example.org', outDir }, schemaOk);
    expect(result.problems).toEqual([]);
    const entries = readZip(readFileSync(result.zipPath ?? ''));
    expect(entries.map((e) => e.name)).toEqual(['manifest.json', 'color.png', 'outline.png']);
    const manifest = JSON.parse(entries[0]?.data.toString('utf8') ?? '{}') as Record<string, unknown> & {
      bots: { botId: string; scopes: string[]; commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
      composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
    };
    expect(manifest).toMatchObject({ manifestVersion: '1.29', id: APP_ID, validDomains: ['panel.example.org'] });
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.29/MicrosoftTeams.schema.json');
    expect(manifest.bots[0]?.botId).toBe(APP_ID);
    expect(manifest.bots[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    for (const list of manifest.bots[0]?.commandLists ?? []) expect(list.commands.map((c) => c.title)).toEqual(EXAMPLE_QUESTIONS.map((q) => q.text));
    expect(manifest.composeExtensions[0]).toMatchObject({ botId: APP_ID, commands: [{ id: 'searchPapers', type: 'query' }] });
  });

  it('declares the tab: personal (static) and channel (configurable), served by the bot, with SSO for its data', async () => {
    const result = await buildAppPackage({ appId: APP_ID, publicBaseUrl: 'https://panel.example.org', outDir }, schemaOk);
    const manifest = JSON.parse(readZip(readFileSync(result.zipPath ?? ''))[0]?.data.toString('utf8') ?? '{}') as {
      staticTabs: { contentUrl: string; scopes: string[] }[];
      configurableTabs: { configurationUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.staticTabs).toEqual([expect.objectContaining({ contentUrl: 'https://panel.example.org/?inTeams=1', scopes: ['personal'] })]);
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: 'https://panel.example.org/tab/configure', scopes: ['team', 'groupChat'] })]);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://panel.example.org/${APP_ID}` });
  });

  it('refuses an app id that is not a GUID, and writes nothing', async () => {
    const result = await buildAppPackage({ appId: 'my-bot', publicBaseUrl: 'https://panel.example.org', outDir }, schemaOk);
    expect(result.problems).toEqual(['manifest: MicrosoftAppId "my-bot" is not a GUID; Teams ids must be GUIDs']);
    expect(result.zipPath).toBeUndefined();
  });

  it('reports schema problems from the validator', async () => {
    const result = await buildAppPackage({ appId: APP_ID, publicBaseUrl: 'https://panel.example.org', outDir }, async () => ['/name must be object']);
    expect(result.problems).toEqual(['manifest: schema: /name must be object']);
  });

  it('checks icon size and that the outline icon has an alpha channel', () => {
    expect(checkIcon('color.png', encodePng(96, 96, () => [0, 0, 0, 255]), 192)).toEqual(['manifest: color.png is 96x96; Teams needs 192x192']);
    const rgb = encodePng(32, 32, () => [255, 255, 255, 0]);
    rgb.writeUInt8(2, 25); // pretend colour type 2 (RGB, no alpha)
    expect(checkIcon('outline.png', rgb, 32)).toEqual([
      'manifest: outline.png has PNG colour type 2; the outline icon must be RGBA (type 6), white on transparent',
    ]);
    expect(checkIcon('outline.png', Buffer.from('not a png'), 32)).toEqual(['manifest: outline.png is not a PNG']);
  });

  it('`npm run manifest` validates against the real v1.29 schema and writes appManifest/build/panel-papers.zip', () => {
    const { status, output } = runManifestScript({});
    expect(output).toContain(`placeholder id ${LOCAL_APP_ID}`);
    expect(output).toContain('manifest valid');
    expect(status).toBe(0);
    expect(existsSync(path.join(ROOT, 'appManifest', 'build', 'panel-papers.zip'))).toBe(true);
  });

  it('`npm run manifest` fails listing schema problems for a bad app id', () => {
    const { status, output } = runManifestScript({ MicrosoftAppId: 'my-bot', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: 't' });
    expect(status).toBe(1);
    expect(output).toContain('manifest: MicrosoftAppId "my-bot" is not a GUID');
    expect(output).toContain('manifest: schema: /id must match pattern');
  });
});
