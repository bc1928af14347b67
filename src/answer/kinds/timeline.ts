import type { Answer, MinuteItem, Resolution } from '../../model';
import type { PaperIndex, Passage } from '../../search';
import { answerLookups } from '../answerLookups';
import { CitationList, citeLines } from '../cite';
import { committeeLabel } from '../committees';
import { answerFromPassages } from '../compose/passages';
import { scoreRows } from '../compose/workProgramme';
import { compareDates, shortDate } from '../dateRefs';
import { NO_MATCH } from '../match';
import { decisionStart, supersededNotices, upTo, voteOutcome } from '../minutedDecision';
import { withoutCommitteeName } from '../namedCommittee';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

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

function answerTimeline(index: PaperIndex, asked: Reading): Answer {
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

/** "How often has the panel looked at exclusions?": every meeting that had the topic, in order. */
export const timeline: QuestionKind = { name: 'timeline', hears: readAs('timeline'), answer: (index, r, next) => orNext(answerTimeline(index, r), next) };
