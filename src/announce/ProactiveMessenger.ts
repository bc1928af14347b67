import type { Activity, CloudAdapter } from 'botbuilder';
import type { Logger } from '../bot/logger';
import type { Reference } from './AnnouncementStore';
import type { Messenger } from './Messenger';

export interface ProactiveMessengerOptions {
  /** MicrosoftAppId; empty in local mode. */
  readonly appId: string;
  readonly logger: Logger;
  /** Tries per message, including the first. */
  readonly attempts?: number;
  /** Wait before the second try; doubled for each try after it. */
  readonly backoffMs?: number;
}

/**
 * Proactive messages through `adapter.continueConversationAsync`, the SDK's supported path.
 * Each send is retried with exponential backoff; the last error is thrown, so a caller never
 * records as sent what was not.
 */
export class ProactiveMessenger implements Messenger {
  private readonly attempts: number;
  private readonly backoffMs: number;

  constructor(
    private readonly adapter: Pick<CloudAdapter, 'continueConversationAsync'>,
    private readonly options: ProactiveMessengerOptions,
  ) {
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 1_000;
  }

  post(reference: Reference, activity: Partial<Activity>): Promise<string> {
    return this.withRetry('post', reference, async () => {
      let id: string | undefined;
      await this.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
        // The continuation turn carries a made-up activity id, and botbuilder would send the card
        // as a reply to it; an announcement is a new post of its own.
        context.onSendActivities(async (_context, activities, next) => {
          for (const outgoing of activities) delete outgoing.replyToId;
          return next();
        });
        id = (await context.sendActivity(activity))?.id;
      });
      // Without an id the card could never be updated in place; treat it as not sent.
      if (!id) throw new Error('announce: the connector accepted the message but returned no id');
      return id;
    });
  }

  update(reference: Reference, activityId: string, activity: Partial<Activity>): Promise<void> {
    return this.withRetry('update', reference, async () => {
      await this.adapter.continueConversationAsync(this.options.appId, reference, async (context) => {
        await context.updateActivity({ ...activity, id: activityId });
      });
    });
  }

  private async withRetry<T>(action: 'post' | 'update', reference: Reference, send: () => Promise<T>): Promise<T> {
    let lastError: unknown;
    for (let attempt = 1; attempt <= this.attempts; attempt++) {
      try {
        return await send();
      } catch (error) {
        lastError = error;
        const retryInMs = attempt < this.attempts ? this.backoffMs * 2 ** (attempt - 1) : null;
        this.options.logger.warn('proactive_send_failed', { action, conversationId: reference.conversation?.id, attempt, retryInMs, error });
        if (retryInMs !== null) await new Promise((resolve) => setTimeout(resolve, retryInMs));
      }
    }
    throw lastError;
  }
}
