import type { Answer, MinuteItem, Resolution, WorkProgrammeRow } from '../model';
import type { PaperIndex, Passage } from '../search';
import { answerLookups, papersNow } from './answerLookups';
import { CitationList, citeLines, sentenceScore } from './cite';
import { compareDates, inRef, shortDate } from './dateRefs';
import { NO_MATCH, topicMatch, type TopicMatch } from './match';
import { notFound } from './notFound';
import { words } from './glossary';
import { findDates, monthNumber } from '../parse';
import { conflictNote } from './meetingAnswers';
import { phrase } from './questionGrammar';
import { answerFromPassages, bestSentence, focusWords, holdsIdentifiers, type PassageScope } from './passageAnswers';
import { TEXT_BEHIND } from './questionGrammar';
import { committeeLabel } from './committees';
import { withoutCommitteeName } from './namedCommittee';
import { decisionStart, firstSentence, itemOfResolution, upTo, withoutHeading, voteOutcome, openingPassage, supersededNotices, voteWords, votesBeside } from './minutedDecision';
import type { Understanding } from './understand';
import { tellingWords } from './compose/everywhereWords';

/** Passages that record a decision (data/question-grammar.json `textBehind.decisionLine`). */
const DECISION_LINES: PassageScope = { admits: (p) => TEXT_BEHIND.decisionLine.test(p.text), minCoverage: 0, followOn: true, quotes: TEXT_BEHIND.decisionLine };

interface Scored<T> {
  readonly record: T;
  readonly score: number;
  readonly coverage: number;
}

/**
 * Resolutions on the topic: the item title counts most, then the decision, then the discussion. Best
 * first; equal scores keep the corpus's order (the sort is stable).
 */
export function scoreResolutions(index: PaperIndex, asked: Understanding): Scored<Resolution>[] {
  // The council's own name, in every paper, puts no decision on the question's topic.
  const u = { ...asked, ...tellingWords(index, asked) };
  const look = answerLookups(index);
  const resolutions = index.corpus.resolutions;
  const titles = look.resolutionTitles.match(u.topic, u.typed);
  const texts = look.resolutionTexts.match(u.topic, u.typed);
  const decisions = look.resolutionDecisions.match(u.topic, u.typed);
  // The discussion links a decision to a topic only when the question names the meeting: otherwise
  // any item that mentions a word in passing would match.
  const bodies = u.dates.length > 0 ? look.itemBodies.match(u.topic, u.typed) : null;
  const score = (id: number): Scored<Resolution> => {
    const title = titles.get(id) ?? NO_MATCH;
    const text = texts.get(id) ?? NO_MATCH;
    const decision = decisions.get(id) ?? NO_MATCH;
    const item = look.resolutionItem[id];
    const body = (bodies && item !== undefined && bodies.get(item)) || NO_MATCH;
    // "Was it unanimous", "who seconded it": the item's recorded votes say what the decision does not.
    const votes = item === undefined ? [] : look.minuteItems[item]!.item.votes;
    const voted = votes.length > 0 ? topicMatch(u.topic, u.typed, `${resolutions[id]!.itemTitle} ${resolutions[id]!.text} ${votes.map((v) => v.text).join(' ')}`) : NO_MATCH;
    const coverage = Math.max(decision.coverage, body.coverage, voted.coverage);
    return { record: resolutions[id]!, score: 3 * title.hits + 2 * text.hits + Math.min(2, body.hits * 0.3), coverage };
  };
  // A decision notice's decisions are the printed minutes' again, less fully: only the minutes' count.
  const superseded = supersededNotices(index);
  const kept = (id: number): boolean => {
    const minutes = itemOfResolution(index, id)?.minutes;
    return minutes === undefined || !superseded.has(minutes);
  };
  if (bodies) {
    const ids = resolutions.flatMap((r, id) => (u.dates.some((d) => inRef(r.meetingDate, d)) && kept(id) ? [id] : []));
    return ids.map(score).sort((a, b) => b.score - a.score);
  }
  // Undated, a resolution sharing no stem with the question in its title or decision scores 0: score
  // only the others, then list the rest after them in the corpus's order, as the stable sort would.
  const candidates = [...new Set([...titles.keys(), ...texts.keys()])]
    .filter(kept)
    .sort((a, b) => a - b)
    .map((id) => ({ id, scored: score(id) }));
  const positive = candidates.filter((c) => c.scored.score > 0);
  const placed = new Set(positive.map((c) => c.id));
  const zeroCandidates = new Map(candidates.filter((c) => c.scored.score <= 0).map((c) => [c.id, c.scored]));
  const rest = resolutions.flatMap((record, id) => (placed.has(id) || !kept(id) ? [] : [zeroCandidates.get(id) ?? { record, score: 0, coverage: 0 }]));
  // Equal fits, newest first: "what did the committee decide on the levy" means its latest decision.
  const newestFirst = (a: Scored<Resolution>, b: Scored<Resolution>): number => b.score - a.score || compareDates(b.record.meetingDate, a.record.meetingDate);
  return [...positive.map((c) => c.scored).sort(newestFirst), ...rest];
}

