import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCommand } from '../../src/announce';
import { EXAMPLE_QUESTIONS } from '../../src/bot';
import { toQuestion } from '../../src/bot/toQuestion';
import { loadTeamsAppSettings } from '../../src/config';
import { buildAppPackage, checkIcon, LOCAL_APP_ID, type PackageSettings } from '../../scripts/appPackage';
import { encodePng } from '../../scripts/png';
import { readZip } from '../../scripts/zip';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const ROOT = path.resolve(__dirname, '..', '..');
const schemaOk = async (): Promise<string[]> => [];
/** An invented council's settings for its app package. */
const COUNCIL = {
  TEAMS_APP_DEVELOPER: 'Anyshire County Council',
  TEAMS_APP_WEBSITE_URL: 'https://www.anyshire.gov.uk/panel-papers',
  TEAMS_APP_PRIVACY_URL: 'https://www.anyshire.gov.uk/privacy/panel-papers',
  TEAMS_APP_TERMS_URL: 'https://www.anyshire.gov.uk/terms/panel-papers',
};

/** Runs `npm run manifest`'s script in a child (the real schema validator is ESM-only for jest), with no .env. */
function runManifestScript(settings: Record<string, string>): { status: number; output: string } {
  const envDir = mkdtempSync(path.join(os.tmpdir(), 'manifest-env-'));
  const emptyEnvFile = path.join(envDir, 'empty.env');
  writeFileSync(emptyEnvFile, '');
  const env = { PATH: process.env['PATH'] ?? '', ENV_FILE: emptyEnvFile, ...settings };
  try {
    const child = spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(ROOT, 'scripts', 'manifest.ts')], { cwd: ROOT, env, encoding: 'utf8' });
    return { status: child.status ?? -1, output: `${child.stdout}${child.stderr}` };
  } finally {
    rmSync(envDir, { recursive: true, force: true });
  }
}

