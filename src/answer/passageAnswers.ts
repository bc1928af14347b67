import type { Answer, AnswerKind, MinuteItem, Report } from '../model';
import type { Passage, PaperIndex, PassageHit } from '../search';
import { CitationList, citeLines, findLine, sentenceScore } from './cite';
import { inRef, shortDate } from './dateRefs';
import { glossaryPhrases, meaningsOf, words } from './glossary';
import { answerLookups, papersNow, passageDate, passagesOn, sectionTitle } from './answerLookups';
import { NO_MATCH, stem, stemsOf, type TopicMatch, TopicQuery } from './match';
import { targetMeeting } from './meetingAnswers';
import { committeeWords, withoutCommitteeName } from './namedCommittee';
import { monthNumber } from '../parse';
import { supersededNotices } from './minutedDecision';
import { notFound } from './notFound';
import { answerRole, citeRecord, presenterOf } from './people';
import { HOLDS_NOTHING, QuestionWords, type Holding } from './questionWords';
import { type Detail, KIND_RULES, phrase, STOP_WORDS } from './questionGrammar';
import type { Understanding } from './understand';
import { tellingWords } from './compose/everywhereWords';

const NEEDS_AMOUNT = phrase('needsAmount');
const NEEDS_FIGURE = phrase('needsFigure');
/** "What were the results of the consultation": a passage with figures answers it better than one that names it. */
const PREFERS_FIGURE = phrase('prefersFigure');
const FIGURE_PREFERENCE = 1.5;
/** A decision notice the printed minutes of its meeting repeat, with the debate and votes: the minutes rank first. */
const REPEATED_NOTICE_WEIGHT = 0.7;
const NEEDS_WHEN = phrase('needsWhen');
/** A deadline is best answered by a date, but a passage giving only its year ("the 2027 deadline") still answers. */
const PREFERS_DATE = phrase('prefersDate');
const CURRENT = phrase('current');
/** Text that ends by leading into what follows: "...:", perhaps with a bracketed note after it. */
const LEAD_IN = /:\s*(?:\([^)]*\))?\s*$/u;
/** A date as papers write one: "23 February 2022", "January 2021", "20/01/2021". */
// "12 May 2026", "May 2026" and the American order some notices use, "Tues May 26 2026".
const A_DATE = /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?\d{4}\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/iu;
const DATES = new RegExp(`(?:\\b\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${A_DATE.source})`, 'giu');

/**
 * Whether a sentence gives a date other than the ones the question named: "deadline for the 1 june
 * meeting?" is not answered by a line that only repeats "1 June 2026", the meeting's own date.
 */
function givesOtherYear(sentence: string, u: Understanding): boolean {
  for (const [y] of sentence.matchAll(/\b(?:19|20)\d\d\b/gu)) if (!u.dates.some((q) => q.from.slice(0, 4) <= y && y <= q.to.slice(0, 4))) return true;
  return false;
}

function givesOtherDate(sentence: string, u: Understanding): boolean {
  for (const [d] of sentence.matchAll(DATES)) {
    const month = /\p{L}{3,}/u.exec(d.replace(/\d+(?:st|nd|rd|th)/gu, ''))?.[0];
    const year = /\b(?:19|20)\d\d\b/u.exec(d)?.[0];
    const day = /\b(\d{1,2})(?:st|nd|rd|th)?\b/u.exec(d.replace(/\b(?:19|20)\d\d\b/u, ''))?.[1];
    const m = month ? monthNumber(month) : null;
    // A numeric date ("01/06/2026") is read as it stands: any such date counts as an answer.
    if (!year || m === null) return true;
    const from = `${year}-${String(m).padStart(2, '0')}-${day ? day.padStart(2, '0') : '01'}`;
    const to = day ? from : `${year}-${String(m).padStart(2, '0')}-31`;
    if (!u.dates.some((q) => q.from <= to && from <= q.to)) return true;
  }
  return false;
}

/** Below this share of the question's own words, a passage is not an answer: say so instead of guessing. */
const MIN_COVERAGE = 0.5;

export function passageTitle(p: Passage): string {
  return p.item ? `${p.title}, ${p.item}` : p.title;
}

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

/** The sentence of a passage to show: the best for the question, or the first the scope says to quote. */
function shownSentence(text: string, u: Understanding, scope: PassageScope | undefined): string {
  const wanted = scope?.quotes ? text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u).find((s) => scope.quotes!.test(s)) : undefined;
  return wanted ?? bestSentence(text, u);
}