/** What the minutes call the body that decided ("committee", "panel", "board"): the last word of its name. */
function decidingBody(index: PaperIndex, r: Resolution): string {
  const name = itemOfResolution(index, index.corpus.resolutions.indexOf(r))?.minutes.committee;
  const last = name ? words(name).at(-1) : undefined;
  // A heading that ends in a date or a number is not a name's last word.
  return last && /^[a-z]+$/u.test(last) && monthNumber(last) === null ? last : 'panel';
}

export function quoteResolution(index: PaperIndex, r: Resolution, cites: CitationList): string {
  const c = cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}`, r.meetingDate));
  return `On ${shortDate(r.meetingDate)} (minute ${r.itemNumber}, ${r.itemTitle}) the ${decidingBody(index, r)} resolved ${c}:\n\n${asMarkdown(r.text)}`;
}

const LIST_MARKER = /^(?:\d+[.)]|[-•])\s/u;

/**
 * The minuted lines, word for word, as markdown: numbered or bulleted points stay a list (a converted
 * "- 1." loses its stray bullet), anything else is a block quote. A line a PDF wrapped mid-sentence is
 * joined to the line before it, so a sentence reads as one. Only the line breaks and markers change.
 */
function asMarkdown(text: string): string {
  const paragraphs: string[] = [];
  for (const line of text.split('\n').map((l) => l.replace(/^[-•]\s+(?=\d+[.)]\s)/u, ''))) {
    const previous = paragraphs.at(-1);
    if (previous !== undefined && !LIST_MARKER.test(line) && !/[.:;!?]\s*$/u.test(previous)) paragraphs[paragraphs.length - 1] = `${previous} ${line.trim()}`;
    else paragraphs.push(line);
  }
  const isList = paragraphs.every((l) => LIST_MARKER.test(l));
  return isList ? paragraphs.join('\n') : paragraphs.map((l) => `> ${l}`).join('\n>\n');
}

export function answerResolution(index: PaperIndex, asked: Understanding): Answer {
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
    const all = scored.map((s) => s.record).sort((a, b) => Number(b.labelled) - Number(a.labelled) || Number(a.itemNumber) - Number(b.itemNumber));
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
  const comingBack = /\bcom(?:e|ing) back\b|\breturn(?:ing)? to\b|\bwhen\b/u.test(u.text)
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
function nearestToDecision(index: PaperIndex, u: Understanding): Answer | null {
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
function opening(index: PaperIndex, u: Understanding, r: Resolution, cites: CitationList): string {
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
function decidingWords(text: string): string[] {
  return words(text).filter((w) => DECIDING_WORDS.test(w));
}

/** Sentences of an item's discussion quoted in an answer: enough to carry the point, short enough to read. */
const MAX_DISCUSSION_SENTENCES = 3;

/**
 * When the decision does not say all the question asks ("what did the officer agree to change"), or points
 * back at the discussion ("the items suggested during the discussion"), the minutes' discussion of the item
 * says it: quote its sentences, verbatim, and cite their passages.
 */
function discussion(index: PaperIndex, u: Understanding, r: Resolution, cites: CitationList): string {
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
        .searchAmong([...u.topic, ...decidingWords(u.text)].join(' '), inItem, MAX_DISCUSSION_SENTENCES)
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

function scoreRows(index: PaperIndex, u: Understanding): Scored<WorkProgrammeRow>[] {
  const look = answerLookups(index);
  const items = look.rowItems.match(u.topic, u.typed);
  const texts = look.rowTexts.match(u.topic, u.typed);
  // A row sharing no stem with the question in its item or description scores 0 and is dropped below.
  return [...texts.keys()]
    .map((id) => {
      const item = items.get(id) ?? NO_MATCH;
      const all = texts.get(id)!;
      return { record: index.corpus.workProgramme[id]!, score: 2 * item.hits + all.hits, coverage: Math.max(item.coverage, all.coverage) };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || compareDates(b.record.meetingDate ?? '', a.record.meetingDate ?? ''));
}

/**
 * For each minute item, its passage that ranks best for `query`, or undefined when none matches: what
 * `searchAmong(query, passagesIn(item), 1)[0]` gives, in one search for all of them (a timeline at
 * 100 MB asks it of a hundred items) and one `passagesIn` per paper file.
 */
export function bestPassageOfEach(index: PaperIndex, query: string, items: readonly MinuteItem[]): (Passage | undefined)[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const { source } of items) {
    const span = spans.get(source.file);
    if (span) {
      span.from = Math.min(span.from, source.lineStart);
      span.to = Math.max(span.to, source.lineEnd);
    } else spans.set(source.file, { from: source.lineStart, to: source.lineEnd });
  }
  // Each file's passages by first line, so an item's passages are found by a binary search, not a scan.
  const inFile = new Map([...spans].map(([file, { from, to }]) => [file, [...index.passagesIn(file, from, to)].sort((a, b) => a.source.lineStart - b.source.lineStart)]));
  const inItem = items.map(({ source }) => {
    const passages = inFile.get(source.file)!;
    let lo = 0;
    let hi = passages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (passages[mid]!.source.lineStart < source.lineStart) lo = mid + 1;
      else hi = mid;
    }
    const found: Passage[] = [];
    for (let k = lo; k < passages.length && passages[k]!.source.lineStart <= source.lineEnd; k++) {
      if (passages[k]!.source.lineEnd <= source.lineEnd) found.push(passages[k]!);
    }
    return found;
  });
  const among = inItem.flat();
  const rank = new Map(index.searchAmong(query, among, among.length).map((h, k) => [h.passage.id, k]));
  return inItem.map((passages) => {
    let best: Passage | undefined;
    for (const p of passages) {
      const at = rank.get(p.id);
      if (at !== undefined && (best === undefined || at < rank.get(best.id)!)) best = p;
    }
    return best;
  });
}

function describeRow(r: WorkProgrammeRow): string {
  const when = r.meetingDate
    ? `the ${shortDate(r.meetingDate)} meeting`
    : r.meetingDateText
      ? `${r.meetingDateText} (the papers give only a month, no meeting date)`
      : 'a date not yet set';
  const extra = [r.description, r.author ? `lead: ${r.author}` : null, r.status ? `status: ${r.status}` : null].filter(Boolean).join('; ');
  return `"${r.item}" is on the work programme for ${when}${extra ? ` (${extra})` : ''}`;
}

const PAST_SCHEDULE = phrase('pastSchedule');

export function answerSchedule(index: PaperIndex, u: Understanding): Answer {
  const pastTense = PAST_SCHEDULE.test(u.text);
  // "When's it coming?" is answered by a date still to come: a row for a meeting already past is not one.
  // Asked after the last papers, "still to come" is judged as of them.
  const now = papersNow(index, u.asOf);
  const rows = scoreRows(index, u).filter((s) => s.coverage >= 0.5 && holdsIdentifiers(u, `${s.record.item} ${s.record.description ?? ''}`) && (pastTense || u.dates.length > 0 || !s.record.meetingDate || s.record.meetingDate >= now));
  const resolutions = scoreResolutions(index, { ...u, dates: [] }).filter((s) => s.coverage >= 0.5 && holdsIdentifiers(u, `${s.record.itemTitle} ${s.record.text}`) && /future meeting|to a meeting|come back|report back|update|receive/iu.test(s.record.text));
  const cites = new CitationList();
  const parts: string[] = [];
  const resolutionFirst = pastTense || (resolutions.length > 0 && rows.length === 0);
  const rowText = (): void => {
    const best = rows[0]?.score ?? 0;
    // Prefer the most recent programme's rows: the same item often appears in two drafts.
    const chosen = rows.filter((s) => s.score >= best * 0.8).slice(0, 3);
    for (const s of chosen) {
      const r = s.record;
      parts.push(`${describeRow(r)} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme${r.meetingDate ? ` - ${shortDate(r.meetingDate)}` : ''}`, r.meetingDate))}.`);
    }
  };
  const resolutionText = (): void => {
    const r = resolutions[0]?.record;
    if (r) parts.push(quoteResolution(index, r, cites));
  };
  if (resolutionFirst) {
    resolutionText();
    rowText();
  } else {
    rowText();
    resolutionText();
  }
  if (u.dates.length > 0 && parts.length > 0) {
    const agendaItems = index.corpus.agendaItems;
    const on = agendaItems.flatMap((i, id) => (u.dates.some((d) => inRef(i.meetingDate, d)) ? [id] : []));
    if (on.length > 0) {
      const titles = answerLookups(index).agendaTitles.match(u.topic, u.typed);
      const hitId = on.find((id) => (titles.get(id) ?? NO_MATCH).coverage >= 0.5);
      const hit = hitId === undefined ? undefined : agendaItems[hitId]!;
      parts.unshift(hit ? `Yes: it is item ${hit.number} on the ${shortDate(hit.meetingDate)} agenda.` : `It is not on the published ${shortDate(agendaItems[on[0]!]!.meetingDate)} agenda.`);
    }
  }
  if (parts.length === 0) return answerFromPassages(index, u, 'schedule');
  return { kind: 'schedule', text: parts.join('\n\n'), citations: cites.items, followUps: [] };
}

