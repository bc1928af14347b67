import type { Answer, AnswerKind } from '../../model';
import type { PaperIndex, Passage } from '../../search';
import { passageDate } from '../answerLookups';
import { CitationList, citeLines } from '../cite';
import { shortDate } from '../dateRefs';
import { stem, stemsOf } from '../match';
import { withoutCommitteeName } from '../namedCommittee';
import { notFound } from '../notFound';
import { type Reading, valueWanted } from '../read';
import { following, restOfShortItem } from './neighbours';
import { findPassages, LEAD_IN, type PassageScope } from './passageSearch';
import { bestSentence, focusWords, withFiguresAfter } from './sentences';
import { countedComplement, holdsFigure } from './valuesWanted';
/** An answer quoted from passages: the best, what it leaves out, and their citations. */

export function passageTitle(p: Passage): string {
  return p.item ? `${p.title}, ${p.item}` : p.title;
}

/** The sentence of a passage to show: the best for the question, or the first the scope says to quote. */
function shownSentence(text: string, u: Reading, scope: PassageScope | undefined): string {
  const wanted = scope?.quotes ? text.replace(/\n/gu, ' ').split(/(?<=[.;])\s+/u).find((s) => scope.quotes!.test(s)) : undefined;
  return wanted ?? bestSentence(text, u);
}

export function answerFromPassages(index: PaperIndex, asked: Reading, kind: Exclude<AnswerKind, 'not_found'> = 'fact', scope?: PassageScope): Answer {
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
  const history = u.wanted.current && (u.wanted.figure || u.wanted.prefersFigure);
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
    const said = u.wanted.figure || u.wanted.prefersFigure ? withFiguresAfter(p.text, sentence) : sentence;
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
function discussedWithoutFigure(index: PaperIndex, u: Reading, scope: PassageScope | undefined): Answer | null {
  if (!u.wanted.figure && !u.wanted.amount) return null;
  // The same search, the wording that asks for a figure left out.
  const related = findPassages(index, { ...u, wanted: valueWanted(u.typed.join(' ')) }, RELATED_PASSAGES, scope);
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
function complementOf<F extends { readonly passage: Passage }>(u: Reading, found: readonly F[]): F | undefined {
  const [first, ...rest] = found;
  if (!first) return undefined;
  // Compared by their first letters: "propose" and "proposals" are one word here, whatever their stems.
  const key = (w: string): string => stem(w).slice(0, COMPARED_LETTERS);
  const held = (p: Passage): Set<string> => new Set([...stemsOf(`${p.text} ${p.title} ${p.item ?? ''}`)].map((s) => s.slice(0, COMPARED_LETTERS)));
  const firstHolds = held(first.passage);
  const missing = [...new Set(u.typed.map(key))].filter((t) => !firstHolds.has(t));
  if (missing.length === 0) return undefined;
  const figure = u.wanted.figure || u.wanted.amount;
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
