import type { IsoDate, Meeting } from '../../model';
import { ANSWER_TYPES, candidateKinds, GREETINGS, PHRASE_NAMES, phrase } from '../questionGrammar';
import { lowerQuestion, understand } from '../understand';
import type { AnswerType, Reading } from './reading';

const REFERS_BACK = phrase('followUpRefersBack');
const PHRASES = PHRASE_NAMES.map((name) => [name, phrase(name)] as const);
/** What a kind gives when the wording asks no type of its own. */
const TYPE_OF_KIND: Readonly<Record<string, AnswerType>> = { resolution: 'decision', meeting_list: 'list', agenda: 'list', timeline: 'list', next_meeting: 'date', last_meeting: 'date', meeting_date: 'date' };

/**
 * Reads a question once. `asked` is the wording the kind is read from when it differs from `text`
 * (a committee's name put as "the panel", see committees.ts).
 */
export function readQuestion(text: string, asOf: IsoDate, meetings: readonly Meeting[], asked: string = text): Reading {
  const u = understand(text, asOf, meetings, asked);
  const q = lowerQuestion(asked).trim();
  const greeting = GREETINGS.find(([, re]) => re.test(q))?.[0] ?? null;
  const worded = ANSWER_TYPES.find(([, re]) => re.test(q))?.[0];
  return {
    ...u,
    candidates: candidateKinds(q, u.dates.length > 0),
    answerType: worded ?? TYPE_OF_KIND[u.kind] ?? 'text',
    greeting,
    refersBack: REFERS_BACK.test(q),
    said: new Set(PHRASES.filter(([, re]) => re.test(q)).map(([name]) => name)),
  };
}
