import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import path from 'node:path';
import { DateTime } from 'luxon';
import { z } from 'zod';
import { productionProblems } from './production';
import { TEAMS_APP_SETTING_NAMES } from './teamsApp';

/**
 * The repository root, where package.json is: defaults are resolved from here so `npm start` works
 * from any cwd, and the compiled build (dist/src/config) finds the same folders as the sources.
 */
export const REPO_ROOT = findRoot(__dirname);

function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '..', '..');
  }
}

const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '::1', 'localhost']);

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** Bot Framework credentials. Absent means local mode: no auth, loopback only. */
export interface BotAuth {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: 'SingleTenant' | 'MultiTenant' | 'UserAssignedMSI';
  readonly tenantId: string;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  /** Folder of published papers to answer from. */
  readonly papersDir: string;
  /** Durable local state: feedback, conversation references, announcements (and the index snapshot). */
  readonly dataDir: string;
  /** PostgreSQL holding the state every instance shares; null keeps it in files under dataDir. */
  readonly databaseUrl: string | null;
  /** Fixed "today" (YYYY-MM-DD) for demos and tests; null means the real date in Europe/London. */
  readonly asOfDate: string | null;
  /** Where users' browsers reach this server, for citation links to /papers. No trailing slash. */
  readonly publicBaseUrl: string;
  readonly auth: BotAuth | null;
  readonly logLevel: LogLevel;
  /** Entra object ids allowed to manage announcements in channels and group chats; empty = anyone. */
  readonly announcers: readonly string[];
  /** Fetching papers from the council's ModernGov site into papersDir; null when MODERNGOV_URL is unset. */
  readonly fetching: FetchingConfig | null;
  /** Who may open /papers/:file, and how the bot's links to it are signed. */
  readonly paperView: PaperViewConfig;
  /** Papers never indexed nor served, by file name (EXEMPT_PAPERS), besides those marked exempt. */
  readonly exemptPapers: readonly string[];
  /** How many recent answers are kept to answer a repeated question at once; 0 answers every question afresh; undefined is AnswerCache's default. */
  readonly answerCacheSize: number | undefined;
  /** What one paper may take to read and parse (PAPER_MAX_MB, ..., PAPER_READ_MEMORY_MB): see src/ingest/paperLimits.ts. */
  readonly paperLimits: PaperLimitsConfig;
  /** Topic follows one user may keep (FOLLOWS_PER_USER). */
  readonly followsPerUser: number;
}

/** The same shape as src/ingest's PaperLimits, which config does not import. */
export interface PaperLimitsConfig {
  readonly maxFileBytes: number;
  readonly maxTextChars: number;
  readonly maxLineChars: number;
  readonly timeoutMs: number;
  readonly memoryMb: number;
}

/**
 * The paper view: `open` without an app id (local mode, loopback only), `signed` links with one,
 * `off` with PAPERS_VIEW=off. A generated secret dies with the process: links made before a restart,
 * or by another instance, are refused.
 */
export type PaperViewConfig =
  | { readonly access: 'open' | 'off' }
  | { readonly access: 'signed'; readonly secret: string; readonly secretGenerated: boolean; readonly days: number };

export interface FetchingConfig {
  /** The ModernGov site, no trailing slash, e.g. https://moderngov.example.gov.uk */
  readonly url: string;
  /** Committee ids or names, as the site lists them. */
  readonly committees: readonly string[];
  readonly intervalMinutes: number;
  readonly ratePerSecond: number;
}

/** Thrown by loadConfig with every problem found, each saying how to fix it. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    // One problem is one line, so a service manager's status shows the whole reason.
    super(problems.length === 1 ? `config: ${problems[0]}` : `config: ${problems.length} problems\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// Empty strings count as unset: .env files and CI often export KEY= for "no value".
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const PAPER_LINK_DAYS_HINT = 'PAPER_LINK_DAYS must be a whole number of days from 1 to 365, e.g. PAPER_LINK_DAYS=30';
const PORT_HINT = 'PORT must be a whole number from 0 to 65535, e.g. PORT=3978';
const isoDate = /^\d{4}-\d{2}-\d{2}$/u;
const ENTRA_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** A positive number setting, e.g. FETCH_RATE_PER_SECOND=0.5; `hint` says what is wanted. */
const positiveNumber = (hint: string, max: number) =>
  optionalText.pipe(
    z
      .string()
      .regex(/^\d+(\.\d+)?$/u, hint)
      .transform(Number)
      .refine((n) => n > 0 && n <= max, hint)
      .optional(),
  );

