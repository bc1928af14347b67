import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import type { ParsedCorpus } from '../parse';
import type { Passage } from './passage';
import { toPassages } from './toPassages';

export interface PassageHit {
  readonly passage: Passage;
  readonly score: number;
  /** The query terms that matched this passage. */
  readonly terms: readonly string[];
}

/** Words too common in committee papers to tell passages apart. */
const STOP_WORDS = new Set(
  'a an and are as at be been by for from has have in into is it its of on or that the their this to was were will with what when who which whats how did do does we our us they panel meeting'.split(' '),
);

/** One options object for building and for loading, so a saved index never disagrees with its reader. */
export const MINISEARCH_OPTIONS: Options<Passage> = {
  fields: ['text', 'title', 'item'],
  storeFields: [],
  processTerm: (term) => {
    const t = term.toLowerCase();
    return STOP_WORDS.has(t) ? null : t;
  },
};

const SEARCH_OPTIONS: SearchOptions = {
  boost: { item: 2, title: 1.5 },
  prefix: (term) => term.length >= 4,
  fuzzy: (term) => (term.length >= 6 ? 0.15 : false),
  combineWith: 'OR',
};

/** The searchable corpus: passages in minisearch plus the parser's structured records. Read-only once built. */
export class PaperIndex {
  readonly corpus: ParsedCorpus;
  readonly passages: readonly Passage[];
  private readonly search: MiniSearch<Passage>;
  private readonly linesByFile: ReadonlyMap<string, readonly string[]>;

  private constructor(corpus: ParsedCorpus, passages: Passage[], search: MiniSearch<Passage>) {
    this.corpus = corpus;
    this.passages = passages;
    this.search = search;
    this.linesByFile = new Map(corpus.documents.map((d) => [d.file, d.lines]));
  }

  static build(corpus: ParsedCorpus): PaperIndex {
    const passages: Passage[] = [];
    corpus.files.forEach((parsed) => {
      const doc = corpus.documents.find((d) => d.file === parsed.file);
      if (doc) passages.push(...toPassages(doc, parsed, passages.length));
    });
    const search = new MiniSearch<Passage>(MINISEARCH_OPTIONS);
    search.addAll(passages);
    return new PaperIndex(corpus, passages, search);
  }

  /** Passages best first; `filter` narrows to e.g. one meeting's papers before ranking. */
  searchPassages(query: string, limit = 10, filter?: (p: Passage) => boolean, combineWith: 'AND' | 'OR' = 'OR'): PassageHit[] {
    const results = this.search.search(query, {
      ...SEARCH_OPTIONS,
      combineWith,
      ...(filter ? { filter: (r) => filter(this.passages[r.id as number]!) } : {}),
    });
    return results.slice(0, limit).map((r) => ({ passage: this.passages[r.id as number]!, score: r.score, terms: r.terms }));
  }

  /** A file's lines, for quoting and for the paper view. */
  lines(file: string): readonly string[] | undefined {
    return this.linesByFile.get(file);
  }

  get stats(): { files: number; papers: number; meetings: number; passages: number } {
    return {
      files: this.corpus.documents.length,
      papers: this.corpus.papers.length,
      meetings: this.corpus.meetings.length,
      passages: this.passages.length,
    };
  }
}
