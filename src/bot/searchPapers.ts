import { CardFactory, type MessagingExtensionAttachment, type MessagingExtensionResult } from 'botbuilder';
import { answerQuestion } from '../answer';
import type { PaperIndex } from '../search';
import { citationCard } from './citationCard';
import { clip } from './clientCitation';
import { formatShortDate } from './formatDate';
import { quoteUserText } from './quoteUserText';
import { resolutionCard } from './resolutionCard';
import { toQuestion } from './toQuestion';

/** A compose-box result list longer than this scrolls off the panel. */
export const MAX_SEARCH_RESULTS = 10;

/**
 * The search message extension: matching resolutions and cited papers as cards the user can post
 * into the chat. Uses the answer engine so search and chat agree on what is relevant.
 */
export function searchPapers(index: PaperIndex, text: string, asOf: string, baseUrl: string): MessagingExtensionResult {
  const inbound = toQuestion({ text }, asOf);
  if (inbound.kind !== 'question') {
    return { type: 'message', text: inbound.kind === 'refused' && inbound.reason !== 'empty' ? inbound.reply : 'Type a topic to search the papers, e.g. exclusions.' };
  }
  const answer = answerQuestion(index, inbound.question);
  const attachments: MessagingExtensionAttachment[] = [];
  for (const resolution of answer.resolutions ?? []) {
    attachments.push({
      ...CardFactory.adaptiveCard(resolutionCard(resolution, baseUrl)),
      preview: CardFactory.thumbnailCard(clip(`Resolved: ${resolution.itemTitle}`, 80), clip(`${formatShortDate(resolution.meetingDate)} · ${resolution.text}`, 160)),
    });
  }
  const seen = new Set<string>();
  for (const citation of answer.citations) {
    const key = `${citation.file}:${citation.lineStart}-${citation.lineEnd}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const passage = index.lines(citation.file)?.slice(citation.lineStart - 1, citation.lineEnd).join('\n') ?? citation.quote;
    attachments.push({
      ...CardFactory.adaptiveCard(citationCard(citation, passage, baseUrl)),
      preview: CardFactory.thumbnailCard(clip(citation.title, 80), clip(citation.quote, 160)),
    });
  }
  if (attachments.length === 0) return { type: 'message', text: `Nothing in the papers matches "${quoteUserText(text)}".` };
  return { type: 'result', attachmentLayout: 'list', attachments: attachments.slice(0, MAX_SEARCH_RESULTS) };
}
