import { z } from 'zod';
import grammarData from '../../data/question-grammar.json';

const DETAILS = [
  'chair',
  'vice_chair',
  'members',
  'quorum',
  'apologies',
  'attendance',
  'declarations',
  'time_venue',
  'contact',
  'presenter',
  'accountable',
  'cabinet_member',
  'call_in',
  'last_meeting',
  'minutes_approval',
  'agenda_item',
  'actions',
  'person',
] as const;

/** A kind's name as the grammar's rules give it; src/answer/kinds/ holds one file per name. */
export type KindName = string;
export type Detail = (typeof DETAILS)[number];

const patterns = z.array(z.string()).default([]);
/** A placeholder's name: `{meeting}` in a pattern stands for the grammar's `placeholders.meeting`. */
const PLACEHOLDER_NAME = /^[a-z][A-Za-z0-9]*$/u;
const Grammar = z.object({
  placeholders: z.record(z.string().regex(PLACEHOLDER_NAME), z.string()).default({}),
  kinds: z.array(
    z.object({
      kind: z.string().min(1),
      detail: z.enum(DETAILS).optional(),
      when: patterns,
      unless: patterns,
      needsDate: z.boolean().default(false),
      /** Questions this rule reads as its kind: the rule's spec and its test at once. */
      examples: z.array(z.string()).default([]),
    }),
  ),
  fallback: z.string().min(1),
  greetings: z.record(z.enum(['hello', 'thanks']), z.string()).optional(),
  answerTypes: z.array(z.tuple([z.enum(['amount', 'percentage', 'number', 'date', 'person', 'place']), z.string()])).default([]),
  stopWords: z.string(),
  phrases: z.record(z.string(), z.string()).default({}),
  normalise: z.array(z.tuple([z.string(), z.string()])).default([]),
  shorthand: z.array(z.tuple([z.string(), z.string()])).default([]),
  ordinalDays: z.string().default(''),
  textBehind: z
    .object({
      detailWords: z.partialRecord(z.enum(DETAILS), z.string()).default({}),
      minutesDetails: z.array(z.enum(DETAILS)).default([]),
      minutesKinds: z.array(z.string()).default([]),
      recordKinds: z.array(z.string()).default([]),
      decisionLine: z.string(),
      typeWanted: z.partialRecord(z.enum(DETAILS), z.string()).default({}),
      minCoverage: z.number().min(0).max(1).default(0.5),
    })
    .optional(),
});
type GrammarData = z.infer<typeof Grammar>;

/**
 * `{name}` outside an escape: flag u rejects a bare `{` that is no quantifier and a name is no count,
 * so only an escape's braces (`\{`, `\p{L}`, `\u{...}`) are passed over.
 */
const PLACEHOLDER = /(?<!\\[pPu]?)\{([a-z][A-Za-z0-9]*)\}/gu;

/** A grammar the bot cannot read: it stops at start, naming the rule, rather than misread questions. */
export class GrammarError extends Error {
  override readonly name = 'GrammarError';
}

/**
 * The grammar with every pattern's placeholders written out and every pattern compiled once, so a
 * misspelt placeholder or a broken pattern stops the bot at start with the rule named. A placeholder
 * may use the placeholders before it.
 */