/** Passages that cover enough of the question, best first; a date in the question narrows to that meeting's papers. */
export function findPassages(index: PaperIndex, u: Understanding, limit = 3, scope?: PassageScope): { passage: Passage; coverage: number }[] {
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
  const needsAmount = NEEDS_AMOUNT.test(u.text);
  const needsFigure = needsAmount || NEEDS_FIGURE.test(u.text);
  const needsWhen = NEEDS_WHEN.test(u.text);
  const prefersFigure = PREFERS_FIGURE.test(u.text);
  const prefersDate = !needsWhen && PREFERS_DATE.test(u.text);
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
  const current = CURRENT.test(u.text) || (needsFigure && u.dates.length === 0 && years.length === 0);
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
    // With one or two words, half is one word: too little to be sure the passage is about the question.
    if (coverage < enough) continue;
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
    const countedHit = counted && !ASKS_PERCENT.test(u.text) && counted.test(text) ? COUNTED_PASSAGE_WEIGHT : 1;
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

/**
 * A typed word of letters and digits ("q3", "ks2") names one thing: a text without it (or its glossary
 * meaning, "quarter 3") is about another, however much else it shares.
 */
export function holdsIdentifiers(u: Understanding, text: string): boolean {
  const lower = text.toLowerCase();
  // Papers may space it ("20 mph", "KS 2").
  const spaced = (t: string): RegExp => new RegExp(t.replace(/(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/gu, '\\s?'), 'u');
  const identifiers = u.typed.filter((t) => /\d/u.test(t) && /[a-z]/u.test(t)).every((t) => spaced(t).test(lower) || glossaryPhrases([t]).some((p) => lower.includes(p)));
  // Shorthand for a name of several words ("wsoa": written statement of action) names one thing too:
  // a text needs the shorthand or one of its meanings, not a "statement" and an "action" apart.
  return identifiers && u.typed.filter((t) => glossaryPhrases([t]).length > 0).every((t) => holdsWord(lower, t) || meaningsOf(t).some((m) => holdsWord(lower, m)));
}

/** Whether `lower` holds `phrase` as whole words. */
function holdsWord(lower: string, phrase: string): boolean {
  let at = lower.indexOf(phrase);
  while (at >= 0) {
    const before = at === 0 ? ' ' : lower[at - 1]!;
    const after = lower[at + phrase.length] ?? ' ';
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = lower.indexOf(phrase, at + 1);
  }
  return false;
}

/** Words a passage needs beyond its headings (its paper's title, its item, committee names, dates) to say something. */
const MIN_OWN_WORDS = 3;

function saysSomething(index: PaperIndex, p: Passage, text: string): boolean {
  const heading = new Set([...words(p.title), ...words(p.item ?? ''), ...committeeWords(index)]);
  let own = 0;
  for (const w of words(text)) if (!heading.has(w) && !STOP_WORDS.has(w) && !/^\d/u.test(w) && monthNumber(w) === null && ++own >= MIN_OWN_WORDS) return true;
  return false;
}

/** Whether a sentence of the text gives a date and holds some of the question's words: what a "when" asks. */
function datedSentence(text: string, focus: readonly string[], u: Understanding, yearWillDo = false): boolean {
  return text.split(/(?<=[.;])\s+/u).some((s) => (givesOtherDate(s, u) || (yearWillDo && givesOtherYear(s, u))) && sentenceScore(s, focus) > 0);
}

/** How much a passage's best sentence (its focus words and phrases) counts in its rank. */
const SENTENCE_WEIGHT = 0.25;
/** About a long sentence's length: past it, a sentence's words count for less. */
const SENTENCE_CHARS = 300;
/** A passage with this many tabs is a table's cells: a sentence saying the same is easier to read and cite. */
const TABLE_TABS = 4;
const TABLE_WEIGHT = 0.6;

/** Ranks below the paragraph it follows, so a paragraph that answers by itself still comes first. */
const CONTINUATION_WEIGHT = 0.8;

function continuation(index: PaperIndex, hit: PassageHit): (PassageHit & { context: Passage })[] {
  const next = following(index, hit.passage);
  if (!next) return [];
  return [{ passage: next, score: hit.score * CONTINUATION_WEIGHT, terms: hit.terms, context: hit.passage }];
}

/** The passage after `p` in the same item of the same paper, if it follows within a few lines. */
function following(index: PaperIndex, p: Passage): Passage | undefined {
  const next = index.passage(p.id + 1);
  // A heading ("## AOB") starts another subject, whatever item the parser put it under.
  return next && next.source.file === p.source.file && next.item === p.item && next.source.lineStart - p.source.lineEnd <= 4 && !HEADING.test(next.text) ? next : undefined;
}

/** An item this long at most is quoted whole for a "who" question. */
const SHORT_ITEM_LINES = 16;

/** The last passage of a short item `p` opens (the same item, no heading between), or undefined when it is one passage or long. */
function restOfShortItem(index: PaperIndex, p: Passage): Passage | undefined {
  let last: Passage | undefined;
  for (let q = following(index, p); q; q = following(index, q)) {
    if (q.source.lineEnd - p.source.lineStart >= SHORT_ITEM_LINES) return undefined;
    last = q;
  }
  return last;
}

/** The share of a question's words a paragraph read with the one before it must hold. */
const FOLLOW_ON_COVERAGE = 0.75;

/** A Markdown heading at the start of a passage. */
const HEADING = /^\s*#{1,6}\s/u;

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

/** The sentence of a passage that holds most of the question's words (the first of equals). */
export function bestSentence(text: string, u: Understanding): string {
  const score = sentenceScorer(u);
  let best: string | undefined;
  let bestScore = -Infinity;
  for (const s of text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u)) {
    if (s.length === 0) continue;
    const n = score(s);
    if (n > bestScore) {
      best = s;
      bestScore = n;
    }
  }
  return best ?? text;
}

/**
 * How well a sentence answers the question, read once per question: a question's passages are many
 * (up to 120 candidates, each of several sentences), and its rules (the focus words, the counted
 * thing's pattern, whether it wants a figure or a date) are the same for all of them.
 */
const scorers = new WeakMap<Understanding, (sentence: string) => number>();

function sentenceScorer(u: Understanding): (sentence: string) => number {
  let score = scorers.get(u);
  if (!score) {
    const focus = focusWords(u);
    // "How many" wants the sentence with the figure, best the figure of the thing counted ("how many roads": "97 roads").
    const counted = countedWords(u);
    const wantsFigure = NEEDS_FIGURE.test(u.text) || PREFERS_FIGURE.test(u.text);
    const wantsWhen = NEEDS_WHEN.test(u.text) || PREFERS_DATE.test(u.text);
    const wantsAmount = NEEDS_AMOUNT.test(u.text);
    score = (s: string): number => {
      const words = sentenceScore(s, focus);
      // "How much does it cost": the sentence with the amount, not the one that names the thing.
      const amount = wantsAmount && /£\s?\d/u.test(s) ? COUNTED_BONUS : 0;
      return words + (wantsFigure && holdsFigure(s, u) ? 2 : 0) + amount + (counted?.test(s) ? COUNTED_BONUS : 0) + (wantsWhen && words > 0 && givesOtherDate(s, u) ? 3 : 0);
    };
    scorers.set(u, score);
  }
  return score;
}

/**
 * Whether a text holds a figure beyond the numbers the question typed itself: "attainment 8 score" is a
 * name, and a list of "Attainment 8 score per pupil" headings gives no score.
 */
function holdsFigure(text: string, u: Understanding): boolean {
  // "% of schools good or outstanding?" wants a percentage, not the "16-17 year olds" of a list of measures.
  if (ASKS_PERCENT.test(u.text)) return PERCENTAGE.test(text);
  for (const [n] of text.matchAll(/\d+(?:[.,]\d+)*/gu)) if (!u.typed.includes(n)) return true;
  return false;
}

const ASKS_PERCENT = /%|\bper ?cent(?:age)?\b|\bpercentage\b/u;
const PERCENTAGE = /\d\s?%|\d\s?per ?cent\b/u;

/** Sentences of figures quoted after the best one: results run on ("50 responded ... 60% in favour"). */
const MAX_FIGURE_SENTENCES = 2;
const MAX_FIGURE_CHARS = 500;

/** The sentence, with the sentences after it in the passage that carry figures too, as one quote. */
function withFiguresAfter(text: string, sentence: string): string {
  const sentences = text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u).map((x) => x.replace(/\*\*/gu, '').trim());
  const at = sentences.indexOf(sentence);
  if (at < 0) return sentence;
  let said = sentence;
  for (const next of sentences.slice(at + 1, at + 1 + MAX_FIGURE_SENTENCES)) {
    if (!/\d/u.test(next) || said.length + next.length > MAX_FIGURE_CHARS) break;
    said = `${said} ${next}`;
  }
  return said;
}

