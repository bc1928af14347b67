import type { Resolution } from '../../model';
import { monthNumber } from '../../parse';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { CitationList, citeLines } from '../cite';
import { compareDates, inRef, shortDate } from '../dateRefs';
import { words } from '../glossary';
import { NO_MATCH, topicMatch } from '../match';
import { itemOfResolution, supersededNotices } from '../minutedDecision';
import type { Reading } from '../read';
import { tellingWords } from './everywhereWords';
/** Resolutions on a topic, ranked, and quoted verbatim. */

export interface Scored<T> {
  readonly record: T;
  readonly score: number;
  readonly coverage: number;
}

/**
 * Resolutions on the topic: the item title counts most, then the decision, then the discussion. Best
 * first; equal scores keep the corpus's order (the sort is stable).
 */
export function scoreResolutions(index: PaperIndex, asked: Reading): Scored<Resolution>[] {
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
export function asMarkdown(text: string): string {
  const paragraphs: string[] = [];
  for (const line of text.split('\n').map((l) => l.replace(/^[-•]\s+(?=\d+[.)]\s)/u, ''))) {
    const previous = paragraphs.at(-1);
    if (previous !== undefined && !LIST_MARKER.test(line) && !/[.:;!?]\s*$/u.test(previous)) paragraphs[paragraphs.length - 1] = `${previous} ${line.trim()}`;
    else paragraphs.push(line);
  }
  const isList = paragraphs.every((l) => LIST_MARKER.test(l));
  return isList ? paragraphs.join('\n') : paragraphs.map((l) => `> ${l}`).join('\n>\n');
}
