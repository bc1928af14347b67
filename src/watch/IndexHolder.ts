import type { PaperIndex } from '../search';

/** What the bot and server read each turn: whichever index is current at that moment. */
export interface PaperIndexSource {
  readonly current: PaperIndex;
}

/**
 * Holds the index that serves answers. A rebuilt index replaces the old one in one assignment,
 * so a turn sees either the old corpus or the new one, never a mixture.
 */
export class IndexHolder implements PaperIndexSource {
  private index: PaperIndex;

  constructor(initial: PaperIndex) {
    this.index = initial;
  }

  get current(): PaperIndex {
    return this.index;
  }

  /** Installs `next` and returns the index it replaced. */
  swap(next: PaperIndex): PaperIndex {
    const previous = this.index;
    this.index = next;
    return previous;
  }
}

/** Lets callers that were given a plain index (tests, tools) use the same code path. */
export function toIndexSource(index: PaperIndex | PaperIndexSource): PaperIndexSource {
  return 'current' in index ? index : { current: index };
}
