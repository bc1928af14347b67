import type { Answer, Report } from '../../model';
import type { PaperIndex } from '../../search';
import { answerLookups } from '../answerLookups';
import { citeLines, CitationList, findLine } from '../cite';
import { inRef, shortDate } from '../dateRefs';
import { NO_MATCH } from '../match';
import { notFound } from '../notFound';
import { answerFromPassages } from '../compose/passages';
import type { Reading } from '../read';
import { orNext, type QuestionKind, readAs } from './kind';

/** Words that ask for recommendations, not name the report. */
const ASKING = /^(?:recommend\w*|report|reports|paper|papers|officers?|asks?|asking|wants?)$/u;
/** A recommendation is found by its opening words: the parser joined its cells and spaces. */
const OPENING_CHARS = 40;

/** The lines of a report's recommendations, as printed: from the first to the last. */
function recommendationLines(index: PaperIndex, r: Report): { from: number; to: number } | null {
  const { file, lineStart, lineEnd } = r.source;
  const at = r.recommendations
    .map((text) => findLine(index, file, lineStart, lineEnd, text.slice(0, OPENING_CHARS)))
    .filter((n): n is number => n !== null);
  return at.length > 0 ? { from: Math.min(...at), to: Math.max(...at) } : null;
}

function answerRecommendations(index: PaperIndex, u: Reading): Answer {
  const typed = u.typed.filter((t) => !ASKING.test(t));
  const matches = answerLookups(index).reportTitles.match(u.topic.filter((t) => !ASKING.test(t)), typed);
  const best = index.corpus.reports
    .map((r, id) => ({ r, m: matches.get(id) ?? NO_MATCH }))
    .filter(({ r }) => r.recommendations.length > 0)
    .filter(({ r }) => u.dates.length === 0 || u.dates.some((d) => inRef(r.meetingDate, d)))
    .filter(({ m }) => typed.length === 0 || m.coverage >= 0.5)
    .sort((a, b) => b.m.hits - a.m.hits || (b.r.meetingDate ?? '').localeCompare(a.r.meetingDate ?? ''))[0];
  // No report's title fits: the words may be in a report's text, or a minute ("the panel recommended").
  if (!best) return typed.length > 0 ? answerFromPassages(index, u, 'fact') : notFound(index, 'The papers hold no report with recommendations on that.');
  const { r } = best;
  const at = recommendationLines(index, r);
  if (!at) return answerFromPassages(index, u, 'fact');
  const cites = new CitationList();
  const c = cites.add(citeLines(index, r.source.file, at.from, at.to, `Report - ${r.title}${r.meetingDate ? `, ${shortDate(r.meetingDate)}` : ''}`, r.meetingDate, r.source.page));
  const list = r.recommendations.map((text, k) => `${k + 1}. ${text}`).join('\n');
  return { kind: 'fact', text: `The report "${r.title}"${r.meetingDate ? ` (${shortDate(r.meetingDate)})` : ''} recommends ${c}:\n\n${list}`, citations: cites.items, followUps: [] };
}

/** "What does the residential review report recommend?": a report's own recommendations, as printed. */
export const recommendations: QuestionKind = { name: 'recommendations', hears: readAs('recommendations'), answer: (index, r, next) => orNext(answerRecommendations(index, r), next) };