/** A deadline's passage that gives no date of its own ranks well below one that does. */
const DATELESS_WEIGHT = 0.1;

/** A figure of the very thing counted outweighs a heading's words: it is the answer. */
const COUNTED_BONUS = 5;
/** How many words after "how many" name the thing counted, besides those "and"/"or" join on. */
const COUNTED_HEAD_WORDS = 2;
/** A passage holding a figure of the thing counted ranks well ahead of passages that only name it. */
const COUNTED_PASSAGE_WEIGHT = 3;

/**
 * "How many roads ...": a figure followed, within two words, by the thing counted ("97 roads", "12 new
 * schools"). The thing counted is the run of words after "how many" ("public qs and statements"), each
 * word with the glossary's expansions of it ("qs": "questions"), so "94 questions had been received" counts.
 */
function countedWords(u: Understanding): RegExp | null {
  const stems = countedGroups(u).flat();
  return stems.length === 0 ? null : countedPattern(stems);
}

/** The things counted, one group of stems per word typed: "qs and statements" is [[qs, question], [statement]]. */
function countedGroups(u: Understanding): string[][] {
  const run = /\bhow many ((?:[\p{L}\p{N}&'-]+(?:,?\s+(?:and|or)\s+|,\s*|\s+|$))+)/u.exec(u.text)?.[1];
  if (!run) return [];
  const groups: string[][] = [];
  // The thing counted is the first words of the run ("public qs") and what "and"/"or" joins to them
  // ("... and statements"), not the rest of the question ("signed the ... petition": only "signed").
  const words = run.split(/[^\p{L}\p{N}]+/u);
  let taken = 0;
  for (const [i, w] of words.entries()) {
    if (w === '' || STOP_WORDS.has(w)) continue;
    const joined = i > 0 && /^(?:and|or)$/u.test(words[i - 1] ?? '');
    if (taken >= COUNTED_HEAD_WORDS && !joined) break;
    taken++;
    // The run ends at the first word that is not the topic (a verb, "came", still is: it is kept, harmlessly).
    if (!u.topic.includes(w)) break;
    const stems = [...new Set([w, ...expansionsOf(u, w)].map((x) => stem(x).replace(/[^\p{L}\p{N}]/gu, '')).filter((x) => x.length > 1))];
    if (stems.length > 0) groups.push(stems);
  }
  return groups;
}

/**
 * A count, not a year, and within its sentence, with at most two plain words between it and the thing
 * ("27 valid questions"): "26 March 2026. Statements should be emailed" and "485 KB - Public" count nothing.
 */
function countedPattern(stems: readonly string[]): RegExp {
  return new RegExp(`(?<![\\d.,/])(?!(?:19|20)\\d\\d\\b)\\d[\\d,]*(?:\\.\\d+)?\\s+(?:\\p{Ll}[\\p{Ll}'’-]*\\s+){0,2}?(?:${stems.join('|')})`, 'iu');
}

/**
 * "How many questions and statements": when the best passage counts one of them ("16 valid statements"),
 * the passage counting another ("27 valid questions") follows it.
 */
function countedComplement<F extends { readonly passage: Passage }>(u: Understanding, found: readonly F[]): F | undefined {
  const [first, ...rest] = found;
  const groups = countedGroups(u).map(countedPattern);
  if (!first || groups.length < 2) return undefined;
  const counts = groups.filter((g) => g.test(first.passage.text));
  if (counts.length === 0) return undefined;
  const missing = groups.filter((g) => !counts.includes(g));
  return rest.find((f) => missing.some((g) => g.test(f.passage.text)));
}

/** The topic words the glossary added after a typed word: "qs" is followed by "questions". */
function expansionsOf(u: Understanding, word: string): string[] {
  const at = u.topic.indexOf(word);
  const out: string[] = [];
  for (const w of u.topic.slice(at + 1)) {
    if (u.typed.includes(w)) break;
    out.push(w);
  }
  return out;
}

/** What a quote should keep: the question's phrases, its date words and its topic. */
export function focusWords(u: Understanding): string[] {
  return [...u.phrases, ...u.dateWords, ...u.topic.filter((t) => t.length > 2)];
}

export function answerFromPassages(index: PaperIndex, asked: Understanding, kind: Exclude<AnswerKind, 'not_found'> = 'fact', scope?: PassageScope): Answer {
  const u = withoutCommitteeName(index, asked);
  const pool = findPassages(index, u, COMPLEMENT_POOL, scope);
  const complement = countedComplement(u, pool) ?? complementOf(u, pool);
  const found = complement ? [pool[0]!, complement, ...pool.slice(1).filter((f) => f !== complement)].slice(0, 3) : pool.slice(0, 3);
  if (found.length === 0) {
    const where = u.dates.length > 0 ? ` for ${u.dates.map((d) => (d.exactDay ? shortDate(d.from) : d.label)).join(', ')}` : '';
    return discussedWithoutFigure(index, u, scope) ?? notFound(index, `I could not find that in the papers${where}.`);
  }
  const top = bestSentence(found[0]!.passage.text, u);
  // A figure left as a placeholder ("there are xxx children") is a gap in the papers, not an answer.
  if (/\bx{2,}\b|\[\s*(?:tbc|x+)\s*\]/iu.test(top)) {
    return notFound(index, `The papers leave that figure blank: "${top.trim()}".`);
  }
  const cites = new CitationList();
  // "What is the vacancy rate now?": the newest figure leads; older papers' figures follow as its history.
  const history = CURRENT.test(u.text) && (NEEDS_FIGURE.test(u.text) || PREFERS_FIGURE.test(u.text));
  const leadDate = passageDate(index, found[0]!.passage);
  const parts = found.map(({ passage: p }, k) => {
    const where = `${p.title}${p.item ? `, ${p.item}` : ''}`;
    const sentence = shownSentence(p.text, u, scope).replace(/\*\*/gu, '').trim();
    // A sentence that ends "...:" (perhaps with a bracketed note) leads into what follows (a list, a row of figures): that is the answer too.
    const next = k === 0 && LEAD_IN.test(sentence) ? following(index, p) : undefined;
    // "Who were elected": a short item listing people in several paragraphs (each role, then who proposed)
    // is quoted whole, so the quote holds every name asked for, not the first paragraph's.
    const rest = k === 0 && !next && u.kind === 'who' ? restOfShortItem(index, p) : undefined;
    const end = (next ?? rest)?.source.lineEnd ?? p.source.lineEnd;
    const c = cites.add(citeLines(index, p.source.file, p.source.lineStart, end, passageTitle(p), p.meetingDate, p.source.page, focusWords(u)));
    // A passage that says what the first leaves out ("and how much of the network") is quoted too.
    if (k === 1 && complement) return `And ${where}: "${sentence}" ${c}`;
    const date = passageDate(index, p);
    if (k > 0 && history && date !== null && leadDate !== null && date < leadDate && holdsFigure(sentence, u)) return `Earlier (${shortDate(date)}), ${where}: "${sentence}" ${c}`;
    if (k > 0) return `See also ${where} ${c}.`;
    const said = NEEDS_FIGURE.test(u.text) || PREFERS_FIGURE.test(u.text) ? withFiguresAfter(p.text, sentence) : sentence;
    return `${where}: "${said}${next ? ` ${bestSentence(next.text, u).replace(/\*\*/gu, '').trim()}` : ''}" ${c}`;
  });
  return { kind, text: parts.join('\n\n'), citations: cites.items, followUps: [] };
}

/** The related passages a "no figure" answer cites, at most. */
const RELATED_PASSAGES = 3;

/**
 * A figure or amount asked, and no passage on the topic holds one: the papers discuss it but give no
 * figure. Still "not in the papers" (the value asked is not there), with the passages that discuss it
 * cited, so the user can read what they do say.
 */
function discussedWithoutFigure(index: PaperIndex, u: Understanding, scope: PassageScope | undefined): Answer | null {
  if (!NEEDS_FIGURE.test(u.text) && !NEEDS_AMOUNT.test(u.text)) return null;
  // The same search, the wording that asks for a figure left out.
  const related = findPassages(index, { ...u, text: u.typed.join(' ') }, RELATED_PASSAGES, scope);
  if (related.length === 0) return null;
  const cites = new CitationList();
  const marks = related.map(({ passage: p }) => cites.add(citeLines(index, p.source.file, p.source.lineStart, p.source.lineEnd, passageTitle(p), p.meetingDate, p.source.page, focusWords(u))));
  const denied = notFound(index, `The papers discuss ${u.typed.join(' ')} ${marks.join(' ')} but give no figure for it.`);
  return { ...denied, citations: cites.items };
}

/** Letters of a word's stem that say which word it is, when comparing what passages hold. */
const COMPARED_LETTERS = 6;

/** How many of the best passages are looked through for one that says what the best leaves out. */
const COMPLEMENT_POOL = 10;

/**
 * The passage, after the best, that holds most of the question's typed words the best does not (with a
 * figure, when a figure is asked): a question in two parts is often answered by two passages of one item.
 */
function complementOf<F extends { readonly passage: Passage }>(u: Understanding, found: readonly F[]): F | undefined {
  const [first, ...rest] = found;
  if (!first) return undefined;
  // Compared by their first letters: "propose" and "proposals" are one word here, whatever their stems.
  const key = (w: string): string => stem(w).slice(0, COMPARED_LETTERS);
  const held = (p: Passage): Set<string> => new Set([...stemsOf(`${p.text} ${p.title} ${p.item ?? ''}`)].map((s) => s.slice(0, COMPARED_LETTERS)));
  const firstHolds = held(first.passage);
  const missing = [...new Set(u.typed.map(key))].filter((t) => !firstHolds.has(t));
  if (missing.length === 0) return undefined;
  const figure = NEEDS_FIGURE.test(u.text) || NEEDS_AMOUNT.test(u.text);
  const holding = rest.map((f) => held(f.passage));
  // A missing word most of the passages hold ("proposed") tells them apart less than one few hold ("network").
  const weight = new Map(missing.map((t) => [t, 1 / Math.max(1, holding.filter((h) => h.has(t)).length)]));
  let best: F | undefined;
  let most = 0;
  for (const [k, f] of rest.entries()) {
    if (figure && !/\d/u.test(f.passage.text)) continue;
    const n = missing.reduce((sum, t) => sum + (holding[k]!.has(t) ? weight.get(t)! : 0), 0);
    if (n > most) {
      most = n;
      best = f;
    }
  }
  return best;
}

export function answerWho(index: PaperIndex, u: Understanding): Answer {
  switch (u.detail) {
    case 'contact':
      return answerContact(index, u);
    case 'cabinet_member':
    case 'accountable':
      return answerReportPeople(index, u);
    case 'presenter':
      return answerPresenter(index, u);
    default:
      return answerRole(index, u) ?? answerFromPassages(index, u, 'who');
  }
}

function answerContact(index: PaperIndex, u: Understanding): Answer {
  const m = targetMeeting(index, u, (x) => x.contact !== null);
  if (!m?.contact) return notFound(index, 'The papers give no scrutiny contact.');
  const sheet = m.records.find((r) => r.evidence === 'front_sheet')?.source;
  const cites = new CitationList();
  let c = '';
  if (sheet) {
    const from = findLine(index, sheet.file, sheet.lineStart, sheet.lineStart + 80, m.contact.name);
    const to = m.contact.phone ? findLine(index, sheet.file, from ?? sheet.lineStart, sheet.lineStart + 80, m.contact.phone.slice(0, 5)) : from;
    if (from) c = cites.add(citeLines(index, sheet.file, from, Math.max(from, to ?? from), `Agenda front sheet - ${shortDate(m.date)}, contact`, m.date));
  }
  const details = [m.contact.phone ? `tel ${m.contact.phone}` : null, m.contact.email].filter(Boolean).join(', ');
  return { kind: 'who', text: `The scrutiny contact is ${m.contact.name}${details ? ` (${details})` : ''} ${c}.`, citations: cites.items, followUps: [] };
}

type PersonField = 'cabinetMember' | 'accountableEmployee';

/** The people a report cover names, what the answer calls each, and the words that ask for them (not the report's topic). */
const REPORT_PEOPLE: Record<PersonField, { readonly detail: Detail; readonly label: string; readonly asking: RegExp; readonly coverLabel: RegExp }> = {
  cabinetMember: { detail: 'cabinet_member', label: 'cabinet member', asking: /^(?:cabinet|member|portfolio|holder|councillor|who)$/u, coverLabel: /^Cabinet member/iu },
  accountableEmployee: { detail: 'accountable', label: 'accountable employee', asking: /^(?:accountable|officer|author|responsible|lead|employee|who)$/u, coverLabel: /^Accountable employee/iu },
};

/** Whether the question asks for `detail` too, as the grammar's own rule for it reads (it may have matched another first). */
function alsoAsks(detail: Detail, q: string): boolean {
  return KIND_RULES.some((r) => r.detail === detail && r.when.every((re) => re.test(q)) && !r.unless.some((re) => re.test(q)));
}

/** An agenda item names its presenter beside its title ("[Name, Title, to present report]"), not further down. */
const AGENDA_HEAD_LINES = 3;

const PRESENTER_BRACKET = /\[([^\]]*\bto (?:present|introduce)\b[^\]]*)\]/iu;

/** The bracketed presenter line of an agenda item, as printed, or null. */
function presenterBracket(index: PaperIndex, span: { file: string; lineStart: number; lineEnd: number }): string | null {
  const lines = index.lines(span.file) ?? [];
  for (let n = span.lineStart; n <= span.lineEnd; n++) {
    const found = PRESENTER_BRACKET.exec(lines.at(n - 1) ?? '');
    if (found) return found[1]!.trim();
  }
  return null;
}

/** The report an agenda item is for: the same meeting (or undated) and most of the item's title words. */
function reportFor(index: PaperIndex, title: string, meetingDate: string): Report | undefined {
  const wanted = [...stemsOf(title)];
  return index.corpus.reports
    .filter((r) => r.accountableEmployee && (r.meetingDate === null || r.meetingDate === meetingDate))
    .map((r) => ({ r, held: wanted.filter((w) => stemsOf(r.title).has(w)).length }))
    .filter(({ held }) => held >= Math.max(1, wanted.length / 2))
    .sort((x, y) => y.held - x.held)[0]?.r;
}

/**
 * The lines of a report cover that give a person: the cover's own label line where the agenda-pack layout
 * has one ("Cabinet member with lead responsibility"), else the line the name starts on ("Report by ...",
 * "Relevant Portfolio Holder: ..."), through the line it ends on.
 */
function personLines(index: PaperIndex, r: Report, field: PersonField): { from: number; to: number } | null {
  const { file, lineStart } = r.source;
  const labelled = findLine(index, file, lineStart, lineStart + 15, REPORT_PEOPLE[field].coverLabel);
  if (labelled) return { from: labelled, to: labelled };
  const value = (r[field] ?? '').replace(/\s+/gu, ' ').trim();
  if (!value) return null;
  const from = findLine(index, file, lineStart, lineStart + COVER_LINES, value.slice(0, 20));
  if (!from) {
    // A cover that gives the name and the job title apart ("... report: Adam Crowther Job title: Head of ...").
    const name = findLine(index, file, lineStart, lineStart + COVER_LINES, value.split(/[,:]/u)[0]!);
    return name ? { from: name, to: name } : null;
  }
  const lines = index.lines(file) ?? [];
  let to = from;
  // A name wrapped onto the next line ("Portfolio Holder for Sustainable / Transport and ...") is cited whole.
  while (to < from + 3 && to < lines.length && !lines.slice(from - 1, to).join(' ').replace(/\s+/gu, ' ').includes(value)) to++;
  return { from, to };
}

/** How far into a report its cover's people are looked for. */
const COVER_LINES = 40;

function answerReportPeople(index: PaperIndex, u: Understanding): Answer {
  const main: PersonField = u.detail === 'cabinet_member' ? 'cabinetMember' : 'accountableEmployee';
  const other: PersonField = main === 'cabinetMember' ? 'accountableEmployee' : 'cabinetMember';
  // "Who wrote it and which portfolio holder is responsible": both people, from one cover.
  const fields = alsoAsks(REPORT_PEOPLE[other].detail, u.text) ? [main, other] : [main];
  const typed = u.typed.filter((t) => !fields.some((f) => REPORT_PEOPLE[f].asking.test(t)));
  const look = answerLookups(index);
  const matches = (fields.includes('cabinetMember') ? look.reportTitlesWithCabinetMember : look.reportTitles).match(u.topic, typed);
  const reports = index.corpus.reports
    .map((r, id) => ({ r, m: matches.get(id) ?? NO_MATCH }))
    .filter(({ r }) => r[main])
    .filter(({ r }) => u.dates.length === 0 || u.dates.some((d) => inRef(r.meetingDate, d)))
    .filter((x) => typed.length === 0 || x.m.coverage >= 0.5)
    .sort((a, b) => b.m.hits - a.m.hits);
  if (reports.length === 0) return answerFromPassages(index, u, 'who');
  const cites = new CitationList();
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const { r } of reports) {
    const key = `${r.meetingDate}|${fields.map((f) => r[f]).join('|')}`;
    if (seen.has(key) || lines.length >= 6) continue;
    seen.add(key);
    const named = fields.filter((f) => r[f]).map((f) => ({ f, at: personLines(index, r, f) }));
    const found = named.flatMap(({ at }) => (at ? [at] : []));
    const first = Math.min(...found.map((x) => x.from), r.source.lineStart + COVER_LINES);
    const last = found.length > 0 ? Math.max(...found.map((x) => x.to)) : r.source.lineStart;
    const titleLine = found.length > 0 ? (findLine(index, r.source.file, r.source.lineStart, first, /^Report title/iu) ?? first) : r.source.lineStart;
    const c = cites.add(citeLines(index, r.source.file, titleLine, last, `Report - ${r.title}${r.meetingDate ? `, ${shortDate(r.meetingDate)}` : ''}`, r.meetingDate));
    // In the order the cover gives them.
    const said = [...named].sort((a, b) => (a.at?.from ?? 0) - (b.at?.from ?? 0)).map(({ f }) => `${REPORT_PEOPLE[f].label} ${r[f]}`);
    lines.push(`${r.meetingDate ? `${shortDate(r.meetingDate)}, ` : ''}"${r.title}": ${said.join('; ')} ${c}`);
  }
  return { kind: 'who', text: lines.map((l) => `- ${l}`).join('\n'), citations: cites.items, followUps: [] };
}

