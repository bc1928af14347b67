/** A topic is a few words ("exclusions", "youth justice"), not a question. */
export const MAX_TOPIC_CHARS = 60;
const MAX_TOPIC_WORDS = 5;

export type Command =
  | { readonly kind: 'subscribe' | 'unsubscribe' | 'subscriptions' | 'following' }
  | { readonly kind: 'follow' | 'unfollow'; readonly topic: string }
  | { readonly kind: 'announce'; readonly target: 'next' | string }
  | { readonly kind: 'invalid'; readonly reply: string };

/** Recognises the announcement and follow commands; anything else (null) is a question. */
export function parseCommand(text: string): Command | null {
  const t = text.trim().replace(/[.!]+$/u, '');
  const lower = t.toLowerCase();
  if (lower === 'subscribe' || lower === 'unsubscribe' || lower === 'subscriptions' || lower === 'following') return { kind: lower };
  const topicCommand = /^(follow|unfollow)\s+(.+)$/iu.exec(t);
  if (topicCommand) {
    const kind = topicCommand[1]!.toLowerCase() as 'follow' | 'unfollow';
    const topic = topicCommand[2]!.replace(/^["'“‘]|["'”’]$/gu, '').trim().toLowerCase();
    // "follow up on the exclusions report" is a question, not a topic to follow.
    if (/^up\b/u.test(topic)) return null;
    if (topic === '' || topic.length > MAX_TOPIC_CHARS || topic.split(/\s+/u).length > MAX_TOPIC_WORDS) {
      return { kind: 'invalid', reply: `Please ${kind} a short topic of up to ${MAX_TOPIC_WORDS} words, for example \`${kind} exclusions\`.` };
    }
    return { kind, topic };
  }
  const announce = /^announce\s+(.+)$/iu.exec(t);
  if (announce) {
    const target = announce[1]!.trim();
    return { kind: 'announce', target: /^(the\s+)?next(\s+meeting)?$/iu.test(target) ? 'next' : target };
  }
  return null;
}
