import { existsSync } from 'node:fs';
import path from 'node:path';
import { FileAnnouncementStore } from '../announce';
import { createJsonLogger, FileConversationStore, StateConversationStore } from '../bot';
import { ConfigError, loadConfig } from '../config';
import { FileStateStore, PostgresStateStore, StateStoreError, type StateStore } from '../state';

export const USAGE = `Usage: npm run import-state

Copies one instance's state from its DATA_DIR (announcements.json: subscriptions, follows, the
announcements sent; conversations.jsonl: conversation references) into the database DATABASE_URL
names, before a second instance is started. A record the database already has is kept as it is,
so running it twice copies nothing the second time. feedback.jsonl stays where it is.
`;

export interface ImportSummary {
  readonly copied: number;
  /** Already in the database, left as they were. */
  readonly kept: number;
}

/** Copies DATA_DIR's announcement records and conversation references into `to`, where absent. */
export async function importState(dataDir: string, to: StateStore): Promise<ImportSummary> {
  const counts = { copied: 0, kept: 0 };
  const copy = async (collection: string, key: string, value: unknown): Promise<void> => {
    const { before } = await to.update(collection, key, (current) => current ?? value);
    counts[before === undefined ? 'copied' : 'kept'] += 1;
  };
  const announcements = path.join(dataDir, FileAnnouncementStore.FILE_NAME);
  if (existsSync(announcements)) {
    // Errors, such as a corrupt file being set aside, go to stderr.
    const file = new FileStateStore(announcements, createJsonLogger('error', (line) => process.stderr.write(`${line}\n`)));
    for (const collection of await file.collections()) {
      for (const [key, value] of await file.list(collection)) await copy(collection, key, value);
    }
  }
  for (const reference of await new FileConversationStore(dataDir).list()) {
    if (reference.conversation?.id) await copy(StateConversationStore.COLLECTION, reference.conversation.id, reference);
  }
  return counts;
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (argv.length > 0) {
    process.stderr.write(`import-state: unknown option ${argv[0]}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  if (!config.databaseUrl) {
    process.stderr.write(`import-state: DATABASE_URL is empty: set it to the database the instances will share\n\n${USAGE}`);
    return 2;
  }
  const database = await PostgresStateStore.open(config.databaseUrl);
  try {
    const { copied, kept } = await importState(config.dataDir, database);
    process.stdout.write(`Copied ${copied} record(s) from ${config.dataDir}; ${kept} already in the database were kept as they were.\n`);
    return 0;
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      const known = error instanceof ConfigError || error instanceof StateStoreError;
      process.stderr.write(known ? `${error.message}\n` : `import-state: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    },
  );
}