const EnvSchema = z.object({
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/u, PORT_HINT)
      .transform(Number)
      .refine((port) => port <= 65535, PORT_HINT)
      .optional(),
  ),
  HOST: optionalText,
  PAPERS_DIR: optionalText,
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(
        /^postgres(ql)?:\/\/\S+$/u,
        'DATABASE_URL must be a PostgreSQL connection URL, e.g. DATABASE_URL=postgresql://panel:secret@db.example.org:5432/panel_papers, or left empty to keep state in DATA_DIR',
      )
      .optional(),
  ),
  AS_OF_DATE: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => isoDate.test(value) && DateTime.fromISO(value).isValid,
        'AS_OF_DATE must be a real date written YYYY-MM-DD, e.g. AS_OF_DATE=2023-07-20, or left empty',
      )
      .optional(),
  ),
  PUBLIC_BASE_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/u, message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://panel.example.org' })
      .optional(),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppType: optionalText.pipe(
    z
      .enum(['SingleTenant', 'MultiTenant', 'UserAssignedMSI'], {
        message: 'MicrosoftAppType must be SingleTenant (new registrations), MultiTenant or UserAssignedMSI',
      })
      .optional(),
  ),
  MicrosoftAppTenantId: optionalText,
  ANNOUNCERS: optionalText.pipe(
    z
      .string()
      .transform((value) => value.split(',').map((id) => id.trim()).filter((id) => id !== ''))
      .refine((ids) => ids.every((id) => ENTRA_OBJECT_ID.test(id)), {
        message: 'ANNOUNCERS must be Entra object ids (GUIDs) separated by commas, e.g. ANNOUNCERS=6f1c...-...,2b9d...-..., or left empty for anyone',
      })
      .optional(),
  ),
  MODERNGOV_URL: optionalText.pipe(
    z
      .url({ protocol: /^https?$/u, message: 'MODERNGOV_URL must be the http(s) address of the council\'s ModernGov site, e.g. https://moderngov.example.gov.uk, or left empty' })
      .optional(),
  ),
  MODERNGOV_COMMITTEES: optionalText.pipe(
    z
      .string()
      .transform((value) => value.split(',').map((c) => c.trim()).filter((c) => c !== ''))
      .optional(),
  ),
  FETCH_INTERVAL_MINUTES: positiveNumber('FETCH_INTERVAL_MINUTES must be a number of minutes above 0 and at most 10080 (a week), e.g. FETCH_INTERVAL_MINUTES=60', 10_080),
  FETCH_RATE_PER_SECOND: positiveNumber('FETCH_RATE_PER_SECOND must be a number above 0 and at most 20, e.g. FETCH_RATE_PER_SECOND=2 (0.5 is one request every 2 seconds)', 20),
  PAPERS_VIEW: optionalText.pipe(
    z.enum(['on', 'off'], { message: 'PAPERS_VIEW must be on (the default: cited papers open in the browser) or off (no paper view, no links)' }).optional(),
  ),
  PAPER_LINK_SECRET: optionalText.pipe(
    z
      .string()
      .min(32, 'PAPER_LINK_SECRET must be at least 32 characters, e.g. the output of `openssl rand -base64 32`, or left empty for one generated at start')
      .optional(),
  ),
  PAPER_LINK_DAYS: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,3}$/u, PAPER_LINK_DAYS_HINT)
      .transform(Number)
      .refine((days) => days >= 1 && days <= 365, PAPER_LINK_DAYS_HINT)
      .optional(),
  ),
  EXEMPT_PAPERS: optionalText.pipe(
    z
      .string()
      .transform((value) => value.split(',').map((name) => name.trim()).filter((name) => name !== ''))
      .refine((names) => names.every((name) => !/[\\/]/u.test(name)), {
        message: 'EXEMPT_PAPERS must be file names in the papers folder (no folders), comma-separated, e.g. EXEMPT_PAPERS=2024-03-07-part-2-report.pdf,appendix-c.pdf',
      })
      .optional(),
  ),
  ANSWER_CACHE_SIZE: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,6}$/u, 'ANSWER_CACHE_SIZE must be a whole number of answers from 0 (off) to 999999, e.g. ANSWER_CACHE_SIZE=1000, or left empty')
      .transform(Number)
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(
    z.enum(['debug', 'info', 'warn', 'error'], { message: 'LOG_LEVEL must be one of debug, info, warn, error' }).optional(),
  ),
  PAPER_MAX_MB: positiveNumber('PAPER_MAX_MB must be a number of megabytes above 0 and at most 2048, e.g. PAPER_MAX_MB=64 (a larger paper is skipped)', 2048),
  PAPER_MAX_CHARS: positiveNumber('PAPER_MAX_CHARS must be a number of characters above 0 and at most 200000000, e.g. PAPER_MAX_CHARS=10000000', 200_000_000),
  PAPER_MAX_LINE_CHARS: positiveNumber('PAPER_MAX_LINE_CHARS must be a number of characters above 0 and at most 1000000, e.g. PAPER_MAX_LINE_CHARS=20000', 1_000_000),
  PAPER_READ_SECONDS: positiveNumber('PAPER_READ_SECONDS must be a number of seconds above 0 and at most 3600, e.g. PAPER_READ_SECONDS=60', 3600),
  PAPER_READ_MEMORY_MB: positiveNumber('PAPER_READ_MEMORY_MB must be a number of megabytes above 0 and at most 16384, e.g. PAPER_READ_MEMORY_MB=1024', 16_384),
  FOLLOWS_PER_USER: positiveNumber('FOLLOWS_PER_USER must be a number above 0 and at most 10000, e.g. FOLLOWS_PER_USER=50', 10_000),
});

