import type { Activity } from 'botbuilder';
import { quoteUserText } from '../bot/quoteUserText';
import { toClientCitations } from '../bot/renderAnswer';
import { MAX_TOPIC_CHARS } from './parseCommand';
import type { TopicMatch } from './matchTopic';

/** A follow message is a nudge, not a report: the rest is one click away in the paper. */
const MAX_LISTED_MATCHES = 5;

export interface TopicMatches {
  readonly topic: string;
  readonly matches: readonly TopicMatch[];
}

/**
 * One short message for one new paper: what matched each followed topic, each line with a [n]
 * citation. Citations ride on a schema.org Message entity without the "AI generated" label:
 * this text is assembled from the papers, not generated.
 */
export function followMessage(paperTitle: string, found: readonly TopicMatches[], baseUrl: string): Partial<Activity> {
  const listed = found.flatMap(({ topic, matches }) => matches.slice(0, MAX_LISTED_MATCHES).map((match) => ({ topic, match })));
  // The topic is what the follower typed: escaped, so it cannot become a link or markup here.
  const lines = listed.map(({ topic, match }, i) => `- **${quoteUserText(topic, MAX_TOPIC_CHARS)}**: ${match.label} [${i + 1}]`);
  const total = found.reduce((n, f) => n + f.matches.length, 0);
  const more = total > listed.length ? `\n\n…and ${total - listed.length} more in the paper.` : '';
  const text = `New paper on a topic you follow: **${paperTitle}**\n\n${lines.join('\n')}${more}`;
  const citations = toClientCitations({ kind: 'fact', text, citations: listed.map((l) => l.match.citation), followUps: [] }, { baseUrl });
  const entity = { type: 'https://schema.org/Message', '@type': 'Message', '@context': 'https://schema.org', '@id': '', citation: citations };
  return {
    type: 'message',
    text,
    textFormat: 'markdown',
    // botbuilder's Entity type only declares `type`; the rest is carried as extra properties.
    entities: [entity as unknown as NonNullable<Activity['entities']>[number]],
  };
}
