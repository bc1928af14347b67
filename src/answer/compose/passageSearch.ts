import { monthNumber } from '../../parse';
import type { PaperIndex, Passage, PassageHit } from '../../search';
import { papersNow, passageDate, passagesOn, sectionTitle } from '../answerLookups';
import { sentenceScore } from '../cite';
import { inRef } from '../dateRefs';
import { words } from '../glossary';
import { TopicQuery } from '../match';
import { supersededNotices } from '../minutedDecision';
import { committeeWords } from '../namedCommittee';
import { phrase, STOP_WORDS } from '../questionGrammar';
import { type Holding, HOLDS_NOTHING, QuestionWords } from '../questionWords';
import type { Reading } from '../read';
import { tellingWords } from './everywhereWords';
import { holdsIdentifiers } from './identifiers';
import { continuation, following } from './neighbours';
import { bestSentence, focusWords } from './sentences';
import { countedWords, datedSentence, holdsFigure } from './valuesWanted';
/** Passages that answer a question, ranked: the papers' text searched within a scope. */

const FIGURE_PREFERENCE = 1.5;
/** A decision notice the printed minutes of its meeting repeat, with the debate and votes: the minutes rank first. */
const REPEATED_NOTICE_WEIGHT = 0.7;
/** Text that ends by leading into what follows: "...:", perhaps with a bracketed note after it. */
export const LEAD_IN = /:\s*(?:\([^)]*\))?\s*$/u;

/** Below this share of the question's own words, a passage is not an answer: say so instead of guessing. */
const MIN_COVERAGE = 0.5;

/**
 * Where a search may look: only passages `admits` admits, none other (the text behind a kind: the minutes
 * of the meeting named, say; lines that record a decision), each covering at least `minCoverage` of the
 * question's words. A date in the question narrows to that meeting's papers first, within the scope.
 */
export interface PassageScope {
  readonly admits: (p: Passage) => boolean;
  readonly minCoverage: number;
  /** The paragraph after one naming the topic answers too, read with it (a decision minuted after its subject). */
  readonly followOn?: boolean;
  /** A sentence this matches is the one quoted from a passage (the decision, not the background). */
  readonly quotes?: RegExp;
}

