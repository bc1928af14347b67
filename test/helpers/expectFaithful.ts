import type { Answer } from '../../src/model';
import type { PaperIndex } from '../../src/search';

/** Text with its runs of whitespace as one space, as quotes join lines. */
export const flat = (s: string): string => s.replace(/\s+/gu, ' ');

/** Every quote fragment (split at ellipses) is in the cited lines, and every [n] points at a citation. */
export function expectFaithful(index: PaperIndex, answer: Answer): void {
  for (const c of answer.citations) {
    const cited = flat((index.lines(c.file) ?? []).slice(c.lineStart - 1, c.lineEnd).join(' '));
    for (const fragment of c.quote.split('…').map((f) => flat(f).trim()).filter((f) => f.length > 0)) expect(cited).toContain(fragment);
  }
  for (const m of answer.text.matchAll(/\[(\d+)\]/gu)) expect(Number(m[1])).toBeLessThanOrEqual(answer.citations.length);
}
