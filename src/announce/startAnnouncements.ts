import type { CloudAdapter } from 'botbuilder';
import type { Logger } from '../bot/logger';
import type { PaperLinks } from '../bot/paperLink';
import { PapersWatcher, type IndexHolder, type PapersWatcherOptions } from '../watch';
import type { AnnouncementStore } from './AnnouncementStore';
import { Announcer } from './Announcer';
import { FollowNotifier } from './FollowNotifier';
import { ProactiveMessenger, type ProactiveMessengerOptions } from './ProactiveMessenger';

export interface AnnouncementsOptions {
  readonly papersDir: string;
  readonly papers: IndexHolder;
  readonly store: AnnouncementStore;
  readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  /** MicrosoftAppId; empty in local mode. */
  readonly appId: string;
  readonly today: () => string;
  readonly links: PaperLinks;
  readonly logger: Logger;
  /** Timings (tests shorten them). */
  readonly watch?: Pick<PapersWatcherOptions, 'debounceMs' | 'settleMs' | 'rescanMs' | 'maxWaitMs' | 'now'>;
  /** How the folder is re-indexed after a change (index.ts passes the PDF- and snapshot-aware loader). */
  readonly load?: PapersWatcherOptions['load'];
  /** How the index is changed for a few changed papers instead (index.ts: updatePaperIndex), and its snapshot saved. */
  readonly update?: PapersWatcherOptions['update'];
  readonly saveSnapshot?: PapersWatcherOptions['saveSnapshot'];
  readonly send?: Pick<ProactiveMessengerOptions, 'attempts' | 'backoffMs'>;
  readonly retryAfterMs?: number;
}

export interface RunningAnnouncements {
  readonly watcher: PapersWatcher;
  readonly announcer: Announcer;
  readonly follows: FollowNotifier;
  /** Resolves when the start-up catch-up round (announce and follow) has finished. */
  readonly caughtUp: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Watches the papers folder and, after each re-index, announces new packs and tells followers.
 * Runs after the server is up (proactive sends need its adapter).
 */
export async function startAnnouncements(options: AnnouncementsOptions): Promise<RunningAnnouncements> {
  const { papers, store, logger, links, today } = options;
  const messenger = new ProactiveMessenger(options.adapter, { appId: options.appId, logger, ...options.send });
  const retry = options.retryAfterMs === undefined ? {} : { retryAfterMs: options.retryAfterMs };
  const announcer = new Announcer({ papers, store, messenger, today, links, logger, ...retry });
  const follows = new FollowNotifier({ papers, store, messenger, links, logger, ...retry });
  const afterIndex = async (): Promise<void> => {
    await announcer.reconcile();
    await follows.notify();
  };
  const watcher = new PapersWatcher({
    dir: options.papersDir,
    holder: papers,
    logger,
    onIndexed: [afterIndex],
    ...options.watch,
    ...(options.load ? { load: options.load } : {}),
    ...(options.update ? { update: options.update } : {}),
    ...(options.saveSnapshot ? { saveSnapshot: options.saveSnapshot } : {}),
  });
  // Catch up on packs and papers that arrived while the bot was stopped (stored records stop any
  // repeat). In the background: a slow or unreachable conversation must not hold up start-up.
  const caughtUp = afterIndex().catch((error: unknown) => logger.error('announcements_catch_up_failed', { error }));
  await watcher.start();
  return {
    watcher,
    announcer,
    follows,
    caughtUp,
    async stop() {
      announcer.stop();
      follows.stop();
      await watcher.stop();
      await caughtUp;
    },
  };
}
