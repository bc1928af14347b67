import { phrase, spellOut } from '../questionGrammar';

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
 * The questions a message asks, read from its wording once: the message with the papers' shorthand
 * written out ("cttee"), and its parts, one a question ("when is the next meeting and who chairs it?"
 * is two), or the message whole when it asks one thing.
 */
export function questionsAsked(message: string): { readonly whole: string; readonly parts: readonly string[] } {
  const whole = spellOut(message);
  return { whole, parts: splitIntents(whole) };
}
