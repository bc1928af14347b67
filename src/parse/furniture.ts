/**
 * Page furniture: the running header or footer a word processor prints on every page (a clerk's
 * name and address, "P a g e | 2", a committee mailbox). PDF conversion leaves it in the text between
 * the last words of one page and the first of the next, where it splits a paragraph and outweighs a
 * short minute ("The problem has now been resolved.") in a passage. A line is furniture when the same
 * words, numbers aside, stand at the same place from the top or the bottom of at least half the pages
 * (two at least). Only
 * papers whose pages are known are read so; a line elsewhere on the page is never furniture.
 */

/** Non-blank lines at each end of a page that a header or footer may take. */
const EDGE_LINES = 4;

/** 0-based indexes of the furniture lines of a paper whose lines know their pages. */
export function pageFurniture(lines: readonly string[], pages: readonly (number | null)[]): ReadonlySet<number> {
  const byPage = new Map<number, number[]>();
  for (let i = 0; i < lines.length; i++) {
    const page = pages[i];
    if (page === null || page === undefined || (lines[i] ?? '').trim() === '') continue;
    let on = byPage.get(page);
    if (!on) byPage.set(page, (on = []));
    on.push(i);
  }
  if (byPage.size < 2) return new Set();
  const edges = new Map<string, { pages: Set<number>; lines: number[] }>();
  for (const [page, on] of byPage) {
    // Keyed by its place too: a footer is the same line from the bottom on every page (a header from
    // the top); a sentence the paper repeats lands wherever the text flow puts it.
    const atEdge = [...on.slice(0, EDGE_LINES).map((i, k) => [i, `top ${k}`] as const), ...on.slice(-EDGE_LINES).reverse().map((i, k) => [i, `bottom ${k}`] as const)];
    for (const [i, place] of atEdge) {
      const words = furnitureKey(lines[i]!);
      if (words === null) continue;
      const key = `${place}\n${words}`;
      let seen = edges.get(key);
      if (!seen) edges.set(key, (seen = { pages: new Set(), lines: [] }));
      seen.pages.add(page);
      seen.lines.push(i);
    }
  }
  const enough = Math.max(2, Math.ceil(byPage.size / 2));
  const furniture = new Set<number>();
  for (const { pages: on, lines: at } of edges.values()) if (on.size >= enough) for (const i of at) furniture.add(i);
  return furniture;
}

/** The line's words with figures as '#', so "Page 2" and "Page 3" are one; null for a line too bare to tell (a lone number). */
function furnitureKey(line: string): string | null {
  const key = line.trim().replace(/\s+/gu, ' ').replace(/\d+/gu, '#');
  return key.replace(/[^\p{L}]/gu, '').length >= 3 ? key : null;
}
