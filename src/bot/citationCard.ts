import type { Citation } from '../model';
import { adaptiveCard, facts, heading, openUrlIfAny, paragraph, type AdaptiveCard } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import type { PaperLinks } from './paperLink';

/** Caps one passage so ten citations stay well under Teams' ~100 KB message limit. */
export const MAX_PASSAGE_CHARS = 2_500;

/** What the user sees on opening a citation: the full cited passage and a link to the paper. */
export function citationCard(citation: Citation, passage: string, links: PaperLinks): AdaptiveCard {
  const text = passage.length > MAX_PASSAGE_CHARS ? `${passage.slice(0, MAX_PASSAGE_CHARS)}…` : passage;
  return adaptiveCard(
    [
      heading(citation.title),
      facts([
        ['Meeting', citation.meetingDate ? formatLongDate(citation.meetingDate) : null],
        ['Page', citation.page === null ? null : String(citation.page)],
        ['Lines', `${citation.lineStart}-${citation.lineEnd} of ${citation.file}`],
      ]),
      // Markdown in the papers (e.g. "**Resolved:**") is kept: TextBlock renders the same subset.
      paragraph(text, { fontType: 'Default', separator: true }),
    ],
    openUrlIfAny('Open the paper', links.to(citation.file, citation.lineStart, citation.lineEnd)),
  );
}