/** Passages that cover enough of the question, best first; a date in the question narrows to that meeting's papers. */
export function findPassages(index: PaperIndex, u: Reading, limit = 3, scope?: PassageScope): { passage: Passage; coverage: number }[] {
  if (u.typed.length === 0) return [];
  const meetingDates = u.dates.filter((d) => !d.yearOnly);
  const admits = scope?.admits;
  const dated = meetingDates.length > 0 ? passagesOn(index, meetingDates).filter((p) => !admits || admits(p)) : undefined;
  const query = [...u.topic, ...u.dateWords].join(' ');
  let hits = dated ? index.searchAmong(query, dated, 60) : index.searchPassages(query, 60, admits);
  if (hits.length === 0 && dated) hits = index.searchPassages(query, 60, admits);
  // A year the user typed must be in the passage (or its paper's or item's title): otherwise it answers about
  // another year. Any one of them will do: "15/16" is read as 2015/2016, and papers write "2015/16".
  const years = [...u.typed, ...u.dateWords].filter((t) => /^(?:19|20)\d{2}$/u.test(t));
  const needsAmount = u.wanted.amount;
  const needsFigure = needsAmount || u.wanted.figure;
  const needsWhen = u.wanted.when;
  const prefersFigure = u.wanted.prefersFigure;
  const prefersDate = !needsWhen && u.wanted.prefersDate;
  // "How many questions": a passage with a figure of the thing counted ("94 questions had been received")
  // answers it; one about the thing with other figures (a procedure's "3 minutes") does not.
  const counted = countedWords(u);
  const noticeFiles = new Set([...supersededNotices(index)].map((m) => m.source.file));
  const focus = focusWords(u);
  // A figure often sits in the paragraph after the one that names the subject ("The Inclusion Summit ...
  // was a very successful event." then "The event was attended by 100 people."): for a figure, the next
  // paragraph of the same item is a candidate too, read with the one before it for its subject. Not for
  // amounts: a cost question answered by the next paragraph's other cost would be a guess.
  // A decision, too, is often minuted in the paragraph after the one naming its subject ("An email had been
  // received ... offering to plant cherry trees" then "It was agreed that ..."): with a scope that follows on,
  // the paragraphs after the passages naming the topic (searched outside the scope) are candidates.
  const named = scope?.followOn ? (dated ? index.searchAmong(query, passagesOn(index, meetingDates), 60) : index.searchPassages(query, 60)) : [];
  const followingOn = named.flatMap((h) => continuation(index, h)).filter((c) => scope!.admits(c.passage)).map((c) => ({ ...c, followsOn: true }));
  const candidates: (PassageHit & { context?: Passage; followsOn?: boolean })[] = needsFigure && !needsAmount ? [...hits, ...hits.flatMap((h) => continuation(index, h)), ...followingOn] : [...hits, ...followingOn];
  // Each passage and each title is read once, for the question's stems, typed words and years: a
  // continuation's context is a hit read already, and a paper's title is every one of its passages' title.
  // (A passage's text is read once too: the search index may keep it out of memory and make it per read.)
  // A phrase can only be in a passage whose words include all of the phrase's words.
  const phraseWords = u.phrases.map((p) => p.split(' '));
  const wanted = new QuestionWords([...u.topic, ...u.typed], [...u.typed, ...years, ...phraseWords.flat()]);
  const passagesRead = new Map<number, { text: string; holding: Holding }>();
  const readPassage = (p: Passage): { text: string; holding: Holding } => {
    let read = passagesRead.get(p.id);
    if (!read) {
      const text = p.text;
      read = { text, holding: wanted.read(text) };
      passagesRead.set(p.id, read);
    }
    return read;
  };
  const titlesRead = new Map<string, Holding>();
  const readTitle = (title: string): Holding => {
    let holding = titlesRead.get(title);
    if (!holding) {
      holding = wanted.read(title);
      titlesRead.set(title, holding);
    }
    return holding;
  };
  // "Now" is as of the latest papers when asked after them.
  const now = papersNow(index, u.asOf);
  // A figure asked of no date or year ("% of schools good or outstanding?") is asked of now, as "now" is.
  const current = u.wanted.current || (needsFigure && u.dates.length === 0 && years.length === 0);
  // Coverage is of the words that tell passages apart: the council's own name, in every paper, does not.
  const { topic: topicTelling, typed: typedTelling } = tellingWords(index, u);
  const topicQuery = new TopicQuery(topicTelling, typedTelling);
  const enough = typedTelling.length <= 2 ? 1 : Math.max(MIN_COVERAGE, scope?.minCoverage ?? 0);
  const kept: { passage: Passage; coverage: number; score: number }[] = [];
  for (const h of candidates) {
    const { text, holding: own } = readPassage(h.passage);
    const title = readTitle(h.passage.title);
    const item = readTitle(h.passage.item ?? '');
    const section = readTitle(sectionTitle(index, h.passage));
    const context = h.context ? readPassage(h.context).holding : HOLDS_NOTHING;
    // Words never run across the spaces that join a passage's fields, so each field is read alone.
    // A lead-in ("Priorities for 2023/24:") is read with what it leads into: the answer cites both.
    const next = LEAD_IN.test(text) ? following(index, h.passage) : undefined;
    const led = next ? readPassage(next).holding : HOLDS_NOTHING;
    const held = new Set([...own.stems, ...context.stems, ...title.stems, ...item.stems, ...section.stems, ...led.stems]);
    const coverage = topicQuery.matchHeld(held).coverage;
    // With one or two words, half is one word: too little to be sure the passage is about the question,
    // unless the minute or agenda item it sits under is titled with the question's own phrase ("Village
    // Pub" for "buying the village pub"): the item is about it, whatever word the minute uses for the rest.
    if (coverage < enough && !(coverage >= MIN_COVERAGE && itemTitledWith(h.passage, u.phrases))) continue;
    // Read through the paragraph before it, a passage must hold more of the question to be sure of it.
    if (h.followsOn && coverage < FOLLOW_ON_COVERAGE) continue;
    // A number the user typed (a year, a figure) must be in the passage: otherwise it answers another question.
    if (years.length > 0 && !years.some((y) => own.words.has(y) || title.words.has(y) || item.words.has(y))) continue;
    if (!holdsIdentifiers(u, `${text} ${h.passage.title} ${h.passage.item ?? ''}`)) continue;
    // A heading (a report's title block: committee, date, title) holds the question's words and answers nothing.
    if (!saysSomething(index, h.passage, text)) continue;
    // "How much" wants an amount and "how many" a figure: a passage without one does not answer it.
    if ((needsAmount && !/£\s?\d/u.test(text)) || (needsFigure && !holdsFigure(text, u))) continue;
    // "When does cabinet decide" wants a date: a passage without one does not answer it.
    if (needsWhen && !datedSentence(text, focus, u)) continue;
    // A deadline is best answered by a sentence that gives a date or year beyond the meeting asked of.
    const dateless = prefersDate && !datedSentence(text, focus, u, true) ? DATELESS_WEIGHT : 1;
    // The words the user typed count more than the expansions the glossary added for them.
    const typedHits = u.typed.filter((t) => own.words.has(t) || led.words.has(t)).length;
    const possiblePhrases = u.phrases.filter((_, k) => phraseWords[k]!.every((w) => own.words.has(w)));
    const phrases = possiblePhrases.length > 0 ? phraseHits(words(text), possiblePhrases) : 0;
    // One sentence that says it all answers better than words spread over a paragraph or a table's cells.
    // A "sentence" as long as a paragraph (a table's run of cells) holds many words without saying one thing.
    const best = bestSentence(text, u);
    const sentence = sentenceScore(best, focus) / (1 + best.length / SENTENCE_CHARS);
    const table = (text.match(/\t/gu)?.length ?? 0) >= TABLE_TABS ? TABLE_WEIGHT : 1;
    const figures = prefersFigure && /\d/u.test(text) ? FIGURE_PREFERENCE : 1;
    const repeated = noticeFiles.has(h.passage.source.file) ? REPEATED_NOTICE_WEIGHT : 1;
    // A percentage asked ('how many schools good %') is not a count of the thing: no count outranks the share.
    const countedHit = counted && !u.wanted.percent && counted.test(text) ? COUNTED_PASSAGE_WEIGHT : 1;
    kept.push({ passage: h.passage, coverage, score: h.score * recency(passageDate(index, h.passage) ?? titleYear(h.passage.title), now, current) * (1 + 0.5 * phrases) * (1 + 0.3 * typedHits) * (1 + SENTENCE_WEIGHT * sentence) * table * figures * repeated * countedHit * dateless });
  }
  // The meeting named holds nothing on it: a figure dated by the question ("at the end of march 23") is
  // often stated in a later meeting's report, so every paper is read, for passages naming that year.
  // Not for a month said without its year: another year's month is tried first (answerQuestion's otherYears).
  if (kept.length === 0 && dated && dated.length > 0 && meetingDates.every((d) => d.monthOnly === undefined)) {
    const named = [...new Set(meetingDates.map((d) => d.from.slice(0, 4)))];
    if (named.length !== 1) return [];
    // Read with the paper around it (its section, the paragraph before), a passage of the meeting named
    // may hold the question after all: it leads, before the same year's other meetings.
    const wider = findPassages(index, { ...u, dates: [], typed: [...u.typed, named[0]!] }, limit, scope);
    const ofMeeting = (h: { passage: Passage }): boolean => meetingDates.some((d) => inRef(passageDate(index, h.passage), d));
    return [...wider.filter(ofMeeting), ...wider.filter((h) => !ofMeeting(h))];
  }
  const seen = new Set<number>();
  return kept
    .sort((a, b) => b.coverage * b.score - a.coverage * a.score)
    .filter((h) => !seen.has(h.passage.id) && seen.add(h.passage.id))
    .slice(0, limit);
}

