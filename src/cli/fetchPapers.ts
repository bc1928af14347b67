import { join } from 'node:path';
import { ConfigError, loadConfig, loadEnvFile, makeToday } from '../config';
import { fetchModernGovPapers, listModernGovCommittees, type FetchSummary, type SiteCheck } from '../fetch';
import { progressBar } from '../ingest';

export const USAGE = `Usage: npm run fetch-papers -- --since YYYY-MM-DD [options]
       npm run fetch-papers -- --list-committees [--url URL]

Fetches a council's committee papers from its ModernGov site into the papers folder: the meeting
pages, agenda packs, printed decisions and minutes, and reports of every meeting in the window.
Only new or changed papers are written; a second run asks the site "changed since?" and rewrites nothing.

  --since YYYY-MM-DD   meetings on or after this day (required)
  --until YYYY-MM-DD   and on or before this one (default: no end)
  --committee ID|NAME  a committee, by its id (mgCommitteeDetails.aspx?ID=...) or its name as the site
                       lists it; repeat for more (default: MODERNGOV_COMMITTEES)
  --url URL            the ModernGov site, e.g. https://moderngov.example.gov.uk (default: MODERNGOV_URL)
  --dir DIR            the papers folder (default: PAPERS_DIR)
  --rate N             at most N requests a second (default: FETCH_RATE_PER_SECOND, else 2)
  --dry-run            read the site's pages and print what would be fetched; write nothing
  --list-committees    print the site's committees with their ids, to choose --committee from
  --help               this text

An address that is not a ModernGov site, or where nothing answers, is refused: nothing is written
and the exit status is 1.
`;

export interface FetchPapersArgs {
  readonly since: string;
  readonly until: string | null;
  readonly committees: string[];
  readonly url: string | null;
  readonly dir: string | null;
  readonly rate: number | null;
  readonly dryRun: boolean;
  readonly listCommittees: boolean;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/u;
const VALUE_FLAGS = new Set(['--since', '--until', '--committee', '--url', '--dir', '--rate']);
const SWITCHES = new Set(['--dry-run', '--list-committees']);

/** The command line read, or the reason it cannot be (unknown flags are refused, never ignored). */
export function parseFetchPapersArgs(argv: readonly string[]): { args: FetchPapersArgs } | { help: true } | { error: string } {
  const values = new Map<string, string[]>();
  const switches = new Set<string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === '--help' || flag === '-h') return { help: true };
    if (SWITCHES.has(flag)) {
      switches.add(flag);
      continue;
    }
    if (!VALUE_FLAGS.has(flag)) return { error: `unknown option ${flag}` };
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) return { error: `${flag} needs a value` };
    values.set(flag, [...(values.get(flag) ?? []), value]);
    i += 1;
  }
  const one = (flag: string): string | null => values.get(flag)?.at(-1) ?? null;
  const listCommittees = switches.has('--list-committees');
  // Listing committees needs no window: it is how one finds what to fetch.
  const since = one('--since') ?? (listCommittees ? '0000-01-01' : null);
  const until = one('--until');
  if (!since) return { error: '--since YYYY-MM-DD is required' };
  for (const [flag, date] of [['--since', since], ['--until', until]] as const) {
    if (date !== null && !(ISO_DATE.test(date) && !Number.isNaN(Date.parse(date)))) return { error: `${flag} must be a date written YYYY-MM-DD, not ${date}` };
  }
  if (until !== null && until < since) return { error: `--until ${until} is before --since ${since}` };
  const rateText = one('--rate');
  const rate = rateText === null ? null : Number(rateText);
  if (rate !== null && !(rate > 0 && rate <= 20)) return { error: `--rate must be a number above 0 and at most 20, not ${rateText}` };
  const url = one('--url');
  if (url !== null && !/^https?:\/\/[^/]/u.test(url)) return { error: `--url must be an http(s) address, not ${url}` };
  return { args: { since, until, committees: values.get('--committee') ?? [], url, dir: one('--dir'), rate, dryRun: switches.has('--dry-run'), listCommittees } };
}

/** `--list-committees`: one committee a line, id first, as --committee and MODERNGOV_COMMITTEES take it. */
export function formatCommittees(site: Extract<SiteCheck, { kind: 'moderngov' }>): string {
  const width = Math.max(2, ...site.committees.map((c) => c.id.length));
  const lines = site.committees.map((c) => `${c.id.padStart(width)}  ${c.title}${c.live ? '' : '  (no longer meets)'}`);
  const note = site.serviceProblem ? [`Note: the web service did not answer (${site.serviceProblem}); the committees page was read instead`] : [];
  return `${[`Committees: ${site.committees.length}`, ...lines, ...note].join('\n')}\n`;
}

