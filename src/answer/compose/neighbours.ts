import type { PaperIndex, Passage, PassageHit } from '../../search';
/** The passages beside a passage in its item: the paragraph that follows on, the rest of a short item. */

/** Ranks below the paragraph it follows, so a paragraph that answers by itself still comes first. */
const CONTINUATION_WEIGHT = 0.8;

export function continuation(index: PaperIndex, hit: PassageHit): (PassageHit & { context: Passage })[] {
  const next = following(index, hit.passage);
  if (!next) return [];
  return [{ passage: next, score: hit.score * CONTINUATION_WEIGHT, terms: hit.terms, context: hit.passage }];
}

/** The passage after `p` in the same item of the same paper, if it follows within a few lines. */
export function following(index: PaperIndex, p: Passage): Passage | undefined {
  const next = index.passage(p.id + 1);
  // A heading ("## AOB") starts another subject, whatever item the parser put it under.
  return next && next.source.file === p.source.file && next.item === p.item && next.source.lineStart - p.source.lineEnd <= 4 && !HEADING.test(next.text) ? next : undefined;
}

/** An item this long at most is quoted whole for a "who" question. */
const SHORT_ITEM_LINES = 16;

/** The last passage of a short item `p` opens (the same item, no heading between), or undefined when it is one passage or long. */
export function restOfShortItem(index: PaperIndex, p: Passage): Passage | undefined {
  let last: Passage | undefined;
  for (let q = following(index, p); q; q = following(index, q)) {
    if (q.source.lineEnd - p.source.lineStart >= SHORT_ITEM_LINES) return undefined;
    last = q;
  }
  return last;
}

/** A Markdown heading at the start of a passage. */
const HEADING = /^\s*#{1,6}\s/u;