/** Minutes say who presented: "The Chair invited Brenda Wile, Deputy Director of Education, to present the report." */
function answerPresenter(index: PaperIndex, u: Understanding): Answer {
  const asking = (t: string): boolean => /^(?:presented|present|presents|presenter|presentation|presenting|introduced|introducing|did|led|leading)$/u.test(t);
  const typed = u.typed.filter((t) => !asking(t));
  const uu = { ...u, typed, topic: u.topic.filter((t) => !asking(t)) };
  const look = answerLookups(index);
  const titles = look.itemTitles.match(uu.topic, typed);
  const items = [...titles]
    .map(([k, m]) => ({ ...look.minuteItems[k]!, m }))
    .filter(({ minutes }) => u.dates.length === 0 || u.dates.some((d) => inRef(minutes.meetingDate, d)))
    // Minutes of a meeting still to come on the day asked cannot be known then: the agenda says who will present.
    .filter(({ minutes }) => minutes.meetingDate <= u.asOf)
    .map(({ item: i, m }) => ({ i, m }))
    .filter((x) => x.m.coverage >= 0.5)
    .sort((a, b) => b.m.hits - a.m.hits);
  const cites = new CitationList();
  const lines: string[] = [];
  const agendaTitles = look.agendaTitles.match(uu.topic, typed);
  const agendaBest = Math.max(0, ...[...agendaTitles.values()].map((m) => m.coverage));
  const agendaBestHits = Math.max(0, ...[...agendaTitles.values()].filter((m) => m.coverage === agendaBest).map((m) => m.hits));
  // An agenda item that fits the question better than any minuted one is the item meant: more of the
  // question's words, or as many and more of their meanings ("psw": principal, social, worker).
  const fitsAsWell = (m: TopicMatch): boolean => m.coverage > agendaBest || (m.coverage === agendaBest && m.hits >= agendaBestHits);
  for (const { i } of items.filter((x) => fitsAsWell(x.m)).slice(0, 2)) {
    const { file, lineStart, lineEnd } = i.source;
    const first = findLine(index, file, lineStart, Math.min(lineEnd, lineStart + 12), /invited|to present|introduced|presented/iu);
    if (!first) continue;
    const second = findLine(index, file, first + 1, Math.min(lineEnd, first + 6), /introduced|invited|contributing|presented/iu);
    const c = cites.add(citeLines(index, file, first, second ?? first, `Minutes - ${shortDate(i.meetingDate)}, item ${i.number} ${i.title}`, i.meetingDate));
    const people = (index.lines(file) ?? []).slice(first - 1, second ?? first).join(' ');
    lines.push(`${shortDate(i.meetingDate)}, item ${i.number} ${i.title}: ${people.trim()} ${c}${heldBy(index, i, cites)}`);
  }
  if (lines.length > 0) return { kind: 'who', text: lines.join('\n\n'), citations: cites.items, followUps: [] };
  // An agenda item whose presenter the parser did not single out still names them in its own lines.
  const agenda = [...agendaTitles]
    .filter(([, m]) => m.coverage >= 0.5)
    .sort(([ia, a], [ib, b]) => b.coverage - a.coverage || Number(index.corpus.agendaItems[ib]!.presenter !== null) - Number(index.corpus.agendaItems[ia]!.presenter !== null))
    .map(([id]) => index.corpus.agendaItems[id]!);
  if (agenda.length > 0) {
    const a = agenda[0]!;
    // An agenda that names no presenter: the report's cover says who wrote it, the officer who presents it.
    const namesPresenter = Boolean(a.presenter) || findLine(index, a.source.file, a.source.lineStart, Math.min(a.source.lineEnd, a.source.lineStart + AGENDA_HEAD_LINES), /\bto (?:present|introduce)\b|\bpresenting\b|\bpresenter\b/iu) !== null;
    const report = namesPresenter ? undefined : reportFor(index, a.title, a.meetingDate);
    const author = report ? personLines(index, report, 'accountableEmployee') : null;
    if (report && author) {
      const c = cites.add(citeLines(index, report.source.file, author.from, author.to, `Report - ${report.title}`, report.meetingDate));
      return { kind: 'who', text: `${a.title} (${shortDate(a.meetingDate)}): the agenda names no presenter; the report is by ${report.accountableEmployee} ${c}.`, citations: cites.items, followUps: [] };
    }
    const c = cites.add(citeLines(index, a.source.file, a.source.lineStart, a.source.lineEnd, `Agenda - ${shortDate(a.meetingDate)}, item ${a.number}`, a.meetingDate));
    // The agenda's own words for who presents ("[Name, Title, and Name, Title, to present report]"), quoted.
    const bracket = a.presenter ? null : presenterBracket(index, a.source);
    const who = a.presenter ?? (bracket ? `"${bracket}"` : namesPresenter ? 'the agenda item names who presents it' : 'the agenda item names no presenter');
    return { kind: 'who', text: `${a.title} (${shortDate(a.meetingDate)}): ${who} ${c}`, citations: cites.items, followUps: [] };
  }
  return answerFromPassages(index, u, 'who');
}

/** Where the minutes name the presenter by role alone ("The Head of City Transport introduced ..."): who held it then. */
function heldBy(index: PaperIndex, item: MinuteItem, cites: CitationList): string {
  const holder = presenterOf(index, item)?.holder;
  return holder ? ` The ${holder.role} then was ${holder.name} ${cites.add(citeRecord(index, holder))}.` : '';
}