/** `--dry-run`: the files a round would write, and those it would only check for a change. */
export function formatPlan(summary: FetchSummary): string {
  const fresh = summary.planned.filter((p) => !p.held);
  const held = summary.planned.filter((p) => p.held);
  const out = [
    `Committees: ${summary.committees.map((c) => `${c.title || '(unnamed)'} (${c.id})`).join('; ') || 'none'}`,
    `Meetings: ${summary.meetings.length}`,
    ...summary.meetings.map((m) => `  ${m.date}${m.time ? ` ${m.time}` : ''} ${m.committee}: ${m.status}, ${m.documents} document(s)`),
    `Would fetch: ${fresh.length}`,
    ...fresh.map((p) => `  ${p.file}  <- ${p.url}`),
    `Would check for changes: ${held.length}`,
    ...held.map((p) => `  ${p.file}`),
  ];
  if (summary.skipped.length > 0) out.push(`Skipped: ${summary.skipped.length}`, ...summary.skipped.map((s) => `  ${s.url}: ${s.reason}`));
  if (summary.failed.length > 0) out.push(`Failed: ${summary.failed.length}`, ...summary.failed.map((f) => `  ${f.url}: ${f.reason}`));
  out.push(...summary.notes.map((n) => `Note: ${n}`), `Requests: ${summary.requests}`, 'Dry run: nothing was written.');
  return `${out.join('\n')}\n`;
}

/** The end-of-run report: what was written, what was already there, and what failed and why. */
export function formatSummary(summary: FetchSummary): string {
  const out: string[] = [];
  out.push(`Committees: ${summary.committees.map((c) => `${c.title || '(unnamed)'} (${c.id})`).join('; ') || 'none'}`);
  out.push(`Meetings: ${summary.meetings.length}`);
  for (const m of summary.meetings) out.push(`  ${m.date}${m.time ? ` ${m.time}` : ''} ${m.committee}: ${m.status}, ${m.documents} document(s)`);
  out.push(`Downloaded: ${summary.downloaded.length}`);
  for (const f of summary.downloaded) out.push(`  ${f}`);
  out.push(`Unchanged: ${summary.unchanged.length}`);
  if (summary.skipped.length > 0) out.push(`Skipped: ${summary.skipped.length}`, ...summary.skipped.map((s) => `  ${s.url}: ${s.reason}`));
  out.push(`Failed: ${summary.failed.length}`);
  for (const f of summary.failed) out.push(`  ${f.url}: ${f.reason}`);
  for (const n of summary.notes) out.push(`Note: ${n}`);
  out.push(`Requests: ${summary.requests}`);
  return `${out.join('\n')}\n`;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseFetchPapersArgs(argv);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`fetch-papers: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const { args } = parsed;
  // The same settings as the bot: the environment, then .env beside package.json.
  loadEnvFile();
  const config = loadConfig();
  const url = args.url ?? config.fetching?.url;
  const committees = args.committees.length > 0 ? args.committees : [...(config.fetching?.committees ?? [])];
  const client = { ratePerSecond: args.rate ?? config.fetching?.ratePerSecond ?? 2 };
  if (!url) return refuse('no ModernGov site: pass --url or set MODERNGOV_URL');
  if (args.listCommittees) {
    const site = await listModernGovCommittees(url, client);
    if (site.kind === 'refused') return refused(site.reason);
    process.stdout.write(formatCommittees(site));
    return 0;
  }
  if (committees.length === 0) return refuse('no committee: pass --committee (repeat for more) or set MODERNGOV_COMMITTEES; --list-committees shows them');
  const onProgress = progressBar(process.stderr);
  const summary = await fetchModernGovPapers({
    baseUrl: url,
    committees,
    since: args.since,
    until: args.until,
    papersDir: args.dir ?? config.papersDir,
    stateFile: join(config.dataDir, 'moderngov-fetch.json'),
    today: makeToday(config.asOfDate)(),
    client,
    dryRun: args.dryRun,
    ...(onProgress ? { onProgress } : {}),
  });
  if (summary.refused !== null) return refused(summary.refused);
  process.stdout.write(args.dryRun ? formatPlan(summary) : formatSummary(summary));
  return summary.failed.length > 0 ? 1 : 0;
}

/** The site was asked and is not one to fetch from: the reason alone, without the usage. */
function refused(reason: string): number {
  process.stderr.write(`fetch-papers: ${reason}\n`);
  return 1;
}

function refuse(message: string): number {
  process.stderr.write(`fetch-papers: ${message}\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(error instanceof ConfigError ? `${error.message}\nSee .env.example for every setting.\n` : `fetch-papers: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
