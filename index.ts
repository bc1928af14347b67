import { AnswerCache, prepareAnswers, prepareAnswersSoon } from './src/answer';
import { AnnouncementCommands, FileAnnouncementStore, StateAnnouncementStore, startAnnouncements } from './src/announce';
import { createJsonLogger, FileConversationStore, JsonLinesFeedbackStore, PanelBot, PaperLinks, StateConversationStore, StateFeedbackStore } from './src/bot';
import { compareSharedSettings, ConfigError, loadConfig, loadEnvFile, makeToday, SETTING_NAMES, startWarnings } from './src/config';
import { papersFolderProblem, startPaperFetching } from './src/fetch';
import { join } from 'node:path';
import { PapersFolderError, progressBar, SkippedPapers } from './src/ingest';
import { loadPaperIndexAsync, paperParser, saveChangedIndex, updatePaperIndex, type PaperIndex } from './src/search';
import { fetchedUrls, startServer } from './src/server';
import { PostgresStateStore, removeLeftoverParts, StateStoreError } from './src/state';
import { IndexHolder } from './src/watch';

/** Composition root: config → paper index → bot → server → announcements → paper fetching. Nothing here but wiring. */
async function main(): Promise<void> {
  const envFile = loadEnvFile();
  const config = loadConfig();
  const logger = createJsonLogger(config.logLevel);
  if (envFile) logger.info('settings_read', { file: envFile });
  for (const { code, hint } of startWarnings(config, process.env, SETTING_NAMES)) logger.warn(code, { hint });
  // Nothing may crash the process on input, but an unexpected failure must still be seen.
  process.on('unhandledRejection', (error) => logger.error('unhandled_rejection', { error }));
  // Fetching writes into the papers folder: a read-only one is refused now, not at every download.
  const folderProblem = config.fetching ? await papersFolderProblem(config.papersDir) : null;
  if (folderProblem) throw new ConfigError([folderProblem]);
  // With DATABASE_URL every instance shares one state (and claims each send); without, files in DATA_DIR.
  // Opened first, so an unreachable database fails the start at once, not after indexing.
  const shared = config.databaseUrl ? await PostgresStateStore.open(config.databaseUrl, { logger }) : null;
  if (shared) {
    const linkSecret = config.paperView.access === 'signed' ? config.paperView.secret : null;
    for (const { code, hint } of await compareSharedSettings(shared, { publicBaseUrl: config.publicBaseUrl, linkSecret })) logger.warn(code, { hint });
  }
  // Temp files of writes a kill cut short: in the papers folder (fetching) and DATA_DIR (state).
  for (const dir of [config.papersDir, config.dataDir]) {
    const removed = await removeLeftoverParts(dir);
    if (removed.length > 0) logger.info('leftover_temp_files_removed', { dir, files: removed });
  }

  // PDFs included; a snapshot under DATA_DIR means a restart re-reads only the papers that changed.
  const snapshotDir = join(config.dataDir, 'index');
  // Papers marked exempt are set aside anyway; these are the ones the council names.
  const exemptFiles = new Set(config.exemptPapers);
  // Each paper is read and parsed within these limits; one over them is not read again until it changes.
  const { paperLimits: limits } = config;
  const skipped = new SkippedPapers();
  // The answer engine's lookups are built before an index serves, so no user waits for them.
  const load = async (dir: string) => {
    const loaded = await loadPaperIndexAsync(dir, { snapshotDir, exemptFiles, limits, skipped });
    prepareAnswers(loaded.index);
    return loaded;
  };
  // A few changed papers change the serving index in place, off the request path (see withChanges).
  const parser = paperParser(limits);
  // Started now, so the first new paper does not wait for the reader to load.
  void parser.warm();
  const update = async (current: PaperIndex, dir: string, changed: ReadonlySet<string>) => {
    const updated = await updatePaperIndex(current, dir, changed, { exemptFiles, limits, skipped }, parser);
    await prepareAnswersSoon(updated.index);
    return updated;
  };
  const saveSnapshot = (changed: PaperIndex): void => saveChangedIndex(snapshotDir, changed);
  const started = Date.now();
  const { index, issues, fromSnapshot, reparsed, snapshotProblem } = await loadPaperIndexAsync(config.papersDir, {
    snapshotDir,
    exemptFiles,
    limits,
    skipped,
    ...(process.stderr.isTTY ? { onProgress: progressBar(process.stderr) } : {}),
  });
  logger.info('papers_indexed', { papersDir: config.papersDir, ...index.stats, issues: issues.length, fromSnapshot, reparsed: reparsed.length, ms: Date.now() - started });
  if (snapshotProblem) logger.warn('snapshot_problem', { problem: snapshotProblem });
  // An empty folder is served (papers may be on their way) but reported, and /healthz says not ready.
  if (index.stats.files === 0) logger.warn('no_papers', { papersDir: config.papersDir, hint: 'add the papers to this folder or set PAPERS_DIR; /healthz answers 503 until there are some' });
  for (const issue of issues) logger.warn('paper_issue', { ...issue });

  // The bot signs the links it sends with the same PaperLinks the server checks them with.
  const { paperView } = config;
  const links =
    paperView.access === 'signed'
      ? PaperLinks.signed(config.publicBaseUrl, paperView.secret, paperView.days)
      : paperView.access === 'off'
        ? PaperLinks.off()
        : PaperLinks.open(config.publicBaseUrl);
  if (paperView.access === 'signed' && paperView.secretGenerated) {
    logger.warn('paper_link_secret_generated', {
      hint: 'PAPER_LINK_SECRET is empty, so paper links are signed with a secret made at start: links sent before a restart, or by another instance, will be refused. Set PAPER_LINK_SECRET to keep them working',
    });
  }

  // The bot and server read the holder each turn; the watcher swaps a rebuilt index into it.
  const papers = new IndexHolder(index);
  const today = makeToday(config.asOfDate);
  const store = shared ? new StateAnnouncementStore(shared, logger) : new FileAnnouncementStore(config.dataDir, logger);
  const bot = new PanelBot({
    index: papers,
    today,
    links,
    conversations: shared ? new StateConversationStore(shared) : new FileConversationStore(config.dataDir),
    feedback: shared ? new StateFeedbackStore(shared) : new JsonLinesFeedbackStore(config.dataDir),
    logger,
    answers: new AnswerCache(config.answerCacheSize),
    commands: new AnnouncementCommands({ papers, store, announcers: config.announcers, today, links, logger, maxFollows: config.followsPerUser }),
  });
  const server = await startServer({ host: config.host, port: config.port, auth: config.auth, bot, index: papers, logger,
    paperLinks: links,
    // The paper view links each paper to where it was published, or to its file in the folder.
    papersDir: config.papersDir,
    today,
    publishedUrl: fetchedUrls(join(config.dataDir, 'moderngov-fetch.json')),
  });

  // Restarted from a snapshot, the bot serves at once: the answer engine's lookups are built between
  // the first requests (a question needing one first builds it), not before the port opens.
  void prepareAnswersSoon(index);

  // New and changed papers are indexed while running; new packs are announced, followers told.
  const announcements = await startAnnouncements({
    papersDir: config.papersDir,
    papers,
    store,
    adapter: server.adapter,
    appId: config.auth?.appId ?? '',
    today,
    links,
    logger,
    load,
    update,
    saveSnapshot,
  });

  // Papers published on the council's ModernGov site land in the folder the watcher re-indexes.
  if (config.fetching) {
    startPaperFetching({
      baseUrl: config.fetching.url,
      committees: config.fetching.committees,
      intervalMinutes: config.fetching.intervalMinutes,
      client: { ratePerSecond: config.fetching.ratePerSecond },
      papersDir: config.papersDir,
      stateFile: join(config.dataDir, 'moderngov-fetch.json'),
      today,
      logger,
    });
  }

  // A service manager stops the bot with SIGTERM (systemd, Docker, Kubernetes): finish the requests
  // in flight, stop watching and announcing, then exit 0. A second signal exits at once.
  const shutdown = (signal: NodeJS.Signals): void => {
    logger.info('shutting_down', { signal });
    process.once(signal, () => process.exit(1));
    const forced = setTimeout(() => process.exit(1), 10_000);
    forced.unref();
    Promise.all([server.close(), announcements.stop()])
      .then(() => shared?.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('shutdown_failed', { error });
        process.exit(1);
      });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);

  logger.info('ready', {
    messages: `${server.url}/api/messages`,
    asOf: config.asOfDate ?? 'today (Europe/London)',
    auth: config.auth ? `app ${config.auth.appId} (${config.auth.appType})` : 'off: local mode, loopback only',
    announcers: config.announcers.length > 0 ? config.announcers.length : 'anyone (ANNOUNCERS empty)',
    paperView: paperView.access === 'signed' ? `signed links, ${paperView.days} days` : paperView.access,
    fetching: config.fetching ? `${config.fetching.url} every ${config.fetching.intervalMinutes} min` : 'off (MODERNGOV_URL empty)',
    state: shared ? 'PostgreSQL (DATABASE_URL), shared by every instance' : `files in ${config.dataDir} (one instance)`,
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    // One problem stays one line (what systemctl status shows); several are listed under a count.
    process.stderr.write(error.problems.length === 1 ? `panel-papers: ${error.message} (every setting: .env.example)\n` : `${error.message}\nSee .env.example for every setting.\n`);
  } else if (error instanceof PapersFolderError || error instanceof StateStoreError) {
    process.stderr.write(`panel-papers: ${error.message}\n`);
  } else {
    process.stderr.write(`panel-papers: failed to start\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
