/**
 * Rounds of proactive sending that never overlap (two re-indexes must not post the same card twice),
 * with a retry later when a round had failures, and a stop that ends both.
 */
export class SerialRounds {
  private queue: Promise<unknown> = Promise.resolve();
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Runs `round` after the one before it, whether that one succeeded or failed. */
  run<T>(round: () => Promise<T>): Promise<T> {
    const next = this.queue.catch(() => undefined).then(round);
    this.queue = next;
    return next;
  }

  /** Runs `again` after `ms`, replacing any retry already waiting; nothing once stopped. */
  retryLater(again: () => Promise<unknown>, ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void again(), ms);
    // A pending retry must not keep the process alive.
    this.retryTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
  }
}
