import { benchQuestions, freshQuestions } from '../../scripts/benchQuestions';

describe('the bench questions that never repeat', () => {
  it('are all different, past every wording of an opening and an ending too', () => {
    const texts = freshQuestions(5_000).map((q) => q.text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('ask each bench question in turn, worded afresh, keeping its kind', () => {
    const base = [...new Map(benchQuestions().map((q) => [q.text, q.kind])).entries()];
    const fresh = freshQuestions(base.length * 3);
    fresh.forEach((q, k) => {
      const [text, kind] = base[k % base.length]!;
      expect(q.kind).toBe(kind);
      expect(q.text).toContain(text);
    });
    // The first round is the bench's own wording.
    expect(fresh.slice(0, base.length).map((q) => q.text)).toStrictEqual(base.map(([text]) => text));
  });
});
