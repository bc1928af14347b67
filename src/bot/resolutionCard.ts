import type { Resolution } from '../model';
import { adaptiveCard, facts, heading, openUrl, paragraph, type AdaptiveCard } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import { paperLink } from './paperLink';

/** The resolution exactly as minuted, with its meeting, minute item and a link to the minutes. */
export function resolutionCard(resolution: Resolution, baseUrl: string): AdaptiveCard {
  const { source } = resolution;
  return adaptiveCard(
    [
      heading(`Resolved: ${resolution.itemTitle}`),
      facts([
        ['Meeting', formatLongDate(resolution.meetingDate)],
        ['Minute item', resolution.itemNumber],
        ['Page', source.page === null ? null : String(source.page)],
      ]),
      paragraph(resolution.text, { separator: true }),
    ],
    [openUrl('Open the minutes', paperLink(baseUrl, source.file, source.lineStart, source.lineEnd))],
  );
}
