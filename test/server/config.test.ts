import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig, loadEnvFile, makeToday, REPO_ROOT } from '../../src/config';

describe('loadConfig', () => {
  it('runs locally with no settings: loopback, sample papers, auth off', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3978,
      host: '127.0.0.1',
      papersDir: path.join(REPO_ROOT, 'data', 'papers'),
      dataDir: path.join(REPO_ROOT, '.data'),
      databaseUrl: null,
      asOfDate: null,
      publicBaseUrl: 'http://127.0.0.1:3978',
      auth: null,
      logLevel: 'info',
      announcers: [],
      fetching: null,
      paperView: { access: 'open' },
      exemptPapers: [],
      paperLimits: { maxFileBytes: 64 * 1024 * 1024, maxTextChars: 10_000_000, maxLineChars: 20_000, timeoutMs: 60_000, memoryMb: 1024 },
      followsPerUser: 50,
    });
  });

  it('reads what one paper may take and the follows cap, refusing nonsense', () => {
    const config = loadConfig({ PAPER_MAX_MB: '2', PAPER_MAX_CHARS: '5000', PAPER_MAX_LINE_CHARS: '300', PAPER_READ_SECONDS: '1.5', PAPER_READ_MEMORY_MB: '256', FOLLOWS_PER_USER: '10' });
    expect(config.paperLimits).toEqual({ maxFileBytes: 2 * 1024 * 1024, maxTextChars: 5000, maxLineChars: 300, timeoutMs: 1500, memoryMb: 256 });
    expect(config.followsPerUser).toBe(10);
    expect(() => loadConfig({ PAPER_READ_SECONDS: '0' })).toThrow(/PAPER_READ_SECONDS must be a number of seconds above 0/u);
    expect(() => loadConfig({ PAPER_MAX_MB: 'lots' })).toThrow(/PAPER_MAX_MB must be a number of megabytes/u);
  });

  it('reads the ModernGov fetching settings, with defaults for the schedule and rate', () => {
    expect(loadConfig({ MODERNGOV_URL: 'https://moderngov.example.gov.uk/', MODERNGOV_COMMITTEES: ' 711 , Planning Committee,' }).fetching).toEqual({
      url: 'https://moderngov.example.gov.uk',
      committees: ['711', 'Planning Committee'],
      intervalMinutes: 60,
      ratePerSecond: 2,
    });
    expect(loadConfig({ MODERNGOV_URL: 'http://127.0.0.1:8080', MODERNGOV_COMMITTEES: '1', FETCH_INTERVAL_MINUTES: '15', FETCH_RATE_PER_SECOND: '0.5' }).fetching).toMatchObject({ intervalMinutes: 15, ratePerSecond: 0.5 });
  });

  it('lists every fetching problem at once', () => {
    const problems = (env: Record<string, string>): readonly string[] => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ MODERNGOV_URL: 'moderngov.example.gov.uk', FETCH_INTERVAL_MINUTES: '0', FETCH_RATE_PER_SECOND: 'fast' })).toEqual([
      expect.stringMatching(/^MODERNGOV_URL must be the http\(s\) address/u),
      expect.stringMatching(/^FETCH_INTERVAL_MINUTES must be a number of minutes above 0/u),
      expect.stringMatching(/^FETCH_RATE_PER_SECOND must be a number above 0/u),
    ]);
    expect(problems({ MODERNGOV_URL: 'https://moderngov.example.gov.uk' })).toEqual([expect.stringMatching(/^MODERNGOV_URL is set but MODERNGOV_COMMITTEES is empty/u)]);
    expect(problems({ MODERNGOV_COMMITTEES: '711' })).toEqual([expect.stringMatching(/^MODERNGOV_COMMITTEES is set but MODERNGOV_URL is empty/u)]);
  });

  it('reads ANNOUNCERS as a list of Entra object ids and refuses anything else', () => {
    const id = '6f1c2b9d-0000-4000-8000-0000000000aa';
    expect(loadConfig({ ANNOUNCERS: ` ${id} , ${id.toUpperCase()},` }).announcers).toEqual([id, id.toUpperCase()]);
    expect(() => loadConfig({ ANNOUNCERS: 'Jo Bloggs' })).toThrow(/ANNOUNCERS must be Entra object ids/u);
  });

  it('reads DATABASE_URL as a PostgreSQL URL and refuses anything else', () => {
    expect(loadConfig({ DATABASE_URL: ' postgresql://panel:secret@db.example.org:5432/panel_papers ' }).databaseUrl).toBe('postgresql://panel:secret@db.example.org:5432/panel_papers');
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeNull();
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/panel' })).toThrow(/DATABASE_URL must be a PostgreSQL connection URL/u);
  });

  it('refuses a date that does not exist', () => {
    expect(() => loadConfig({ AS_OF_DATE: '2023-02-30' })).toThrow(/AS_OF_DATE must be a real date/u);
  });

  it('treats empty strings as unset', () => {
    expect(loadConfig({ PORT: '', MicrosoftAppId: '', AS_OF_DATE: ' ' }).auth).toBeNull();
  });

  it('resolves relative folders from the repo root, not the cwd', () => {
    expect(loadConfig({ PAPERS_DIR: 'test/fixtures' }).papersDir).toBe(path.join(REPO_ROOT, 'test', 'fixtures'));
  });

  it('lists every problem at once, each with a fix', () => {
    const attempt = () => loadConfig({ PORT: 'abc', AS_OF_DATE: '20/07/2023', LOG_LEVEL: 'loud', MicrosoftAppType: 'Multi' });
    expect(attempt).toThrow(ConfigError);
    try {
      attempt();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([
        'PORT must be a whole number from 0 to 65535, e.g. PORT=3978',
        'AS_OF_DATE must be a real date written YYYY-MM-DD, e.g. AS_OF_DATE=2023-07-20, or left empty',
        'MicrosoftAppType must be SingleTenant (new registrations), MultiTenant or UserAssignedMSI',
        'LOG_LEVEL must be one of debug, info, warn, error',
      ]);
    }
  });

  it('reads ANSWER_CACHE_SIZE as a count of answers, 0 for off, and refuses anything else', () => {
    expect(loadConfig({}).answerCacheSize).toBeUndefined();
    expect(loadConfig({ ANSWER_CACHE_SIZE: '0' }).answerCacheSize).toBe(0);
    expect(loadConfig({ ANSWER_CACHE_SIZE: '250' }).answerCacheSize).toBe(250);
    expect(() => loadConfig({ ANSWER_CACHE_SIZE: 'lots' })).toThrow('ANSWER_CACHE_SIZE must be a whole number of answers from 0 (off) to 999999');
  });

  it('refuses to listen beyond loopback without an app id', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/HOST=0\.0\.0\.0 without MicrosoftAppId would expose an unauthenticated bot/u);
  });

  it('takes a SingleTenant registration and listens on all interfaces by default', () => {
    const config = loadConfig({ MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', PAPERS_DIR: 'papers', PUBLIC_BASE_URL: 'https://panel.example.org' });
    expect(config.auth).toEqual({ appId: 'app', appPassword: 'secret', appType: 'SingleTenant', tenantId: 'tenant' });
    expect(config.host).toBe('0.0.0.0');
    expect(config.publicBaseUrl).toBe('https://panel.example.org');
  });

  it('asks for the password and tenant that go with an app id', () => {
    expect(() => loadConfig({ MicrosoftAppId: 'app' })).toThrow(/MicrosoftAppPassword is empty[\s\S]*needs MicrosoftAppTenantId/u);
  });

  describe('paper view', () => {
    const APP = { MicrosoftAppId: 'app', MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: 'tenant', PAPERS_DIR: 'papers', PUBLIC_BASE_URL: 'https://panel.example.org' };
    const SECRET = 'a'.repeat(32);

    it('signs links for 30 days with an app id, with a generated secret when none is set', () => {
      const first = loadConfig(APP).paperView;
      const second = loadConfig(APP).paperView;
      expect(first).toMatchObject({ access: 'signed', secretGenerated: true, days: 30 });
      expect(first.access === 'signed' && second.access === 'signed' && first.secret !== second.secret && first.secret.length >= 32).toBe(true);
    });

    it('takes PAPER_LINK_SECRET and PAPER_LINK_DAYS', () => {
      expect(loadConfig({ ...APP, PAPER_LINK_SECRET: SECRET, PAPER_LINK_DAYS: '7' }).paperView).toStrictEqual({ access: 'signed', secret: SECRET, secretGenerated: false, days: 7 });
    });

    it('turns the view off with PAPERS_VIEW=off, with or without an app id', () => {
      expect(loadConfig({ ...APP, PAPERS_VIEW: 'off' }).paperView).toStrictEqual({ access: 'off' });
      expect(loadConfig({ PAPERS_VIEW: 'off' }).paperView).toStrictEqual({ access: 'off' });
    });

    it('refuses a short secret, a number of days out of range and an unknown PAPERS_VIEW, saying how to fix each', () => {
      expect(() => loadConfig({ ...APP, PAPER_LINK_SECRET: 'short', PAPER_LINK_DAYS: '0', PAPERS_VIEW: 'signed' })).toThrow(
        /PAPERS_VIEW must be on[\s\S]*PAPER_LINK_SECRET must be at least 32 characters[\s\S]*PAPER_LINK_DAYS must be a whole number of days from 1 to 365/u,
      );
    });
  });

  it('reads EXEMPT_PAPERS as file names and refuses paths', () => {
    expect(loadConfig({ EXEMPT_PAPERS: ' a.pdf, b report.txt ,' }).exemptPapers).toStrictEqual(['a.pdf', 'b report.txt']);
    expect(() => loadConfig({ EXEMPT_PAPERS: '../secret.pdf' })).toThrow(/EXEMPT_PAPERS must be file names in the papers folder/u);
  });

  it('uses PUBLIC_BASE_URL without a trailing slash', () => {
    expect(loadConfig({ PUBLIC_BASE_URL: 'https://panel.example.org/' }).publicBaseUrl).toBe('https://panel.example.org');
  });
});

describe('makeToday', () => {
  it('returns AS_OF_DATE when fixed', () => {
    expect(makeToday('2023-07-20')()).toBe('2023-07-20');
  });
  it('returns an ISO date otherwise', () => {
    expect(makeToday(null)()).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
  });
});

describe('loadEnvFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'env-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads KEY=value lines into the environment, leaving variables already set as they are', () => {
    const file = path.join(dir, 'settings.env');
    writeFileSync(file, 'PANEL_TEST_FROM_FILE=file\nPANEL_TEST_ALREADY=file\n');
    const env: Record<string, string | undefined> = { ENV_FILE: file, PANEL_TEST_ALREADY: 'service manager' };
    expect(loadEnvFile(env)).toBe(file);
    expect(env).toEqual({ ENV_FILE: file, PANEL_TEST_FROM_FILE: 'file', PANEL_TEST_ALREADY: 'service manager' });
  });

  it('refuses an ENV_FILE that does not exist, naming it', () => {
    expect(() => loadEnvFile({ ENV_FILE: path.join(dir, 'missing.env') })).toThrow(/ENV_FILE=.*missing\.env names a file that does not exist/u);
  });
});
