import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, SETTING_NAMES, startWarnings } from '../../src/config';
import { editDistance, likelySetting, misspeltSettings } from '../../src/config/settingNames';

const APP = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant' };
const READY = { ...APP, PAPERS_DIR: '/srv/papers', PUBLIC_BASE_URL: 'https://panel.example.org' };
const ROOT = path.resolve(__dirname, '..', '..');

function problems(env: Record<string, string>): readonly string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}

describe('production settings (an app id is set)', () => {
  it('refuses to serve the sample papers: PAPERS_DIR is required', () => {
    expect(problems({ ...READY, PAPERS_DIR: '' })).toEqual([expect.stringMatching(/^MicrosoftAppId is set but PAPERS_DIR is empty: the bot would answer from the bundled sample papers/u)]);
  });

  it('refuses links to localhost: PUBLIC_BASE_URL is required', () => {
    expect(problems({ ...READY, PUBLIC_BASE_URL: '' })).toEqual([expect.stringMatching(/^MicrosoftAppId is set but PUBLIC_BASE_URL is empty/u)]);
  });

  it('names the misspelt key that was meant for the missing setting', () => {
    const [problem] = problems({ ...READY, PAPERS_DIR: '', PAPERS_DIRECTORY: '/srv/papers' });
    expect(problem).toMatch(/\(PAPERS_DIRECTORY is set: did you mean PAPERS_DIR\?\)$/u);
  });

  it('makes one problem one line', () => {
    try {
      loadConfig({ ...READY, PUBLIC_BASE_URL: '' });
      throw new Error('loadConfig accepted a production setting without PUBLIC_BASE_URL');
    } catch (error) {
      expect((error as Error).message).toMatch(/^config: MicrosoftAppId is set but PUBLIC_BASE_URL is empty[^\n]*$/u);
    }
  });

  it('asks instances sharing a database for one link secret', () => {
    expect(problems({ ...READY, DATABASE_URL: 'postgresql://db.example.org/panel' })).toEqual([expect.stringMatching(/^DATABASE_URL is set \(two or more instances\) but PAPER_LINK_SECRET is empty/u)]);
    expect(problems({ ...READY, DATABASE_URL: 'postgresql://db.example.org/panel', PAPER_LINK_SECRET: 's'.repeat(32) })).toEqual([]);
    expect(problems({ ...READY, DATABASE_URL: 'postgresql://db.example.org/panel', PAPERS_VIEW: 'off' })).toEqual([]);
  });

  it('leaves local mode alone: no app id, the sample papers and localhost links are fine', () => {
    expect(problems({})).toEqual([]);
  });

  it('stops `npm start` with the one-line reason and a non-zero exit', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prod-settings-'));
    try {
      const envFile = path.join(dir, 'empty.env');
      writeFileSync(envFile, '');
      const env = { PATH: process.env['PATH'] ?? '', ENV_FILE: envFile, ...READY, PAPERS_DIR: '', PAPERS_DIRECTORY: '/srv/papers' };
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'index.ts')], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
      expect(child.status).toBe(1);
      expect(child.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^panel-papers: config: MicrosoftAppId is set but PAPERS_DIR is empty: .*did you mean PAPERS_DIR\?\) \(every setting: \.env\.example\)$/u),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('warnings at start', () => {
  it('reports a key that looks like one of ours, with the likely name', () => {
    const env = { ...READY, ANNOUNCERS: '6f1c2b9d-0000-4000-8000-0000000000aa', PAPERS_DIRECTORY: 'x', LOGLEVEL: 'debug', HOME: '/root', HOSTNAME: 'box', PATH: '/usr/bin' };
    expect(startWarnings(loadConfig(env), env, SETTING_NAMES)).toEqual([
      { code: 'setting_misspelt', hint: 'PAPERS_DIRECTORY is not a setting and is ignored: did you mean PAPERS_DIR?' },
      { code: 'setting_misspelt', hint: 'LOGLEVEL is not a setting and is ignored: did you mean LOG_LEVEL?' },
    ]);
  });

  it('warns that anyone may manage announcements when ANNOUNCERS is empty in Teams, not locally', () => {
    expect(startWarnings(loadConfig(READY), READY, SETTING_NAMES).map((w) => w.code)).toEqual(['announcers_empty']);
    expect(startWarnings(loadConfig({}), {}, SETTING_NAMES)).toEqual([]);
  });
});

describe('likely setting names', () => {
  it('matches case, missing underscores, a couple of typos and longer forms of long names', () => {
    expect(likelySetting('microsoftappid', SETTING_NAMES)).toBe('MicrosoftAppId');
    expect(likelySetting('PUBLIC_BASEURL', SETTING_NAMES)).toBe('PUBLIC_BASE_URL');
    expect(likelySetting('ANOUNCERS', SETTING_NAMES)).toBe('ANNOUNCERS');
    expect(likelySetting('MODERNGOV_COMITTEES', SETTING_NAMES)).toBe('MODERNGOV_COMMITTEES');
    expect(likelySetting('DATA_DIRECTORY', SETTING_NAMES)).toBe('DATA_DIR');
  });

  it('leaves the machine\'s own variables alone', () => {
    expect(misspeltSettings(['HOME', 'HOSTNAME', 'PATH', 'PWD', 'LOGNAME', 'NODE_ENV', 'TERM', 'LANG', 'npm_config_cache', 'XDG_DATA_DIRS', 'PORT', 'HOST'], SETTING_NAMES)).toEqual([]);
  });

  it('knows every key .env.example documents, and .env.example documents every one', () => {
    const documented = [...readFileSync(path.join(ROOT, '.env.example'), 'utf8').matchAll(/^([A-Za-z_]+)=/gmu)].map((m) => m[1]!);
    expect(documented.filter((key) => !SETTING_NAMES.includes(key))).toEqual([]);
    expect(SETTING_NAMES.filter((key) => key !== 'ENV_FILE' && !documented.includes(key))).toEqual([]);
  });

  it('counts edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });
});
