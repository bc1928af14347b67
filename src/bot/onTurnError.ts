import type { TurnContext } from 'botbuilder';
import type { Logger } from './logger';

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
      await context.sendActivity('Sorry, something went wrong while answering that. Please try again in a moment.');
    } catch (sendError) {
      logger.error('turn_error_reply_failed', { conversationId: context.activity.conversation?.id, error: sendError });
    }
  };
}
