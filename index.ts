import { createJsonLogger, FileConversationStore, JsonLinesFeedbackStore, PanelBot } from './src/bot';
import { ConfigError, loadConfig, makeToday } from './src/config';
import { loadPaperIndex } from './src/search';
import { startServer } from './src/server';

/** Composition root: config → paper index → bot → server. Nothing here but wiring. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createJsonLogger(config.logLevel);
  // Nothing may crash the process on input, but an unexpected failure must still be seen.
  process.on('unhandledRejection', (error) => logger.error('unhandled_rejection', { error }));

  const started = Date.now();
  const { index, issues } = loadPaperIndex(config.papersDir);
  logger.info('papers_indexed', { papersDir: config.papersDir, ...index.stats, issues: issues.length, ms: Date.now() - started });
  for (const issue of issues) logger.warn('paper_issue', { ...issue });

  const bot = new PanelBot({
    index,
    today: makeToday(config.asOfDate),
    baseUrl: config.publicBaseUrl,
    conversations: new FileConversationStore(config.dataDir),
    feedback: new JsonLinesFeedbackStore(config.dataDir),
    logger,
  });
  const server = await startServer({ host: config.host, port: config.port, auth: config.auth, bot, index, logger });
  logger.info('ready', {
    messages: `${server.url}/api/messages`,
    asOf: config.asOfDate ?? 'today (Europe/London)',
    auth: config.auth ? `app ${config.auth.appId} (${config.auth.appType})` : 'off: local mode, loopback only',
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
  } else {
    process.stderr.write(`panel-papers: failed to start\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