/** A programmed item's description, as a timeline gives it: what the item is for, not the whole row. */
const MAX_ROW_DESCRIPTION_CHARS = 200;

/** A timeline entry's decision, verbatim, up to about this long: the minutes cited hold the rest. */
const MAX_TIMELINE_DECISION_CHARS = 600;

/**
 * One meeting's decision in a timeline: how the vote went and what was resolved, each in the minutes'
 * words, citing the decision from its vote on (an amendment debated before it is not the decision).
 */
function decidedEntry(index: PaperIndex, item: MinuteItem, date: string, r: Resolution | undefined, cites: CitationList): string {
  const title = `Minutes - ${shortDate(date)}, item ${item.number} ${item.title}`;
  if (!r) return `${shortDate(date)}: discussed "${item.title}" ${cites.add(citeLines(index, item.source.file, item.source.lineStart, item.source.lineStart, `Minutes - ${shortDate(date)}`, date))}`;
  const c = cites.add(citeLines(index, r.source.file, decisionStart(index, r, item.votes), r.source.lineEnd, title, date));
  const vote = item.votes.filter((v) => v.outcome !== null).at(-1);
  const how = vote ? ` ${voteOutcome(vote)}` : '';
  return `${shortDate(date)}: discussed "${item.title}".${how} Resolved: ${upTo(r.points.join(' '), MAX_TIMELINE_DECISION_CHARS)} ${c}`;
}

