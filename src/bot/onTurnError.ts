import type { TurnContext } from 'botbuilder';
import { StateUnavailableError } from '../state';
import type { Logger } from './logger';

/** What the user is told when the bot's own records (subscriptions, follows) cannot be reached. */
export const STATE_UNAVAILABLE_REPLY = "Sorry, the bot's records are unavailable just now. Please try again shortly.";

/** The one place unexpected errors end up: log all of it, tell the user politely, never rethrow. */
export function createOnTurnError(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    logger.error('turn_failed', {
      conversationId: context.activity.conversation?.id,
      activityType: context.activity.type,
      activityName: context.activity.name,
      error,
    });
    // Invokes expect an invoke response, not a chat message.
    if (context.activity.type !== 'message') return;
    try {
      await context.sendActivity(causedBy(error, StateUnavailableError) ? STATE_UNAVAILABLE_REPLY : 'Sorry, something went wrong while answering that. Please try again in a moment.');
    } catch (sendError) {
      logger.error('turn_error_reply_failed', { conversationId: context.activity.conversation?.id, error: sendError });
    }
  };
}

/** Whether `error`, or an error it wraps (`cause`), is a `kind`. */
function causedBy(error: unknown, kind: abstract new (...args: never[]) => Error): boolean {
  let e: unknown = error;
  for (let depth = 0; e instanceof Error && depth < 10; depth += 1) {
    if (e instanceof kind) return true;
    e = (e as Error).cause;
  }
  return false;
}
