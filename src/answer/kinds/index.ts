import { FALLBACK_KIND, GRAMMAR_KINDS } from '../questionGrammar';
import type { Reading } from '../read';
import { agenda } from './agenda';
import { fact } from './fact';
import { greeting } from './greeting';
import type { QuestionKind } from './kind';
import { lastMeeting } from './lastMeeting';
import { meetingDate } from './meetingDate';
import { meetingInfo } from './meetingInfo';
import { meetingList } from './meetingList';
import { nextMeeting } from './nextMeeting';
import { recommendations } from './recommendations';
import { resolution } from './resolution';
import { schedule } from './schedule';
import { timeline } from './timeline';
import { who } from './who';

export type { QuestionKind } from './kind';

/**
 * Every kind of question, by name. When a question is which kind is data: the rules of
 * data/question-grammar.json, tried in their order there. Adding a kind is a file here and a rule there.
 */
const KINDS: ReadonlyMap<string, QuestionKind> = new Map([agenda, fact, greeting, lastMeeting, meetingDate, meetingInfo, meetingList, nextMeeting, recommendations, resolution, schedule, timeline, who].map((k) => [k.name, k]));

// A rule naming a kind with no file is a mistake in the data: say so at start, not on the first question.
const unknown = [...GRAMMAR_KINDS].filter((name) => !KINDS.has(name));
if (unknown.length > 0) throw new Error(`data/question-grammar.json names kinds with no file in src/answer/kinds: ${unknown.join(', ')}`);

export function kindNamed(name: string): QuestionKind {
  const kind = KINDS.get(name);
  if (!kind) throw new Error(`no question kind "${name}"`);
  return kind;
}

export const KIND_NAMES: readonly string[] = [...KINDS.keys()];

/**
 * The kind that answers a reading: the first, in the order the grammar's rules read the question,
 * that hears it; the grammar's fallback kind when none does.
 */
export function kindHearing(reading: Reading): QuestionKind {
  for (const c of reading.candidates) {
    const kind = KINDS.get(c.kind);
    if (kind?.hears(reading)) return kind;
  }
  return [...KINDS.values()].find((k) => k.hears(reading)) ?? kindNamed(FALLBACK_KIND);
}
