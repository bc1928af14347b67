import { words } from './glossary';
import { stem, topicMatchStems, type TopicMatch } from './match';

/**
 * One text per record (a resolution's wording, a minute item's body, a work-programme row), held as
 * stem → the records whose text has that stem. Matching a question then touches only the records that
 * share one of its stems, instead of re-reading every minute of a decade's papers per question.
 * Records are numbered by their position in the list given to the constructor.
 */
export class StemPostings {
  private readonly postings = new Map<string, Int32Array>();
  /** The last question's matches: one answer asks the same postings the same question several times. */
  private last: { readonly key: string; readonly matches: ReadonlyMap<number, TopicMatch> } | undefined;

  constructor(texts: readonly string[]) {
    const lists = new Map<string, number[]>();
    texts.forEach((text, id) => {
      for (const s of new Set(words(text).map(stem))) {
        const list = lists.get(s);
        if (list) list.push(id);
        else lists.set(s, [id]);
      }
    });
    for (const [s, ids] of lists) this.postings.set(s, Int32Array.from(ids));
  }

  /**
   * `topicMatch(topic, typed, texts[id])` for every record holding at least one stem of the question,
   * by id in ascending order (the records' own order). Every record left out matches nothing (`NO_MATCH`).
   */
  match(topic: readonly string[], typed: readonly string[]): ReadonlyMap<number, TopicMatch> {
    const key = `${topic.join(' ')}\u0000${typed.join(' ')}`;
    if (this.last?.key !== key) this.last = { key, matches: this.matchUncached(topic, typed) };
    return this.last.matches;
  }

  private matchUncached(topic: readonly string[], typed: readonly string[]): Map<number, TopicMatch> {
    const held = new Map<number, Set<string>>();
    for (const s of new Set([...topic, ...typed].map(stem))) {
      for (const id of this.postings.get(s) ?? []) {
        const have = held.get(id);
        if (have) have.add(s);
        else held.set(id, new Set([s]));
      }
    }
    const ids = [...held.keys()].sort((a, b) => a - b);
    return new Map(ids.map((id) => [id, topicMatchStems(topic, typed, held.get(id)!)]));
  }
}
