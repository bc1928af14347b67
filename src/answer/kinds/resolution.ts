import type { Answer, Resolution } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { CitationList, citeLines, sentenceScore } from '../cite';
import { answerFromPassages } from '../compose/passages';
import type { PassageScope } from '../compose/passageSearch';
import { quoteResolution, scoreResolutions } from '../compose/resolutions';
import { textMatches } from '../compose/textBehind';
import { bestSentence, focusWords } from '../compose/sentences';
import { describeRow, scoreRows } from '../compose/workProgramme';
import { compareDates, inRef, shortDate } from '../dateRefs';
import { answerAgreedActions } from '../linkedItems';
import { topicMatch, type TopicMatch } from '../match';
import { firstSentence, itemOfResolution, openingPassage, votesBeside, voteWords, withoutHeading } from '../minutedDecision';
import { withoutCommitteeName } from '../namedCommittee';
import { notFound } from '../notFound';
import { phrase, TEXT_BEHIND } from '../questionGrammar';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';
import { answerMinutesApproval } from './resolutionDetails/minutesApproval';

/** Passages that record a decision (data/question-grammar.json `textBehind.decisionLine`). */
/** Tested once per passage (textMatches): the scope is asked of every passage a decision question's words match. */
const DECISION_LINES: PassageScope = { admits: (p) => textMatches(TEXT_BEHIND.decisionLine, p), minCoverage: 0, followOn: true, quotes: TEXT_BEHIND.decisionLine };