export function readGrammar(data: unknown, source = 'data/question-grammar.json'): GrammarData {
  const parsed = Grammar.safeParse(data);
  if (!parsed.success) throw new GrammarError(`${source}: ${z.prettifyError(parsed.error)}`);
  const g = parsed.data;
  const errors: string[] = [];
  const placeholders = new Map<string, string>();
  const expand = (p: string, where: string): string => {
    const unknown: string[] = [];
    const out = p.replace(PLACEHOLDER, (whole, name: string) => {
      const value = placeholders.get(name);
      if (value === undefined) unknown.push(name);
      return value ?? whole;
    });
    // An unknown name is the error to report: the pattern it leaves would not compile either.
    if (unknown.length > 0) errors.push(`${where}: no placeholder ${unknown.map((n) => `{${n}}`).join(', ')} (placeholders: ${[...placeholders.keys()].join(', ') || 'none'})`);
    else {
      try {
        new RegExp(out, 'u');
      } catch (e) {
        errors.push(`${where}: ${(e as Error).message}`);
      }
    }
    return out;
  };
  for (const [name, p] of Object.entries(g.placeholders)) placeholders.set(name, expand(p, `placeholders.${name}`));
  const pairs = (list: readonly (readonly [string, string])[], where: string): [string, string][] => list.map(([p, to], i) => [expand(p, `${where}[${i}]`), to]);
  const record = <R extends Partial<Record<string, string>>>(r: R, where: string): R =>
    Object.fromEntries(Object.entries<string | undefined>(r).map(([k, p]) => [k, p === undefined ? p : expand(p, `${where}.${k}`)])) as R;
  const expanded: GrammarData = {
    ...g,
    kinds: g.kinds.map((k, i) => ({
      ...k,
      when: k.when.map((p, j) => expand(p, `rule ${i} (${k.kind}${k.detail ? `/${k.detail}` : ''}) when[${j}]`)),
      unless: k.unless.map((p, j) => expand(p, `rule ${i} (${k.kind}${k.detail ? `/${k.detail}` : ''}) unless[${j}]`)),
    })),
    greetings: g.greetings && record(g.greetings, 'greetings'),
    answerTypes: g.answerTypes.map(([t, p], i) => [t, expand(p, `answerTypes[${i}] (${t})`)]),
    phrases: record(g.phrases, 'phrases'),
    normalise: pairs(g.normalise, 'normalise'),
    shorthand: pairs(g.shorthand, 'shorthand'),
    textBehind: g.textBehind && {
      ...g.textBehind,
      decisionLine: expand(g.textBehind.decisionLine, 'textBehind.decisionLine'),
      typeWanted: record(g.textBehind.typeWanted, 'textBehind.typeWanted'),
    },
  };
  if (errors.length > 0) throw new GrammarError(`${source}:\n${errors.join('\n')}`);
  return expanded;
}

/** One way of asking: the kind it is, when every `when` pattern and no `unless` pattern matches. */
export interface KindRule {
  readonly kind: KindName;
  readonly detail: Detail | null;
  readonly when: readonly RegExp[];
  readonly unless: readonly RegExp[];
  readonly needsDate: boolean;
  readonly examples: readonly string[];
}

const grammar = readGrammar(grammarData);
const compile = (p: string): RegExp => new RegExp(p, 'u');

/** The kinds of question in the order they are tried: the first that fits wins. */
export const KIND_RULES: readonly KindRule[] = grammar.kinds.map((k) => ({
  kind: k.kind,
  detail: k.detail ?? null,
  when: k.when.map(compile),
  unless: k.unless.map(compile),
  needsDate: k.needsDate,
  examples: k.examples,
}));

export const FALLBACK_KIND: KindName = grammar.fallback;

/** The kind a message that is not a question reads as, before any rule of `kinds`. */
export const GREETING_KIND: KindName = 'greeting';

/** Every kind the grammar can read a question as: each needs a file in src/answer/kinds/. */
export const GRAMMAR_KINDS: ReadonlySet<KindName> = new Set([...KIND_RULES.map((r) => r.kind), FALLBACK_KIND, ...(grammar.greetings ? [GREETING_KIND] : [])]);

/** Words that say what kind of question it is, or glue; they are not the topic. */
export const STOP_WORDS: ReadonlySet<string> = new Set(grammar.stopWords.split(/\s+/u).filter(Boolean));

const NORMALISE = grammar.normalise.map(([p, to]) => [new RegExp(p, 'gu'), to] as const);

const SHORTHAND = grammar.shorthand.map(([p, to]) => [new RegExp(p, 'gu'), to] as const);

/**
 * The question with the papers' nouns written out ("audit cttee" is "audit committee"), as typed
 * otherwise: read before the committee it names is looked for, so the name matches as printed.
 */
export function spellOut(question: string): string {
  return SHORTHAND.reduce((s, [re, to]) => s.replace(re, to), question);
}

/** The ordinal day words the grammar reads ("fifteenth" is 15): spelling correction leaves them as typed. */
export const ORDINAL_WORDS: readonly string[] = grammar.ordinalDays.split(/\s+/u).filter(Boolean);
/** "The fifteenth of march": an ordinal word before a month (after "of" is dropped), as papers' figures. */
const ORDINAL_DAY = new RegExp(`\\b(${ORDINAL_WORDS.join('|')})\\s+(?:of\\s+)?(?=(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`, 'gu');

/** Shorthand spellings of question words written out ("whos" is "who's"), so the kinds' patterns read them. */
export function normalise(q: string): string {
  const figures = ORDINAL_WORDS.length > 0 ? q.replace(ORDINAL_DAY, (_, w: string) => `${ORDINAL_WORDS.indexOf(w) + 1} `) : q;
  return NORMALISE.reduce((s, [re, to]) => s.replace(re, to), figures);
}