/** Whether a passage's item title holds one of the question's phrases, word for word. */
function itemTitledWith(p: Passage, phrases: readonly string[]): boolean {
  if (p.item === null || phrases.length === 0) return false;
  const title = ` ${words(p.item).join(' ')} `;
  return phrases.some((phrase) => title.includes(` ${words(phrase).join(' ')} `));
}

/** Words a passage needs beyond its headings (its paper's title, its item, committee names, dates) to say something. */
const MIN_OWN_WORDS = 3;
/** A line that ends a sentence ("The problem has now been resolved."), as a title block's lines do not. */
const ENDS_SENTENCE = /\p{Ll}[.!]\s*$/mu;

/**
 * A passage says something when it has words of its own beyond its headings, or, shorter, a sentence
 * of its own in minutes: a parish minute is often one line under its heading ("The problem has now been
 * resolved."); an agenda's "To receive ..." says what will be done, not what was.
 */
function saysSomething(index: PaperIndex, p: Passage, text: string): boolean {
  const heading = new Set([...words(p.title), ...words(p.item ?? ''), ...committeeWords(index)]);
  let own = 0;
  for (const w of words(text)) if (!heading.has(w) && !STOP_WORDS.has(w) && !/^\d/u.test(w) && monthNumber(w) === null && ++own >= MIN_OWN_WORDS) return true;
  return own > 0 && p.paperKind === 'minutes' && !AGENDA_WORDING.test(text) && ENDS_SENTENCE.test(text);
}