function answerResolution(index: PaperIndex, asked: Reading): Answer {
  const u = withoutCommitteeName(index, asked);
  const namedMeeting = u.dates.length > 0;
  const noTopic = u.typed.length === 0 || (namedMeeting && /^(?:everything|all)$/u.test(u.typed.join(' ')));
  if (namedMeeting) {
    const minuted = index.corpus.minutes.some((m) => u.dates.some((d) => inRef(m.meetingDate, d)));
    if (!minuted) {
      const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ');
      const titles = answerLookups(index).agendaTitles.match(u.topic, u.typed);
      const agenda = [...titles].filter(([, m]) => m.coverage >= 0.5).map(([id]) => index.corpus.agendaItems[id]!).filter((i) => u.dates.some((d) => inRef(i.meetingDate, d)));
      const onAgenda = agenda[0] ? ` "${agenda[0].title}" was on the ${shortDate(agenda[0].meetingDate)} agenda, but` : '';
      return notFound(index, `The papers have no minutes of the ${label} meeting, so no decision is recorded.${onAgenda ? `${onAgenda} its outcome is not in the papers.` : ''}`);
    }
  }
  const scored = scoreResolutions(index, u);
  const cites = new CitationList();
  if (noTopic && namedMeeting) {
    // Substantive decisions first; approvals of earlier minutes last.
    const every = scored.map((s) => s.record).sort((a, b) => Number(b.labelled) - Number(a.labelled) || Number(a.itemNumber) - Number(b.itemNumber));
    // "What else did they decide": the meeting's other decisions, not the one just given (unless it was the only one).
    const others = every.filter((r) => r.itemTitle !== u.besides);
    const all = others.length > 0 ? others : every;
    return { kind: 'resolution', text: all.map((r) => quoteResolution(index, r, cites)).join('\n\n'), citations: cites.items, resolutions: all, followUps: [] };
  }
  const best = scored[0];
  // One word of two or three is not enough to call a decision "on" the topic ("school appeals" is not
  // "school exclusions").
  const enough = u.typed.length <= 2 ? 1 : 0.5;
  // From passages, a decision is a line that records one: a passage that only names the topic is no decision.
  if (!best || best.score === 0 || best.coverage < enough) return nearestToDecision(index, u) ?? answerFromPassages(index, u, 'resolution', DECISION_LINES);
  const chosen = scored.filter((s) => s.score >= best.score * 0.75 && s.coverage >= enough).slice(0, 3).map((s) => s.record);
  // "Is it coming back?": a decision to come back is answered with the date the work programme gives.
  const comingBack = u.said.has('asksComingBack')
    ? scoreRows(index, u).filter((s) => s.coverage >= 0.5 && (s.record.meetingDate ?? '') > u.asOf).slice(0, 1)
    : [];
  const programmed = comingBack.map(({ record: r }) => `${describeRow(r)} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme - ${shortDate(r.meetingDate!)}`, r.meetingDate))}.`);
  return {
    kind: 'resolution',
    text: [...chosen.map((r) => `${quoteResolution(index, r, cites)}${recordedVotes(index, r, cites)}${opening(index, u, r, cites)}${discussion(index, u, r, cites)}`), ...programmed].join('\n\n'),
    citations: cites.items,
    resolutions: chosen,
    followUps: ['When is this coming back to the panel?', 'Who presented it?'],
  };
}

/**
 * No decision on the topic, but the topic was on an agenda whose minutes are not in the papers: that is
 * the honest answer ("it was on the 2 February 2022 agenda; no minutes of that meeting are in the papers").
 */
function nearestToDecision(index: PaperIndex, u: Reading): Answer | null {
  const look = answerLookups(index);
  const minuted = new Set(index.corpus.minutes.map((m) => m.meetingDate));
  // Only titles sharing a stem with the question can cover half of it; agenda items before rows, as listed.
  const covered = <T>(records: readonly T[], matches: ReadonlyMap<number, TopicMatch>): { record: T; coverage: number }[] =>
    [...matches].filter(([, m]) => m.coverage >= 0.5).map(([id, m]) => ({ record: records[id]!, coverage: m.coverage }));
  const candidates = [
    ...covered(index.corpus.agendaItems, look.agendaTitles.match(u.topic, u.typed)).map(({ record: i, coverage }) => ({ title: i.title, date: i.meetingDate, coverage, where: () => `on the ${shortDate(i.meetingDate)} agenda (item ${i.number})` })),
    ...covered(index.corpus.workProgramme, look.rowItems.match(u.topic, u.typed)).flatMap(({ record: r, coverage }) => {
      const date = r.meetingDate;
      return date ? [{ title: r.item, date, coverage, where: () => `programmed for ${shortDate(date)} in a work programme` }] : [];
    }),
  ]
    .filter((c) => !minuted.has(c.date))
    .sort((a, b) => b.coverage - a.coverage || compareDates(b.date, a.date));
  const nearest = candidates[0];
  if (!nearest) return null;
  return notFound(index, `The papers record no decision on that. "${nearest.title}" was ${nearest.where()}; no minutes of that meeting are in the papers.`);
}

/** Votes of one item listed in an answer; a long debate with many amendments says the rest in the minutes. */
const MAX_VOTES = 6;

function minuteTitle(r: Resolution, what = ''): string {
  return `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}${what}`;
}

/** How the decision was voted on, in the minutes' words, where the minutes record it apart from the decision. */
function recordedVotes(index: PaperIndex, r: Resolution, cites: CitationList): string {
  const found = itemOfResolution(index, index.corpus.resolutions.indexOf(r));
  const votes = found ? votesBeside(found.item, r.source).slice(0, MAX_VOTES) : [];
  if (votes.length === 0) return '';
  const lines = votes.map((v) => `- ${voteWords(v)} ${cites.add(citeLines(index, v.source.file, v.source.lineStart, v.source.lineEnd, minuteTitle(r, ' (vote)'), r.meetingDate))}`);
  return `\n\nThe votes recorded:\n\n${lines.join('\n')}`;
}

/** What was put to the meeting, as the minutes open the item ("considered a petition ... signed by 1,200 residents"). */
function opening(index: PaperIndex, u: Reading, r: Resolution, cites: CitationList): string {
  const found = itemOfResolution(index, index.corpus.resolutions.indexOf(r));
  const p = found ? openingPassage(index, found.item) : undefined;
  if (!p) return '';
  const sentence = firstSentence(withoutHeading(p.text, found!.item));
  if (r.text.replace(/\s+/gu, ' ').includes(sentence) || sentenceScore(sentence, focusWords(u)) === 0) return '';
  const c = cites.add(citeLines(index, p.source.file, p.source.lineStart, p.source.lineEnd, minuteTitle(r), r.meetingDate, p.source.page, u.topic));
  return `\n\nThe minutes open the item ${c}:\n\n> ${sentence}`;
}

const REFERS_TO_DISCUSSION = phrase('refersToDiscussion');
const DECIDING_WORDS = phrase('decidingWords');

/** The question's verbs of deciding ("agree", "request"): the discussion sentences that answer it use them. */
function decidingWords(questionWords: readonly string[]): string[] {
  return questionWords.filter((w) => DECIDING_WORDS.test(w));
}

/** Sentences of an item's discussion quoted in an answer: enough to carry the point, short enough to read. */
const MAX_DISCUSSION_SENTENCES = 3;

/**
 * When the decision does not say all the question asks ("what did the officer agree to change"), or points
 * back at the discussion ("the items suggested during the discussion"), the minutes' discussion of the item
 * says it: quote its sentences, verbatim, and cite their passages.
 */
function discussion(index: PaperIndex, u: Reading, r: Resolution, cites: CitationList): string {
  const refersBack = REFERS_TO_DISCUSSION.test(r.text);
  if (!refersBack && topicMatch(u.topic, u.typed, `${r.itemTitle} ${r.text}`).coverage >= 1) return '';
  const look = answerLookups(index);
  const at = look.resolutionItem[index.corpus.resolutions.indexOf(r)];
  const item = at === undefined ? undefined : look.minuteItems[at]!.item;
  if (!item) return '';
  // Not the decision itself, its votes or the item's opening: the answer quotes them already.
  const open = openingPassage(index, item);
  const inItem = index
    .passagesIn(item.source.file, item.source.lineStart, item.source.lineEnd)
    .filter((p) => p !== open && (p.source.lineEnd < r.source.lineStart || p.source.lineStart > r.source.lineEnd) && !item.votes.some((v) => v.source.lineStart <= p.source.lineStart && p.source.lineEnd <= v.source.lineEnd));
  const ranked = refersBack
    ? // What the decision points back at is the discussion itself, in the order minuted (after the introduction).
      [...inItem].sort((a, b) => a.source.lineStart - b.source.lineStart).slice(1)
    : index
        .searchAmong([...u.topic, ...decidingWords(u.words)].join(' '), inItem, MAX_DISCUSSION_SENTENCES)
        .map((h) => h.passage)
        // A search hit by a word's prefix alone (a page footer's email address) says nothing on the topic.
        .filter((p) => sentenceScore(bestSentence(p.text, u), focusWords(u)) > 0);
  const quoted = ranked.slice(0, MAX_DISCUSSION_SENTENCES).map((p) => {
    const c = cites.add(citeLines(index, p.source.file, p.source.lineStart, p.source.lineEnd, `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle} (discussion)`, r.meetingDate, p.source.page, u.topic));
    const sentence = refersBack ? (p.text.split(/(?<=[.;])\s+/u)[0] ?? p.text) : bestSentence(p.text, u);
    return `> ${sentence.replace(/\s+/gu, ' ').trim()} ${c}`;
  });
  if (quoted.length === 0) return '';
  return `\n\n${refersBack ? 'The discussion it refers to' : 'The minutes of that item record'}:\n\n${quoted.join('\n>\n')}`;
}

/** A decision, the approval of minutes, or the actions agreed in a discussion, by the detail read. */
function decide(index: PaperIndex, r: Reading): Answer {
  if (r.detail === 'minutes_approval') return answerMinutesApproval(index, r);
  if (r.detail === 'actions') return answerAgreedActions(index, r) ?? answerResolution(index, r);
  return answerResolution(index, r);
}

/**
 * "What did the panel resolve on exclusions?": resolutions quoted verbatim; or the approval of minutes;
 * or the actions agreed in the discussion ("what actions were agreed on exclusions?").
 */
export const resolution: QuestionKind = { name: 'resolution', hears: readAs('resolution'), answer: (index, r, next) => orNext(decide(index, r), next) };
