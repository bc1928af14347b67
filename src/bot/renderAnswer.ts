import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Answer, Citation, RecordedVote, Resolution } from '../model';
import type { AdaptiveCard } from './adaptiveCard';
import { citationCard } from './citationCard';
import {
  ADAPTIVE_CARD_FORMAT,
  clip,
  MAX_CITATION_ABSTRACT_CHARS,
  MAX_CITATION_KEYWORD_CHARS,
  MAX_CITATION_KEYWORDS,
  MAX_CITATION_NAME_CHARS,
  MAX_CITATIONS,
  type AiMessageEntity,
  type ClientCitation,
} from './clientCitation';
import { formatShortDate } from './formatDate';
import { meetingDetailsCard } from './meetingCard';
import type { PaperLinks } from './paperLink';
import { voteCard } from './voteCard';

/** Teams shows the first three suggested actions only. */
export const MAX_SUGGESTED_ACTIONS = 3;
/** A resolution answer can name many decisions; vote tables beyond this crowd the chat. */
const MAX_VOTE_CARDS = 3;

export interface RenderOptions {
  /** Links to the paper view (/papers), signed when the server asks for signatures. */
  readonly links: PaperLinks;
  /** The full cited passage for the citation's card; falls back to the citation's quote. */
  readonly passageOf?: (citation: Citation) => string | undefined;
  /** Who may see the suggested actions (Teams wants the user's id). */
  readonly userId?: string;
  /** A resolution's recorded votes, for the vote table; none known when absent. */
  readonly votesOf?: (resolution: Resolution) => readonly RecordedVote[];
}

/**
 * Maps an Answer to ONE Teams message: markdown with [n] markers, one root entity with the
 * "AI generated" label and the citations, feedback buttons, follow-ups, and a card only where it
 * shows what the text cannot (a meeting's details and agenda, a vote table), never the text again.
 */
export function renderAnswer(answer: Answer, options: RenderOptions): Partial<Activity> {
  const citations = toClientCitations(answer, options);
  const entity: AiMessageEntity = {
    type: 'https://schema.org/Message',
    '@type': 'Message',
    '@context': 'https://schema.org',
    '@id': '',
    additionalType: ['AIGeneratedContent'],
    ...(citations.length > 0 ? { citation: citations } : {}),
  };
  const attachments = toCards(answer, options).map((card) => CardFactory.adaptiveCard(card));
  const actions = toSuggestedActions(answer.followUps);
  return {
    type: 'message',
    text: answer.text,
    textFormat: 'markdown',
    // botbuilder's Entity type only declares `type`; the rest is carried as extra properties.
    entities: [entity as unknown as NonNullable<Activity['entities']>[number]],
    channelData: { feedbackLoop: { type: 'default' } },
    ...(attachments.length > 0 ? { attachments: attachments satisfies Attachment[] } : {}),
    ...(actions.length > 0 ? { suggestedActions: { actions, to: options.userId ? [options.userId] : [] } } : {}),
  };
}

/** Only citations whose [n] marker appears in the text: Teams rejects a position it cannot find. */
export function toClientCitations(answer: Answer, options: RenderOptions): ClientCitation[] {
  const result: ClientCitation[] = [];
  answer.citations.forEach((citation, i) => {
    const position = i + 1;
    if (position > MAX_CITATIONS || !answer.text.includes(`[${position}]`)) return;
    const passage = options.passageOf?.(citation) ?? citation.quote;
    const url = options.links.to(citation.file, citation.lineStart, citation.lineEnd);
    result.push({
      '@type': 'Claim',
      position,
      appearance: {
        '@type': 'DigitalDocument',
        name: clip(citation.title, MAX_CITATION_NAME_CHARS),
        abstract: clip(citation.quote, MAX_CITATION_ABSTRACT_CHARS),
        ...(url === null ? {} : { url }),
        keywords: toKeywords(citation),
        image: { '@type': 'ImageObject', name: 'PDF' },
        text: JSON.stringify(citationCard(citation, passage, options.links)),
        encodingFormat: ADAPTIVE_CARD_FORMAT,
      },
    });
  });
  return result;
}

function toKeywords(citation: Citation): string[] {
  const keywords = [
    citation.meetingDate ? formatShortDate(citation.meetingDate) : null,
    citation.page === null ? null : `Page ${citation.page}`,
    `Lines ${citation.lineStart}-${citation.lineEnd}`,
  ];
  return keywords
    .filter((k): k is string => k !== null)
    .map((k) => clip(k, MAX_CITATION_KEYWORD_CHARS))
    .slice(0, MAX_CITATION_KEYWORDS);
}

function toCards(answer: Answer, options: RenderOptions): AdaptiveCard[] {
  const meetingKinds: readonly Answer['kind'][] = ['next_meeting', 'last_meeting', 'agenda', 'meeting_info'];
  if (answer.meeting && meetingKinds.includes(answer.kind)) {
    const card = meetingDetailsCard(answer.meeting, answer.agendaItems ?? [], options.links, answer.text);
    return card ? [card] : [];
  }
  // The text quotes the decision verbatim; a card repeating it arrived as a second message.
  const votesOf = options.votesOf;
  if (answer.kind === 'resolution' && answer.resolutions && votesOf) {
    return answer.resolutions
      .map((r) => ({ r, votes: votesOf(r) }))
      .filter(({ votes }) => votes.length > 0)
      .slice(0, MAX_VOTE_CARDS)
      .map(({ r, votes }) => voteCard(r, votes, options.links));
  }
  return [];
}

function toSuggestedActions(followUps: readonly string[]): CardAction[] {
  return followUps.slice(0, MAX_SUGGESTED_ACTIONS).map((q) => ({ type: 'imBack', title: clip(q, 60), value: q }));
}