type Env = Readonly<Record<string, string | undefined>>;

/** Every setting name read from the environment: a key close to one of these is reported as misspelt. */
export const SETTING_NAMES: readonly string[] = [...Object.keys(EnvSchema.shape), 'ENV_FILE', ...TEAMS_APP_SETTING_NAMES];

/**
 * Reads and checks the settings once, at startup. The only reader of process.env; every stage
 * gets typed values from here. Throws ConfigError listing every problem at once.
 */
export function loadConfig(env: Env = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => issue.message));
  }
  const e = parsed.data;
  const problems: string[] = [];
  const auth = toAuth(e, problems);
  const fetching = toFetching(e, problems);
  problems.push(
    ...productionProblems(
      { appId: e.MicrosoftAppId, papersDir: e.PAPERS_DIR, publicBaseUrl: e.PUBLIC_BASE_URL, sharedState: e.DATABASE_URL !== undefined, paperView: e.PAPERS_VIEW, paperLinkSecret: e.PAPER_LINK_SECRET },
      env,
      SETTING_NAMES,
    ),
  );
  const host = e.HOST ?? (auth ? '0.0.0.0' : '127.0.0.1');
  if (!auth && !LOOPBACK_HOSTS.has(host)) {
    // Without an app id botbuilder accepts any POST and replies to whatever serviceUrl the caller
    // names, so an open local-mode bot could be made to call any address.
    problems.push(
      `HOST=${host} without MicrosoftAppId would expose an unauthenticated bot: set MicrosoftAppId (and password) or use HOST=127.0.0.1`,
    );
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const port = e.PORT ?? 3978;
  const linkHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    papersDir: path.resolve(REPO_ROOT, e.PAPERS_DIR ?? path.join('data', 'papers')),
    dataDir: path.resolve(REPO_ROOT, e.DATA_DIR ?? '.data'),
    databaseUrl: e.DATABASE_URL ?? null,
    asOfDate: e.AS_OF_DATE ?? null,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${linkHost.includes(':') ? `[${linkHost}]` : linkHost}:${port}`).replace(/\/+$/u, ''),
    auth,
    logLevel: e.LOG_LEVEL ?? 'info',
    announcers: e.ANNOUNCERS ?? [],
    fetching,
    answerCacheSize: e.ANSWER_CACHE_SIZE,
    paperView: toPaperView(e, auth),
    exemptPapers: e.EXEMPT_PAPERS ?? [],
    paperLimits: {
      maxFileBytes: Math.round((e.PAPER_MAX_MB ?? 64) * 1024 * 1024),
      maxTextChars: Math.round(e.PAPER_MAX_CHARS ?? 10_000_000),
      maxLineChars: Math.round(e.PAPER_MAX_LINE_CHARS ?? 20_000),
      timeoutMs: Math.round((e.PAPER_READ_SECONDS ?? 60) * 1000),
      memoryMb: Math.max(16, Math.round(e.PAPER_READ_MEMORY_MB ?? 1024)),
    },
    followsPerUser: Math.floor(e.FOLLOWS_PER_USER ?? 50),
  };
}

/** Links are signed whenever the bot is reachable from outside (an app id is set): see PaperViewConfig. */
function toPaperView(e: z.infer<typeof EnvSchema>, auth: BotAuth | null): PaperViewConfig {
  if (e.PAPERS_VIEW === 'off') return { access: 'off' };
  if (!auth) return { access: 'open' };
  return {
    access: 'signed',
    secret: e.PAPER_LINK_SECRET ?? randomBytes(32).toString('base64url'),
    secretGenerated: e.PAPER_LINK_SECRET === undefined,
    days: e.PAPER_LINK_DAYS ?? 30,
  };
}

function toFetching(e: z.infer<typeof EnvSchema>, problems: string[]): FetchingConfig | null {
  if (!e.MODERNGOV_URL) {
    if (e.MODERNGOV_COMMITTEES?.length) problems.push('MODERNGOV_COMMITTEES is set but MODERNGOV_URL is empty: set the ModernGov site\'s address too, or neither');
    return null;
  }
  if (!e.MODERNGOV_COMMITTEES?.length) {
    problems.push('MODERNGOV_URL is set but MODERNGOV_COMMITTEES is empty: name the committees to fetch, by id or name, comma-separated, e.g. MODERNGOV_COMMITTEES=711,Planning Committee');
  }
  return {
    url: e.MODERNGOV_URL.replace(/\/+$/u, ''),
    committees: e.MODERNGOV_COMMITTEES ?? [],
    intervalMinutes: e.FETCH_INTERVAL_MINUTES ?? 60,
    ratePerSecond: e.FETCH_RATE_PER_SECOND ?? 2,
  };
}

function toAuth(e: z.infer<typeof EnvSchema>, problems: string[]): BotAuth | null {
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword || e.MicrosoftAppTenantId) {
      problems.push('MicrosoftAppPassword or MicrosoftAppTenantId is set but MicrosoftAppId is empty: set all of them, or none for local mode');
    }
    return null;
  }
  const appType = e.MicrosoftAppType ?? 'SingleTenant';
  if (appType !== 'UserAssignedMSI' && !e.MicrosoftAppPassword) {
    problems.push('MicrosoftAppId is set but MicrosoftAppPassword is empty: copy the client secret from the Azure bot registration');
  }
  if (appType !== 'MultiTenant' && !e.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppType=${appType} needs MicrosoftAppTenantId: the directory (tenant) id of the bot's Entra app`);
  }
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword ?? '',
    appType,
    tenantId: e.MicrosoftAppTenantId ?? '',
  };
}

/**
 * Reads `.env` (from the repository root, or `ENV_FILE`) into the environment, if there is one, with
 * Node's own parser. Variables already set win, so a service manager's settings override the file.
 * Returns the file read, or null.
 */
export function loadEnvFile(env: Record<string, string | undefined> = process.env): string | null {
  const file = path.resolve(REPO_ROOT, env.ENV_FILE?.trim() || '.env');
  if (!existsSync(file)) {
    if (env.ENV_FILE?.trim()) throw new ConfigError([`ENV_FILE=${env.ENV_FILE} names a file that does not exist`]);
    return null;
  }
  let values: Record<string, string | undefined>;
  try {
    values = parseEnv(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([`${file} could not be read as KEY=value lines: ${(error as Error).message}`]);
  }
  for (const [key, value] of Object.entries(values)) if (env[key] === undefined) env[key] = value;
  return file;
}
