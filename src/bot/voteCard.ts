import type { RecordedVote, Resolution } from '../model';
import { adaptiveCard, facts, heading, openUrlIfAny, type AdaptiveCard, type CardElement } from './adaptiveCard';
import { formatLongDate } from './formatDate';
import type { PaperLinks } from './paperLink';

const cell = (text: string, bold = false): CardElement => ({ type: 'TableCell', items: [{ type: 'TextBlock', text, wrap: true, ...(bold ? { weight: 'Bolder' } : {}) }] });
const count = (n: number | null): string => (n === null ? '–' : String(n));

/**
 * A decision's recorded votes as a table (motion, for, against, abstain, outcome): what the answer's
 * text, which quotes the decision itself, cannot lay out. The decision's words are not repeated here.
 */
export function voteCard(resolution: Resolution, votes: readonly RecordedVote[], links: PaperLinks): AdaptiveCard {
  const { source } = resolution;
  const rows: CardElement[] = votes.map((v) => ({
    type: 'TableRow',
    cells: [cell(v.motion ?? (v.unanimous ? 'Unanimous' : '–')), cell(count(v.for)), cell(count(v.against)), cell(count(v.abstain)), cell(v.outcome ?? '–')],
  }));
  return adaptiveCard(
    [
      heading(`Recorded vote: ${[resolution.itemNumber, resolution.itemTitle].filter(Boolean).join(' ')}`),
      facts([['Meeting', formatLongDate(resolution.meetingDate)]]),
      {
        type: 'Table',
        firstRowAsHeader: true,
        gridStyle: 'accent',
        columns: [{ width: 3 }, { width: 1 }, { width: 1 }, { width: 1 }, { width: 2 }],
        rows: [{ type: 'TableRow', cells: ['Motion', 'For', 'Against', 'Abstain', 'Outcome'].map((h) => cell(h, true)) }, ...rows],
      },
    ],
    openUrlIfAny('Open the minutes', links.to(source.file, source.lineStart, source.lineEnd)),
  );
}
