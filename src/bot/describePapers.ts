import type { ExampleQuestion } from '../answer';
import type { Meeting } from '../model';
import { EXAMPLE_QUESTIONS } from './examples';
import { formatLongDate } from './formatDate';

/** What the bot can say about its own coverage, worked out once from the corpus. */
export interface PapersSummary {
  /** The panel most of the papers are about. */
  readonly panel: string;
  readonly files: number;
  /** Meetings with published papers, first and last date. */
  readonly meetingsWithPapers: number;
  readonly firstMeeting: string | null;
  readonly lastMeeting: string | null;
}

export function summarisePapers(corpus: { readonly meetings: readonly Meeting[]; readonly documents: readonly unknown[] }): PapersSummary {
  const counts = new Map<string, number>();
  for (const meeting of corpus.meetings) counts.set(meeting.canonicalCommittee, (counts.get(meeting.canonicalCommittee) ?? 0) + 1);
  const panel = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'the scrutiny panel';
  const dates = corpus.meetings
    .filter((m) => m.hasPapers)
    .map((m) => m.date)
    .sort();
  return {
    panel,
    files: corpus.documents.length,
    meetingsWithPapers: dates.length,
    firstMeeting: dates[0] ?? null,
    lastMeeting: dates[dates.length - 1] ?? null,
  };
}

function coverage(summary: PapersSummary): string {
  if (!summary.firstMeeting || !summary.lastMeeting) return `I have ${summary.files} published papers of the ${summary.panel}.`;
  const span =
    summary.firstMeeting === summary.lastMeeting
      ? `the meeting on ${formatLongDate(summary.firstMeeting)}`
      : `${summary.meetingsWithPapers} meetings from ${formatLongDate(summary.firstMeeting)} to ${formatLongDate(summary.lastMeeting)}`;
  return `I answer from the published papers of the **${summary.panel}**: ${summary.files} papers covering ${span}.`;
}

const list = (examples: readonly ExampleQuestion[]): string => examples.map((q) => `- ${q.text}`).join('\n');

/** `examples`: from the papers served (examplesFor), else the manifest's. */
export function welcomeText(summary: PapersSummary, examples: readonly ExampleQuestion[] = EXAMPLE_QUESTIONS): string {
  return [
    `Hello! I'm Panel Papers. ${coverage(summary)}`,
    'Every answer cites the paper and lines it comes from. Try:',
    list(examples),
    'Type **help** at any time.',
  ].join('\n\n');
}

export function helpText(summary: PapersSummary, examples: readonly ExampleQuestion[] = EXAMPLE_QUESTIONS): string {
  return [
    coverage(summary),
    'Ask me about meetings (dates, venues, chairs), agendas, what was decided, reports and the work programme. For example:',
    list(examples),
    'Open a numbered citation to read the passage, or follow its link to the paper. In a channel, @mention me with your question. Use the thumbs up/down to tell us whether an answer helped.',
  ].join('\n\n');
}