export function answerTimeline(index: PaperIndex, asked: Understanding): Answer {
  const u = withoutCommitteeName(index, asked);
  const look = answerLookups(index);
  // Each entry is written once the entries are in date order, so the citations are numbered in that order.
  const events: { date: string; write: (cites: CitationList) => string }[] = [];
  const dated = new Set<string>();
  const add = (date: string, write: (cites: CitationList) => string): void => {
    events.push({ date, write });
    dated.add(date);
  };
  const titles = look.itemTitles.match(u.topic, u.typed);
  const decisions = look.itemDecisions.match(u.topic, u.typed);
  const bodies = look.itemBodies.match(u.topic, u.typed);
  const superseded = supersededNotices(index);
  // An item sharing no stem with the question in its title, decision or body is not on the topic.
  const candidates = [...new Set([...titles.keys(), ...decisions.keys(), ...bodies.keys()])].filter((k) => !superseded.has(look.minuteItems[k]!.minutes)).sort((a, b) => a - b);
  // One word of two is not enough: "school exclusions" is not "school organisation".
  const enough = u.typed.length <= 2 ? 1 : 0.5;
  const byTitle = (k: number): boolean => {
    const r = look.minuteItems[k]!.labelled;
    return (titles.get(k) ?? NO_MATCH).coverage >= enough || (r !== undefined && (decisions.get(k) ?? NO_MATCH).coverage >= enough);
  };
  // An item under another title can still be where the topic was discussed at length.
  const discussedAtLength = candidates.filter((k) => {
    const body = bodies.get(k) ?? NO_MATCH;
    return !byTitle(k) && body.coverage >= 0.99 && body.hits >= 2;
  });
  const best = bestPassageOfEach(index, u.topic.join(' '), discussedAtLength.map((k) => look.minuteItems[k]!.item));
  const bestPassage = new Map(discussedAtLength.map((k, j) => [k, best[j]]));
  for (const k of candidates) {
    const { item, minutes: m, labelled } = look.minuteItems[k]!;
    if (!byTitle(k)) {
      const hit = bestPassage.get(k);
      if (!hit) continue;
      add(m.meetingDate, (cites) => {
        const c = cites.add(citeLines(index, hit.source.file, hit.source.lineStart, hit.source.lineEnd, `Minutes - ${shortDate(m.meetingDate)}, item ${item.number} ${item.title}`, m.meetingDate, hit.source.page, u.topic));
        return `${shortDate(m.meetingDate)}: discussed under "${item.title}" ${c}`;
      });
      continue;
    }
    // A decision minuted without a "Resolved" label ("The Committee noted the update report") is still the decision.
    add(m.meetingDate, (cites) => decidedEntry(index, item, m.meetingDate, labelled ?? item.resolutions[0], cites));
  }
  for (const [id, match] of look.agendaTitles.match(u.topic, u.typed)) {
    const i = index.corpus.agendaItems[id]!;
    if (match.coverage < enough || dated.has(i.meetingDate)) continue;
    add(i.meetingDate, (cites) => `${shortDate(i.meetingDate)}: on the agenda as "${i.title}" ${cites.add(citeLines(index, i.source.file, i.source.lineStart, i.source.lineEnd, `Agenda - ${shortDate(i.meetingDate)}`, i.meetingDate))}`);
  }
  for (const s of scoreRows(index, u).filter((x) => x.coverage >= enough)) {
    const r = s.record;
    if (!r.meetingDate || dated.has(r.meetingDate)) continue;
    const date = r.meetingDate;
    const about = r.description ? ` (${upTo(r.description.replace(/\s+/gu, ' ').trim(), MAX_ROW_DESCRIPTION_CHARS)})` : '';
    add(date, (cites) => `${shortDate(date)}: programmed as "${r.item}"${about} ${cites.add(citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, `Work programme - ${shortDate(date)}`, date))}`);
  }
  if (events.length === 0) return answerFromPassages(index, u, 'timeline');
  events.sort((a, b) => compareDates(a.date, b.date));
  const cites = new CitationList();
  const lines = events.map((e) => `- ${e.write(cites)}`);
  return { kind: 'timeline', text: `The papers show ${committeeLabel(index, u.committee ?? null)} on this at:\n\n${lines.join('\n')}`, citations: cites.items, followUps: [] };
}

