import type { TurnContext } from 'botbuilder';

/**
 * Commands handled before a message is treated as a question (e.g. `subscribe`, `follow ...`).
 * Defined here so the bot does not depend on the features that implement it; index.ts wires them.
 */
export interface BotCommands {
  /** Handles the message if it is a command and returns true; false lets the bot answer it. */
  handle(context: TurnContext): Promise<boolean>;
}
