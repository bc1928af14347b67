import { TurnContext, type Activity } from 'botbuilder';
import type { Question } from '../model';

/** Longer questions are refused: search time grows with query size (seconds for 10 KB). */
export const MAX_QUESTION_CHARS = 500;
/** Each distinct term is a separate index lookup, so cap them as well as the length. */
export const MAX_QUESTION_TERMS = 40;

export type Inbound =
  | { readonly kind: 'question'; readonly question: Question }
  | { readonly kind: 'help' }
  | { readonly kind: 'refused'; readonly reason: 'empty' | 'too_long' | 'too_many_terms'; readonly reply: string };

const HELP_WORDS: ReadonlySet<string> = new Set(['help', '?', 'what can you do', 'what can you do?']);

/**
 * Turns a message into a question for the answer engine, or says why not.
 * In channels and group chats Teams puts `<at>Bot</at>` in the text: strip it first.
 */
export function toQuestion(activity: Partial<Activity>, asOf: string): Inbound {
  const text = messageText(activity);
  if (text === '') {
    return { kind: 'refused', reason: 'empty', reply: 'Please type a question about the panel, for example "When is the next meeting?".' };
  }
  if (HELP_WORDS.has(text.toLowerCase())) return { kind: 'help' };
  if (text.length > MAX_QUESTION_CHARS) {
    return {
      kind: 'refused',
      reason: 'too_long',
      reply: `Sorry, that question is too long for me (${text.length} characters). Please ask in ${MAX_QUESTION_CHARS} characters or fewer.`,
    };
  }
  if (countDistinctTerms(text) > MAX_QUESTION_TERMS) {
    return {
      kind: 'refused',
      reason: 'too_many_terms',
      reply: `Sorry, that question has too many different words for me to search. Please ask about one thing in fewer than ${MAX_QUESTION_TERMS} words.`,
    };
  }
  return { kind: 'question', question: { text, asOf } };
}

/** The message's words without the bot's own mention, with Teams' markup and spacing cleaned. */
export function messageText(activity: Partial<Activity>): string {
  // botbuilder's removeRecipientMention calls text.replace: a message may come with no text (a card submit).
  const withoutMention = activity.recipient && typeof activity.text === 'string' ? TurnContext.removeRecipientMention(activity) : activity.text;
  return normaliseText(withoutMention ?? '');
}

// Teams sends HTML-ish text: other people's <at> mentions (keep the name), &nbsp; and runs of whitespace.
function normaliseText(text: string): string {
  return text
    .replace(/<at>([^<]*)<\/at>/giu, '$1')
    .replace(/&nbsp;/giu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

export function countDistinctTerms(text: string): number {
  return new Set(text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((term) => term !== '')).size;
}
