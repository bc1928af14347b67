import type { Answer, Citation } from '../model';
import { phrase } from './questionGrammar';

/** Where one question asks another ("... and who chairs it?"): data/question-grammar.json. */
const SEPARATOR = new RegExp(phrase('intentSeparator').source, 'giu');
/** "... in feb? if not, when's the next one": the part after depends on the one before, not a question alone. */
const DEPENDS_ON_PREVIOUS = phrase('intentDependsOnPrevious');
/** A part this short ("and?") is not a question of its own. */
const MIN_PART_WORDS = 2;
/** A pasted essay is not twenty questions: beyond this many parts, the question is read whole. */
const MAX_PARTS = 4;

/** The questions one message asks, in order; one part when it asks one thing. */
export function splitIntents(text: string): string[] {
  const parts = text
    .split(SEPARATOR)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2 || parts.length > MAX_PARTS) return [text];
  if (parts.some((p) => p.split(/\s+/u).length < MIN_PART_WORDS || DEPENDS_ON_PREVIOUS.test(p.toLowerCase()))) return [text];
  return parts;
}

/**
 * One answer to a question of several parts: the parts' texts in order, their citations in one
 * list (the same lines cited once) with each part's [n] markers renumbered to match.
 */
export function combineAnswers(answers: readonly Answer[]): Answer {
  const citations: Citation[] = [];
  const numbers = new Map<string, number>();
  const texts = answers.map((a) => {
    const renumber = a.citations.map((c) => {
      const key = `${c.file}\u0000${c.lineStart}\u0000${c.lineEnd}`;
      let n = numbers.get(key);
      if (n === undefined) {
        citations.push(c);
        n = citations.length;
        numbers.set(key, n);
      }
      return n;
    });
    // Only markers this part made: a number beyond its citations is text quoted from a paper.
    return a.text.replace(/\[(\d+)\]/gu, (marker, d: string) => {
      const n = renumber[Number(d) - 1];
      return n === undefined ? marker : `[${n}]`;
    });
  });
  const found = answers.filter((a) => a.kind !== 'not_found');
  const lead = found[0] ?? answers[0]!;
  const last = answers.at(-1)!;
  const meeting = found.find((a) => a.meeting)?.meeting;
  const agendaItems = found.flatMap((a) => a.agendaItems ?? []);
  const resolutions = found.flatMap((a) => a.resolutions ?? []);
  const context = last.context ?? lead.context;
  return {
    kind: lead.kind,
    text: texts.join('\n\n'),
    citations,
    ...(meeting ? { meeting } : {}),
    ...(agendaItems.length > 0 ? { agendaItems } : {}),
    ...(resolutions.length > 0 ? { resolutions } : {}),
    followUps: [...new Set(found.flatMap((a) => a.followUps))],
    ...(context ? { context } : {}),
  };
}
