import type { Answer, IsoDate } from '../../model';
import type { PaperIndex } from '../../search';
import { mainCommittee } from '../committees';
import { answerLookups } from '../answerLookups';
import { shortDate } from '../dateRefs';

/** A question a councillor can click: a short title and the question as typed. */
export interface ExampleQuestion {
  readonly title: string;
  readonly text: string;
  readonly description: string;
}

/**
 * What the papers served hold, for a welcome, help and their example questions: their committees,
 * the next meeting after the day asked, the latest decision. Worked out from the papers, so a
 * council's first click asks about its own business, never the sample panel's.
 */
export interface PapersGuide {
  /** The committees the papers are about, most records first. */
  readonly committees: readonly string[];
  readonly nextMeeting: { readonly committee: string; readonly date: IsoDate } | null;
  /** The newest decision's item title and meeting date. */
  readonly latestDecision: { readonly item: string; readonly date: IsoDate } | null;
  readonly examples: readonly ExampleQuestion[];
}

/** An example's text stays short enough to read on a button. */
const MAX_EXAMPLE_CHARS = 60;
/** A decision's item title used as a topic: its words up to this many. */
const TOPIC_WORDS = 6;

/** An item title as a topic: numbering and bracketed notes dropped, cut at a dash or colon. */
function topicOf(title: string): string {
  const plain = title
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/^[\s\d.:-]+/u, '')
    .split(/\s[-–:]\s|:\s/u)[0]!
    .trim();
  return plain.split(/\s+/u).slice(0, TOPIC_WORDS).join(' ');
}

export function papersGuide(index: PaperIndex, asOf: IsoDate): PapersGuide {
  const counts = new Map<string, number>();
  for (const m of index.corpus.meetings) counts.set(m.canonicalCommittee, (counts.get(m.canonicalCommittee) ?? 0) + m.records.length);
  const committees = [...counts].sort((a, b) => b[1] - a[1]).map(([name]) => name);
  const main = mainCommittee(index);
  const next = answerLookups(index).panelMeetings.find((m) => m.date > asOf && m.status !== 'cancelled');
  const latest = [...index.corpus.resolutions].filter((r) => r.meetingDate <= asOf && topicOf(r.itemTitle).length > 0).sort((a, b) => (a.meetingDate < b.meetingDate ? -1 : a.meetingDate > b.meetingDate ? 1 : 0)).pop();
  const examples: ExampleQuestion[] = [];
  const named = main ? ` of the ${main}` : '';
  if (next) examples.push({ title: 'Next meeting', text: 'When is the next meeting?', description: `Date, time and venue of the next meeting${named}` });
  else examples.push({ title: 'Last meeting', text: 'When was the last meeting?', description: `The latest meeting${named} in the papers and what it considered` });
  if (latest) {
    const topic = topicOf(latest.itemTitle);
    const text = `What was decided on ${topic}?`;
    if (text.length <= MAX_EXAMPLE_CHARS) examples.push({ title: topic.length <= 20 ? topic : 'A recent decision', text, description: `The decision of ${shortDate(latest.meetingDate)}, quoted from the minutes` });
  }
  examples.push({ title: 'Agenda', text: next ? 'What is on the next agenda?' : 'What was on the last agenda?', description: `The items${named} with their papers` });
  return {
    committees,
    nextMeeting: next ? { committee: next.canonicalCommittee, date: next.date } : null,
    latestDecision: latest ? { item: latest.itemTitle, date: latest.meetingDate } : null,
    examples,
  };
}

/**
 * The reply to a message that is not a question ("hi", "thanks"): a greeting, what the papers hold
 * and questions to try, never "not in the papers". No citations: it states no fact from a paper.
 */
export function greetingAnswer(index: PaperIndex, asOf: IsoDate, greeting: 'hello' | 'thanks'): Answer {
  const guide = papersGuide(index, asOf);
  const opening = greeting === 'thanks' ? "You're welcome." : 'Hello!';
  const about = guide.committees.length > 0 ? ` I answer from the papers of ${guide.committees.slice(0, 3).map((c) => `the ${c}`).join(', ')}.` : ' I answer from the published papers.';
  const next = guide.nextMeeting ? ` The next meeting in the papers is on ${shortDate(guide.nextMeeting.date)}.` : '';
  const tries = guide.examples.map((e) => `- ${e.text}`).join('\n');
  return { kind: 'greeting', text: `${opening}${about}${next} Ask me about meetings, agendas, decisions and what the reports say, for example:\n\n${tries}`, citations: [], followUps: guide.examples.map((e) => e.text) };
}