/** How the text behind a kind is read when its records do not answer (see the grammar's `textBehind`). */
export interface TextBehindRules {
  readonly detailWords: ReadonlyMap<Detail, readonly string[]>;
  readonly minutesDetails: ReadonlySet<Detail>;
  readonly minutesKinds: ReadonlySet<KindName>;
  /** Kinds answered from records alone: when they deny, the text has not been read yet. */
  readonly recordKinds: ReadonlySet<KindName>;
  readonly decisionLine: RegExp;
  readonly typeWanted: ReadonlyMap<Detail, RegExp>;
  /** The share of the question's words a passage must hold to answer from the text alone. */
  readonly minCoverage: number;
}

const textBehind = grammar.textBehind;
export const TEXT_BEHIND: TextBehindRules = {
  detailWords: new Map(Object.entries(textBehind?.detailWords ?? {}).map(([d, ws]) => [d as Detail, ws.split(/\s+/u).filter(Boolean)])),
  minutesDetails: new Set(textBehind?.minutesDetails ?? []),
  minutesKinds: new Set(textBehind?.minutesKinds ?? []),
  recordKinds: new Set(textBehind?.recordKinds ?? []),
  decisionLine: new RegExp(textBehind?.decisionLine ?? '(?!)', 'iu'),
  // Case matters in these: a name is capitalised, a role's word may not be.
  typeWanted: new Map(Object.entries(textBehind?.typeWanted ?? {}).map(([d, p]) => [d as Detail, new RegExp(p, 'u')])),
  minCoverage: textBehind?.minCoverage ?? 0.5,
};

/** A greeting's evidence names no rule of `kinds`: it is read by the grammar's `greetings`. */
export const GREETING_RULE = -1;

/** A message that is not a question ("hi", "thanks"): which, by the grammar's `greetings`. */
export const GREETINGS: readonly (readonly ['hello' | 'thanks', RegExp])[] = Object.entries(grammar.greetings ?? {}).map(([k, p]) => [k as 'hello' | 'thanks', compile(p)] as const);

/** The type of value a question wants, by wording, first that fits (the grammar's `answerTypes`). */
export const ANSWER_TYPES: readonly (readonly [AnswerTypeName, RegExp])[] = grammar.answerTypes.map(([t, p]) => [t, compile(p)] as const);
export type AnswerTypeName = 'amount' | 'percentage' | 'number' | 'date' | 'person' | 'place';

/** The names of the grammar's `phrases`. */
export const PHRASE_NAMES: readonly string[] = Object.keys(grammar.phrases);

/** Named wording patterns answers read ("how much", "since"), from the grammar's `phrases`. */
export function phrase(name: string): RegExp {
  const p = grammar.phrases[name];
  if (p === undefined) throw new Error(`question-grammar.json has no phrase "${name}"`);
  return compile(p);
}

const fits = (r: KindRule, q: string, hasDate: boolean): boolean => (!r.needsDate || hasDate) && r.when.every((re) => re.test(q)) && !r.unless.some((re) => re.test(q));

/** The first kind whose patterns fit the question, or the fallback. */
export function classify(q: string, hasDate: boolean): { kind: KindName; detail: Detail | null } {
  const rule = KIND_RULES.find((r) => fits(r, q, hasDate));
  return rule ? { kind: rule.kind, detail: rule.detail } : { kind: FALLBACK_KIND, detail: null };
}

/** One rule that fits a question, with the words that made it fit: why a question reads as a kind. */
export interface KindEvidence {
  readonly kind: KindName;
  readonly detail: Detail | null;
  /** The rule's place in the grammar (0-based); GREETING_RULE for the grammar's `greetings`. */
  readonly rule: number;
  /** What the rule's patterns matched in the question. */
  readonly matched: readonly string[];
}

/** Every rule that fits the question, in grammar order: the first is the kind `classify` reads. */
export function candidateKinds(q: string, hasDate: boolean): KindEvidence[] {
  const found: KindEvidence[] = [];
  KIND_RULES.forEach((r, rule) => {
    if (fits(r, q, hasDate)) found.push({ kind: r.kind, detail: r.detail, rule, matched: r.when.map((re) => re.exec(q)?.[0] ?? '') });
  });
  return found;
}