const MINUTES_APPROVAL = phrase('minutesApproval');

/** "The minutes of the previous meeting ... on 15 January": the date is the approving meeting's. */
const PREVIOUS_MINUTES = /\b(?:previous|last|prior|earlier) (?:meeting|mtg|minutes)\b/u;

/**
 * "Were the 11 jan minutes signed off?": the decisions approving earlier minutes. A date names the meeting
 * whose minutes were approved; a bare year ("during 2021") approvals of or at that year's meetings.
 */
export function answerMinutesApproval(index: PaperIndex, u: Understanding): Answer {
  const look = answerLookups(index);
  const approvals = index.corpus.resolutions
    // The decision's date, and its heading's where that differs (the papers do not always agree).
    .map((r, id) => ({ r, id, of: findDates(r.text)[0]?.date ?? findDates(r.itemTitle)[0]?.date ?? null, headed: findDates(r.itemTitle)[0]?.date ?? null }))
    .filter(({ r }) => MINUTES_APPROVAL.test(r.text) && r.meetingDate <= u.asOf);
  const approving = (a: (typeof approvals)[number]): boolean => u.dates.some((d) => inRef(a.r.meetingDate, d));
  const approved = (a: (typeof approvals)[number]): boolean => u.dates.some((d) => inRef(a.of, d) || inRef(a.headed, d));
  const chosen =
    u.dates.length === 0
      ? approvals.slice(-1)
      : u.dates.some((d) => d.yearOnly)
        ? approvals.filter((a) => approved(a) || approving(a))
        : // A named meeting's minutes: another meeting's approval made that day is not an answer,
          // unless the question asks of the previous meeting's ("were the previous minutes agreed on 15 January?").
          approvals.filter(PREVIOUS_MINUTES.test(u.text) ? approving : approved);
  if (chosen.length === 0) {
    const label = u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ');
    return notFound(index, `The papers record no approval of minutes${label ? ` for ${label}` : ''}.`);
  }
  const cites = new CitationList();
  const meetings = answerLookups(index).panelMeetings;
  const lines = chosen.map(({ r, id, of, headed }) => {
    const at = look.resolutionItem[id];
    const item = at === undefined ? undefined : look.minuteItems[at]!.item;
    // From the item's heading, which may name another date than the decision does.
    const from = item && item.source.file === r.source.file && item.source.lineStart <= r.source.lineStart ? item.source.lineStart : r.source.lineStart;
    const c = cites.add(citeLines(index, r.source.file, from, r.source.lineEnd, `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}`, r.meetingDate));
    const meeting = meetings.find((m) => m.date === of || m.date === headed);
    return `On ${shortDate(r.meetingDate)} (minute ${r.itemNumber}, ${r.itemTitle}) ${committeeLabel(index, u.committee ?? null)} approved ${c}:\n\n${asMarkdown(r.text)}${meeting && meeting.conflicts.length > 0 ? `\n\n${conflictNote(meeting).trim()}` : ''}`;
  });
  return { kind: 'resolution', text: lines.join('\n\n'), citations: cites.items, resolutions: chosen.map((a) => a.r), followUps: [] };
}
