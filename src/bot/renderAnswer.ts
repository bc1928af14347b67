import { CardFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import type { Answer, Citation } from '../model';
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
import { meetingCard } from './meetingCard';
import type { PaperLinks } from './paperLink';
import { resolutionCard } from './resolutionCard';

/** Teams shows the first three suggested actions only. */
export const MAX_SUGGESTED_ACTIONS = 3;
/** A resolution answer can name many decisions; cards beyond this crowd the chat. */
const MAX_RESOLUTION_CARDS = 3;

export interface RenderOptions {
  /** Links to the paper view (/papers), signed when the server asks for signatures. */
  readonly links: PaperLinks;
  /** The full cited passage for the citation's card; falls back to the citation's quote. */
  readonly passageOf?: (citation: Citation) => string | undefined;
  /** Who may see the suggested actions (Teams wants the user's id). */
  readonly userId?: string;
}

/**
 * Maps an Answer to a Teams message: markdown with [n] markers, ONE root entity with the
 * "AI generated" label and the citations, feedback buttons, follow-ups and cards.
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
  const attachments = toCards(answer, options.links).map((card) => CardFactory.adaptiveCard(card));
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

function toCards(answer: Answer, links: PaperLinks): AdaptiveCard[] {
  const meetingKinds: readonly Answer['kind'][] = ['next_meeting', 'last_meeting', 'agenda', 'meeting_info'];
  if (answer.meeting && meetingKinds.includes(answer.kind)) {
    return [meetingCard(answer.meeting, answer.agendaItems ?? [], links)];
  }
  if (answer.kind === 'resolution' && answer.resolutions) {
    return answer.resolutions.slice(0, MAX_RESOLUTION_CARDS).map((r) => resolutionCard(r, links));
  }
  return [];
}

function toSuggestedActions(followUps: readonly string[]): CardAction[] {
  return followUps.slice(0, MAX_SUGGESTED_ACTIONS).map((q) => ({ type: 'imBack', title: clip(q, 60), value: q }));
}
