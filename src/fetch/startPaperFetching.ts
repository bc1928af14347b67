import { SerialRounds } from '../schedule/SerialRounds';
import { fetchModernGovPapers, type FetchLogger, type FetchPapersOptions, type FetchSummary } from './fetchModernGovPapers';

export interface PaperFetchingOptions extends Omit<FetchPapersOptions, 'since' | 'until' | 'today' | 'onProgress'> {
  readonly intervalMinutes: number;
  readonly logger: FetchLogger & { error(event: string, fields?: Readonly<Record<string, unknown>>): void };
  /** "Today" (YYYY-MM-DD), asked afresh each round. */
  readonly today: () => string;
  /** Days before today whose meetings each round looks at (their minutes come weeks later). */
  readonly daysBack?: number;
  /** Days after today: agendas are published about a week ahead, forward plans further. */
  readonly daysAhead?: number;
}

export interface RunningPaperFetching {
  /** Resolves with the first round's summary (it starts at once). */
  readonly firstRound: Promise<FetchSummary | null>;
  /** Runs a round now, after any round under way; the schedule carries on from its end. */
  runNow(): Promise<FetchSummary | null>;
  /** No more rounds; waits for one under way to finish. */
  stop(): Promise<void>;
}

const DEFAULT_DAYS_BACK = 365;
const DEFAULT_DAYS_AHEAD = 180;

/**
 * Fetches papers every `intervalMinutes`: a round starts only when the one before has ended (the
 * next is timed from its end), so two rounds never write the same file at once. New files land in
 * the papers folder, where the folder watcher re-indexes them and announcements follow.
 */
export function startPaperFetching(options: PaperFetchingOptions): RunningPaperFetching {
  const { logger, intervalMinutes } = options;
  const rounds = new SerialRounds();
  const oneRound = async (): Promise<FetchSummary | null> => {
    if (rounds.isStopped) return null;
    const today = options.today();
    const started = Date.now();
    try {
      const summary = await fetchModernGovPapers({
        ...options,
        today,
        since: shiftDays(today, -(options.daysBack ?? DEFAULT_DAYS_BACK)),
        until: shiftDays(today, options.daysAhead ?? DEFAULT_DAYS_AHEAD),
      });
      logger.info('papers_fetch_round', {
        url: options.baseUrl,
        meetings: summary.meetings.length,
        downloaded: summary.downloaded.length,
        unchanged: summary.unchanged.length,
        failed: summary.failed.length,
        requests: summary.requests,
        notes: summary.notes,
        refused: summary.refused,
        ms: Date.now() - started,
      });
      return summary;
    } catch (error) {
      // A round that could not run at all (state unreadable, folder missing) is retried next time.
      logger.error('papers_fetch_round_failed', { url: options.baseUrl, error });
      return null;
    }
  };
  let latest: Promise<FetchSummary | null> = Promise.resolve(null);
  const scheduled = (): Promise<FetchSummary | null> => {
    latest = rounds.run(oneRound).finally(() => rounds.retryLater(scheduled, intervalMinutes * 60_000));
    return latest;
  };
  const firstRound = scheduled();
  return {
    firstRound,
    runNow: scheduled,
    async stop() {
      rounds.stop();
      await latest.catch(() => undefined);
    },
  };
}

function shiftDays(isoDate: string, days: number): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}