/** An agenda's standing wording ("To receive apologies for absence from Members."), which a meeting page prints above its minutes. */
const AGENDA_WORDING = phrase('agendaWording');

/** How much a passage's best sentence (its focus words and phrases) counts in its rank. */
const SENTENCE_WEIGHT = 0.25;
/** About a long sentence's length: past it, a sentence's words count for less. */
const SENTENCE_CHARS = 300;
/** A passage with this many tabs is a table's cells: a sentence saying the same is easier to read and cite. */
const TABLE_TABS = 4;
const TABLE_WEIGHT = 0.6;

/** The share of a question's words a paragraph read with the one before it must hold. */
const FOLLOW_ON_COVERAGE = 0.75;

/** How many of the question's phrases a passage holds word for word. */
function phraseHits(textWords: readonly string[], phrases: readonly string[]): number {
  const flat = ` ${textWords.join(' ')} `;
  // The question's own pairs skip its glue words ("good or outstanding" is "good outstanding"): so does the text.
  const content = ` ${textWords.filter((w) => !STOP_WORDS.has(w)).join(' ')} `;
  return phrases.filter((p) => flat.includes(` ${p} `) || content.includes(` ${p} `)).length;
}

/**
 * A paper for no meeting ("Children and Young People Service Plan 2017/2018") is as old as the first year
 * its title names: for weighing recency only, never shown as a date.
 */
function titleYear(title: string): string | null {
  const year = /\b((?:19|20)\d{2})\b/u.exec(title)?.[1];
  return year ? `${year}-07-01` : null;
}

/** Papers nearer the day asked count a little more: "the % of good schools" means the current figure. */
function recency(date: string | null, asOf: string, current: boolean): number {
  if (!date) return 1;
  const years = Math.abs(Date.parse(asOf) - Date.parse(date)) / (365.25 * 24 * 3600 * 1000);
  // "How many now": the latest paper that says it, well ahead of older ones.
  return 1 / (1 + (current ? 1 : 0.15) * years);
}

/** A deadline's passage that gives no date of its own ranks well below one that does. */
const DATELESS_WEIGHT = 0.1;
/** A passage holding a figure of the thing counted ranks well ahead of passages that only name it. */
const COUNTED_PASSAGE_WEIGHT = 3;