describe('Teams app package', () => {
  let outDir: string;
  beforeEach(() => {
    outDir = mkdtempSync(path.join(os.tmpdir(), 'manifest-'));
  });
  afterEach(() => {
    rmSync(outDir, { recursive: true, force: true });
  });
  const settings = (env: Record<string, string> = {}, appId = APP_ID): PackageSettings => ({
    ...loadTeamsAppSettings({ ...COUNCIL, PUBLIC_BASE_URL: 'https://panel.example.org', ...env }),
    appId,
    outDir,
  });

  it('validates and writes a flat zip of manifest.json and the two icons', async () => {
    const result = await buildAppPackage(settings(), schemaOk);
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
    expect(manifest.bots[0]?.commandLists.map((list) => list.scopes)).toEqual([['personal', 'team', 'groupChat']]);
    expect(manifest.composeExtensions[0]).toMatchObject({ botId: APP_ID, commands: [{ id: 'searchPapers', type: 'query' }] });
  });

  it('declares the tab: personal (static) and channel (configurable), served by the bot, with SSO for its data', async () => {
    const result = await buildAppPackage(settings(), schemaOk);
    const manifest = JSON.parse(readZip(readFileSync(result.zipPath ?? ''))[0]?.data.toString('utf8') ?? '{}') as {
      staticTabs: { contentUrl: string; scopes: string[] }[];
      configurableTabs: { configurationUrl: string; scopes: string[] }[];
      webApplicationInfo: { id: string; resource: string };
    };
    expect(manifest.staticTabs).toEqual([expect.objectContaining({ contentUrl: 'https://panel.example.org/?inTeams=1', scopes: ['personal'] })]);
    expect(manifest.configurableTabs).toEqual([expect.objectContaining({ configurationUrl: 'https://panel.example.org/tab/configure', scopes: ['team', 'groupChat'] })]);
    expect(manifest.webApplicationInfo).toEqual({ id: APP_ID, resource: `api://panel.example.org/${APP_ID}` });
  });

  it("takes the council's name and links, and the app's names, from the settings", async () => {
    const result = await buildAppPackage(settings({ TEAMS_APP_NAME: 'Scrutiny Papers' }), schemaOk);
    expect(result.problems).toEqual([]);
    expect(result.manifest).toMatchObject({
      developer: { name: 'Anyshire County Council', websiteUrl: COUNCIL.TEAMS_APP_WEBSITE_URL, privacyUrl: COUNCIL.TEAMS_APP_PRIVACY_URL, termsOfUseUrl: COUNCIL.TEAMS_APP_TERMS_URL },
      name: { short: 'Scrutiny Papers', full: 'Scrutiny Papers: committee business from the published papers' },
    });
    expect(JSON.stringify(result.manifest)).not.toMatch(/example\.org\/(privacy|terms)|\{\{/u);
  });

  it('refuses example addresses, http links and missing ones, one line each, and writes nothing', async () => {
    const result = await buildAppPackage(
      settings({ TEAMS_APP_DEVELOPER: '', TEAMS_APP_WEBSITE_URL: 'https://panel-papers.example.org', TEAMS_APP_PRIVACY_URL: 'http://www.anyshire.gov.uk/privacy', TEAMS_APP_TERMS_URL: '' }),
      schemaOk,
    );
    expect(result.problems).toEqual([
      "manifest: TEAMS_APP_DEVELOPER is empty: set it to the council's name, which Teams shows as the app's publisher",
      "manifest: TEAMS_APP_WEBSITE_URL=https://panel-papers.example.org is an example address: set it to the council's page about the bot",
      'manifest: TEAMS_APP_PRIVACY_URL=http://www.anyshire.gov.uk/privacy is not https: Teams accepts only https links',
      'manifest: TEAMS_APP_TERMS_URL is empty: set it to its terms of use, an https address',
    ]);
    expect(result.zipPath).toBeUndefined();
    expect(existsSync(path.join(outDir, 'panel-papers.zip'))).toBe(false);
  });

  it('gives Teams a command menu the bot understands: help, subscribe, follow..., then the example questions', async () => {
    const { manifest } = await buildAppPackage(settings(), schemaOk);
    const commands: { title: string; description: string }[] = manifest.bots?.[0]?.commandLists?.[0]?.commands ?? [];
    const words = ['help', 'subscribe', 'unsubscribe', 'follow', 'unfollow', 'following'];
    expect(commands.map((c) => c.title)).toEqual([...words, ...EXAMPLE_QUESTIONS.map((q) => q.text)]);
    expect(commands.length).toBeLessThanOrEqual(10);
    for (const { title, description } of commands) {
      expect(title.length).toBeLessThanOrEqual(32);
      expect(description.length).toBeLessThanOrEqual(128);
    }
    // Teams puts the title in the compose box; follow and unfollow take a topic typed after it.
    const understood = (title: string): boolean =>
      toQuestion({ text: title, type: 'message' }, '2026-01-01').kind === 'help' || parseCommand(title) !== null || parseCommand(`${title} exclusions`) !== null;
    expect(words.filter((w) => !understood(w))).toEqual([]);
  });

  it('refuses an app id that is not a GUID, and writes nothing', async () => {
    const result = await buildAppPackage(settings({}, 'my-bot'), schemaOk);
    expect(result.problems).toEqual(['manifest: MicrosoftAppId "my-bot" is not a GUID; Teams ids must be GUIDs']);
    expect(result.zipPath).toBeUndefined();
  });

  it('reports schema problems from the validator', async () => {
    const result = await buildAppPackage(settings(), async () => ['/name must be object']);
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

  it("a fresh clone's `npm run manifest` says what to set, and builds nothing", () => {
    const { status, output } = runManifestScript({});
    expect(status).toBe(1);
    expect(output).toMatch(/^manifest: TEAMS_APP_DEVELOPER is empty/mu);
    expect(output).toMatch(/^manifest: TEAMS_APP_PRIVACY_URL is empty/mu);
    expect(output).not.toMatch(/MicrosoftAppPassword|manifest valid|schema: \/developer/u);
  });

  it('`npm run manifest` builds the package with the app id and no client secret', () => {
    const { status, output } = runManifestScript({ ...COUNCIL, MicrosoftAppId: APP_ID, PUBLIC_BASE_URL: 'https://panel.example.org' });
    expect(output).toContain('manifest valid');
    expect(output).not.toContain('placeholder');
    expect(status).toBe(0);
  });

  it('`npm run manifest` validates against the real v1.29 schema and writes appManifest/build/panel-papers.zip', () => {
    const { status, output } = runManifestScript(COUNCIL);
    expect(output).toContain(`placeholder id ${LOCAL_APP_ID}`);
    expect(output).toContain('manifest valid');
    expect(status).toBe(0);
    expect(existsSync(path.join(ROOT, 'appManifest', 'build', 'panel-papers.zip'))).toBe(true);
  });

  it('`npm run manifest` fails listing schema problems for a bad app id', () => {
    const { status, output } = runManifestScript({ ...COUNCIL, MicrosoftAppId: 'my-bot' });
    expect(status).toBe(1);
    expect(output).toContain('manifest: MicrosoftAppId "my-bot" is not a GUID');
    expect(output).toContain('manifest: schema: /id must match pattern');
  });
});
