import { words } from './glossary';

/** How much of a question's topic a text holds; see `topicMatch`. */
export interface TopicMatch {
  readonly hits: number;
  readonly coverage: number;
}

export const NO_MATCH: TopicMatch = { hits: 0, coverage: 0 };

/**
 * Stems already worked out, word → stem. A paper's vocabulary is bounded (tens of thousands of words at
 * 100 MB of text), and stemming by regex is most of what matching a long minute costs; past this many
 * words the memo starts again, so an odd corpus cannot grow it without end.
 */
const STEM_MEMO_MAX_WORDS = 200_000;
const stemMemo = new Map<string, string>();

/**
 * Suffixes dropped so a word's forms meet: "exclusions", "excluded" and "exclude"; "approve",
 * "approved", "approving" and "approval"; "decide", "decided" and "decision"; "policy" and "policies".
 * Enough for committee English, and the same on both sides (the papers' words and the question's), so
 * an odd stem ("revision" → "revid") costs nothing but another word it might meet.
 */
export function stem(word: string): string {
  const known = stemMemo.get(word);
  if (known !== undefined) return known;
  const s = stemmed(word);
  if (stemMemo.size >= STEM_MEMO_MAX_WORDS) stemMemo.clear();
  stemMemo.set(word, s);
  return s;
}

/** Letters a stem keeps at least when a final "e" is dropped: "note", "rate" and "use" stay whole. */
const E_DROPPED_AFTER = 4;

/** One rule a word: the first whose ending fits. */
const ENDINGS: readonly (readonly [RegExp, string])[] = [
  [/ie[sd]$/u, 'y'],
  // "decision" → "decid", "exclusion" → "exclud": the noun of a verb in "-de".
  [/(?<=[aeiou])sions?$/u, 'd'],
  // "approval", "proposal", "removal", "withdrawal": the noun of a verb; "general" and "local" keep theirs.
  [/(?<=[vsw])als?$/u, ''],
  // "buses", "matches", "boxes".
  [/(?<=[sxz]|[cs]h)es$/u, ''],
  // "bus", "status" and "access" end in an "s" that is no plural.
  [/(?:ations?|ings?|ions?|ed|es|(?<![su])s)$/u, ''],
];

function stemmed(word: string): string {
  let s = word;
  for (const [ending, replacement] of ENDINGS) {
    if (!ending.test(s)) continue;
    s = s.replace(ending, replacement);
    break;
  }
  if (s.endsWith('e') && s.length > E_DROPPED_AFTER) s = s.slice(0, -1);
  return s.slice(0, 8) || word;
}

/**
 * A word of letters and digits glued together ("20mph", "ks2", "q3") split where letters meet digits
 * ("20", "mph"): papers write the same thing spaced ("20 mph", "KS 2"). Empty for any other word.
 */
export function gluedParts(word: string): string[] {
  if (!/\d/u.test(word) || !/[a-z]/u.test(word)) return [];
  return word.split(/(?<=\d)(?=[a-z])|(?<=[a-z])(?=\d)/u);
}

/** The stems of a text's words: what `topicMatch` compares. */
export function stemsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of words(text)) {
    out.add(stem(w));
    // A glued "20mph" also holds "20" and "mph", which a question spacing them looks for.
    for (const part of gluedParts(w)) out.add(stem(part));
  }
  return out;
}

/** How many topic terms a text holds (by stem), and the share of the typed terms it covers. */
export function topicMatch(topic: readonly string[], typed: readonly string[], text: string): TopicMatch {
  return topicMatchStems(topic, typed, stemsOf(text));
}

/**
 * `topicMatch` over stems already known. `have` only needs the stems of `topic` and `typed` that the
 * text holds: nothing else is looked up, which is what lets a precomputed index pass a small set.
 */
export function topicMatchStems(topic: readonly string[], typed: readonly string[], have: ReadonlySet<string>): TopicMatch {
  return new TopicQuery(topic, typed).matchHeld(have);
}

/** Most stems `TopicQuery.matchMask` takes: one bit each in a 32-bit number, sign bit unused. */
export const MAX_MASK_STEMS = 31;

/**
 * A question's topic and typed words with their stems worked out once, to match many texts: a word's
 * stem is a regex and a lookup, and a timeline matches thousands of minute items. A text is described
 * by which of the question's stems it holds, so texts holding the same ones share one match.
 */
export class TopicQuery {
  /** The distinct stems of the topic and typed words; a text's stems are given in this order. */
  readonly stems: readonly string[];
  private readonly topicStems: readonly number[];
  private readonly typedStems: readonly number[];
  /** Per typed word, the stems of the glossary expansions that cover it when the word itself is absent. */
  private readonly expansionStems: readonly (readonly number[])[];
  /**
   * Per topic and per typed word, the stems of its glued parts ("20", "mph" for "20mph"): a text holding
   * all of them (the papers' "20 mph") holds the word. Empty for a word that is not glued.
   */
  private readonly topicParts: readonly (readonly number[])[];
  private readonly typedParts: readonly (readonly number[])[];
  /** Scratch: whether the text being matched holds each stem. */
  private readonly held: Uint8Array;

  constructor(topic: readonly string[], typed: readonly string[]) {
    const numbers = new Map<string, number>();
    const numberOf = (word: string): number => {
      const s = stem(word);
      let k = numbers.get(s);
      if (k === undefined) {
        k = numbers.size;
        numbers.set(s, k);
      }
      return k;
    };
    this.topicStems = topic.map(numberOf);
    this.typedStems = typed.map(numberOf);
    this.topicParts = topic.map((w) => gluedParts(w).map(numberOf));
    this.typedParts = typed.map((w) => gluedParts(w).map(numberOf));
    // A typed shorthand ("wsoa") counts as covered when one of its expansions is there. Expansions follow
    // the typed word in `topic`, up to the next typed word; words of three letters or fewer do not count.
    this.expansionStems = typed.map((t) => {
      const at = topic.indexOf(t);
      const expansions: number[] = [];
      if (at < 0) return expansions;
      for (let i = at + 1; i < topic.length; i++) {
        const e = topic[i]!;
        if (typed.includes(e)) break;
        if (e.length > 3) expansions.push(this.topicStems[i]!);
      }
      return expansions;
    });
    this.stems = [...numbers.keys()];
    this.held = new Uint8Array(this.stems.length);
  }

  /** The match of a text that holds the stems in `have`. */
  matchHeld(have: ReadonlySet<string>): TopicMatch {
    this.stems.forEach((s, k) => {
      this.held[k] = have.has(s) ? 1 : 0;
    });
    return this.matchFlags();
  }

  /** The match of a text that holds stem k when bit k of `mask` is set; only for at most MAX_MASK_STEMS stems. */
  matchMask(mask: number): TopicMatch {
    for (let k = 0; k < this.held.length; k++) this.held[k] = (mask >>> k) & 1;
    return this.matchFlags();
  }

  private matchFlags(): TopicMatch {
    const held = this.held;
    const holds = (s: number, parts: readonly number[]): boolean => held[s] === 1 || (parts.length > 0 && parts.every((p) => held[p] === 1));
    let hits = 0;
    for (let i = 0; i < this.topicStems.length; i++) if (holds(this.topicStems[i]!, this.topicParts[i]!)) hits++;
    let covered = 0;
    for (let i = 0; i < this.typedStems.length; i++) {
      if (holds(this.typedStems[i]!, this.typedParts[i]!) || this.expansionStems[i]!.some((e) => held[e] === 1)) covered++;
    }
    return { hits, coverage: this.typedStems.length === 0 ? 0 : covered / this.typedStems.length };
  }
}
