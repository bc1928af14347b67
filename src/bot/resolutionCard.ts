import type { Resolution } from '../model';
import { adaptiveCard, facts, heading, openUrlIfAny, paragraph, type AdaptiveCard } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import type { PaperLinks } from './paperLink';

/** The resolution exactly as minuted, with its meeting, minute item and a link to the minutes. */
export function resolutionCard(resolution: Resolution, links: PaperLinks): AdaptiveCard {
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
    openUrlIfAny('Open the minutes', links.to(source.file, source.lineStart, source.lineEnd)),
  );
}
