import { stem } from './match';
import { scanWords, WordSpans } from './wordScan';

/** What one text holds of a question (see `QuestionWords.read`). */
export interface Holding {
  /** The question's stems that some word of the text has. */
  readonly stems: ReadonlySet<string>;
  /** The question's whole words (typed words, years) that are words of the text. */
  readonly words: ReadonlySet<string>;
}

export const HOLDS_NOTHING: Holding = { stems: new Set(), words: new Set() };

/**
 * A question's stems and whole words, ready to be looked for in passages. A fact question reads up to
 * 120 passages; making a string and a stem for each of their words (as `words` then `stem` do) was most
 * of its time. A word can only have one of the question's stems if it starts with that stem (a stem is
 * a prefix of its word), so a word whose first letters start none of them is passed over unread.
 */
export class QuestionWords {
  private readonly stems: ReadonlySet<string>;
  private readonly words: ReadonlySet<string>;
  /** First characters of the one-character stems and words. */
  private readonly firstCharacters = new Set<number>();
  /** First two characters (as `pairKey`) of the longer ones. */
  private readonly firstPairs = new Set<number>();
  private readonly spans = new WordSpans();

  /**
   * @param stemsOf words whose stems are looked for (a question's topic and typed words)
   * @param wholeWords words looked for whole, as `words` (glossary.ts) reads them
   */
  constructor(stemsOf: Iterable<string>, wholeWords: Iterable<string>) {
    this.stems = new Set([...stemsOf].map(stem));
    this.words = new Set(wholeWords);
    for (const w of [...this.stems, ...this.words]) {
      if (w.length === 1) this.firstCharacters.add(w.charCodeAt(0));
      else if (w.length > 1) this.firstPairs.add(pairKey(w.charCodeAt(0), w.charCodeAt(1)));
    }
  }

  /** The question's stems and whole words that `text` holds, read as `words` reads it. */
  read(text: string): Holding {
    const lower = text.toLowerCase();
    const spans = scanWords(lower, this.spans);
    const stems = new Set<string>();
    const words = new Set<string>();
    for (let k = 0; k < spans.count; k++) {
      const start = spans.starts[k]!;
      const end = spans.ends[k]!;
      const first = lower.charCodeAt(start);
      if (!this.firstCharacters.has(first) && !(end - start > 1 && this.firstPairs.has(pairKey(first, lower.charCodeAt(start + 1))))) continue;
      const word = lower.slice(start, end);
      const s = stem(word);
      if (this.stems.has(s)) stems.add(s);
      if (this.words.has(word)) words.add(word);
    }
    return { stems, words };
  }
}

function pairKey(first: number, second: number): number {
  return first * 0x10000 + second;
}
