/**
 * The Teams wire shape for an AI-labelled message with citations: ONE root entity per message.
 * Limits are Teams' own; the client drops a message that breaks them, so they are checked in tests.
 */
export const MAX_CITATIONS = 10;
export const MAX_CITATION_NAME_CHARS = 80;
export const MAX_CITATION_ABSTRACT_CHARS = 160;
export const MAX_CITATION_KEYWORDS = 3;
export const MAX_CITATION_KEYWORD_CHARS = 28;
export const ADAPTIVE_CARD_FORMAT = 'application/vnd.microsoft.card.adaptive';

/** Icon Teams shows beside a citation. Council papers are published as PDFs. */
export type CitationIconName = 'PDF' | 'Text';

export interface ClientCitation {
  readonly '@type': 'Claim';
  /** Matches a `[n]` marker in the message text. */
  readonly position: number;
  readonly appearance: {
    readonly '@type': 'DigitalDocument';
    readonly name: string;
    readonly abstract: string;
    /** The cited lines in the paper view; absent when the view is off. */
    readonly url?: string;
    readonly keywords: readonly string[];
    readonly image: { readonly '@type': 'ImageObject'; readonly name: CitationIconName };
    /** A stringified Adaptive Card shown when the user opens the citation. */
    readonly text?: string;
    readonly encodingFormat?: typeof ADAPTIVE_CARD_FORMAT;
  };
}

export interface AiMessageEntity {
  readonly type: 'https://schema.org/Message';
  readonly '@type': 'Message';
  readonly '@context': 'https://schema.org';
  readonly '@id': '';
  /** Makes Teams show the "AI generated" label. */
  readonly additionalType: readonly ['AIGeneratedContent'];
  readonly citation?: readonly ClientCitation[];
}

/** Shortens to at most `max` characters, ending with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
