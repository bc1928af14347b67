import { gluedParts, MAX_MASK_STEMS, stem, TopicQuery, type TopicMatch } from './match';
import { firstCopies, scanWords, WordSpans, WordTable } from './wordScan';

/**
 * One text per record (a resolution's wording, a minute item's body, a work-programme row), held as
 * stem → the records whose text has that stem. Matching a question then touches only the records that
 * share one of its stems, instead of re-reading every minute of a decade's papers per question.
 * Records are numbered by their position in the list given to the constructor.
 */
export class StemPostings {
  private readonly postings = new Map<string, Int32Array>();
  /** Scratch for `match`: per record, the question's stems it holds as bits; all 0 between calls. */
  private masks = new Int32Array(0);
  /** The texts not yet read: the postings are built on first use, so a cold start reads none of them. */
  private unread: readonly string[] | undefined;
  /** The last question's matches: one answer asks the same postings the same question several times. */
  private last: { readonly key: string; readonly matches: ReadonlyMap<number, TopicMatch> } | undefined;

  constructor(texts: readonly string[]) {
    this.unread = texts;
  }

  /**
   * Reads the texts into postings now, if not done yet. `match` does it on first use; a bot calls it
   * (through prepareAnswers) when it is idle, so no question waits for it. About 0.1 s per million words.
   */
  prepare(): void {
    const texts = this.unread;
    if (texts === undefined) return;
    this.unread = undefined;
    this.masks = new Int32Array(texts.length);
    // Read by hand, not by `words` + `stem` per record: at 100 MB of papers the minutes alone are 16 MB.
    // Everything is kept in flat lists, not a list per record: small arrays by the million cost more in
    // the garbage collector than in reading the text.
    const table = new WordTable();
    const spans = new WordSpans();
    /** Per word number, its stem's number, then those of its glued parts ("20mph" also holds "20" and "mph"). */
    const stemsOfWord: (readonly number[])[] = [];
    const stemNumbers = new Map<string, number>();
    const numberOf = (stemmed: string): number => {
      let s = stemNumbers.get(stemmed);
      if (s === undefined) {
        s = stemNumbers.size;
        stemNumbers.set(stemmed, s);
        lastText.push(-1);
      }
      return s;
    };
    /** The stems of every text read, one text after another; text k's are `held[from[k]]` to `held[to[k] - 1]`. */
    const held: number[] = [];
    const from = new Int32Array(texts.length);
    const to = new Int32Array(texts.length);
    /** Per stem number, the last text it was held for, so a text holds each stem once. */
    const lastText: number[] = [];
    // A text read before (a standing item, a repeated decision) has the stems of its first copy.
    const first = firstCopies(texts);
    texts.forEach((text, id) => {
      const copyOf = first[id]!;
      if (copyOf !== id) {
        from[id] = from[copyOf]!;
        to[id] = to[copyOf]!;
        return;
      }
      from[id] = held.length;
      const { text: read } = scanWords(text, spans);
      for (let k = 0; k < spans.count; k++) {
        const word = table.idOf(read, spans.starts[k]!, spans.ends[k]!, spans.hashes[k]!);
        let stems = stemsOfWord[word];
        if (stems === undefined) {
          const w = table.words[word]!;
          stems = [stem(w), ...gluedParts(w).map(stem)].map(numberOf);
          stemsOfWord[word] = stems;
        }
        for (const s of stems) {
          if (lastText[s] === id) continue;
          lastText[s] = id;
          held.push(s);
        }
      }
      to[id] = held.length;
    });
    // Each stem's records, in the records' order: counted first, so each list is made once at its size.
    const counts = new Int32Array(stemNumbers.size);
    for (let id = 0; id < texts.length; id++) for (let k = from[id]!; k < to[id]!; k++) counts[held[k]!]!++;
    const lists = Array.from(counts, (n) => new Int32Array(n));
    const filled = new Int32Array(stemNumbers.size);
    for (let id = 0; id < texts.length; id++) {
      for (let k = from[id]!; k < to[id]!; k++) {
        const s = held[k]!;
        lists[s]![filled[s]!++] = id;
      }
    }
    for (const [stemmed, s] of stemNumbers) this.postings.set(stemmed, lists[s]!);
  }

  /**
   * `topicMatch(topic, typed, texts[id])` for every record holding at least one stem of the question,
   * by id in ascending order (the records' own order). Every record left out matches nothing (`NO_MATCH`).
   */
  match(topic: readonly string[], typed: readonly string[]): ReadonlyMap<number, TopicMatch> {
    this.prepare();
    const key = `${topic.join(' ')}\u0000${typed.join(' ')}`;
    if (this.last?.key !== key) this.last = { key, matches: this.matchUncached(topic, typed) };
    return this.last.matches;
  }

  private matchUncached(topic: readonly string[], typed: readonly string[]): Map<number, TopicMatch> {
    const query = new TopicQuery(topic, typed);
    if (query.stems.length > MAX_MASK_STEMS) return this.matchBySets(query);
    // Which of the question's stems each record holds, as bits; records holding the same ones share a match.
    const touched: number[] = [];
    query.stems.forEach((s, k) => {
      for (const id of this.postings.get(s) ?? []) {
        if (this.masks[id] === 0) touched.push(id);
        this.masks[id]! |= 1 << k;
      }
    });
    touched.sort((a, b) => a - b);
    const byMask = new Map<number, TopicMatch>();
    const matches = new Map<number, TopicMatch>();
    for (const id of touched) {
      const mask = this.masks[id]!;
      this.masks[id] = 0;
      let match = byMask.get(mask);
      if (!match) {
        match = query.matchMask(mask);
        byMask.set(mask, match);
      }
      matches.set(id, match);
    }
    return matches;
  }

  /** `matchUncached` for a question with more stems than a mask has bits (a pasted paragraph). */
  private matchBySets(query: TopicQuery): Map<number, TopicMatch> {
    const held = new Map<number, Set<string>>();
    for (const s of query.stems) {
      for (const id of this.postings.get(s) ?? []) {
        const have = held.get(id);
        if (have) have.add(s);
        else held.set(id, new Set([s]));
      }
    }
    const ids = [...held.keys()].sort((a, b) => a - b);
    return new Map(ids.map((id) => [id, query.matchHeld(held.get(id)!)]));
  }
}
