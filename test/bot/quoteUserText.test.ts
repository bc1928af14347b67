import { quoteUserText } from '../../src/bot/quoteUserText';

describe('quoteUserText', () => {
  it('escapes markdown, tags, entities and card expressions with a backslash', () => {
    expect(quoteUserText('**x** [a](javascript:b) <at>c</at> &lt; ${d} {{DATE(e)}}')).toBe(
      '\\*\\*x\\*\\* \\[a\\]\\(javascript:b\\) \\<at\\>c\\</at\\> \\&lt; \\$\\{d\\} \\{\\{DATE\\(e\\)\\}\\}',
    );
  });

  it('leaves ordinary words alone', () => {
    expect(quoteUserText("children's services, covid-19 & SEND")).toBe("children's services, covid-19 \\& SEND");
  });

  it('drops control, bidi and zero-width characters and lone surrogates', () => {
    expect(quoteUserText('\u202Eab\u0000c\u200Bd\uFEFF\uD800e')).toBe('abcde');
  });

  it('clips to whole characters and marks the cut', () => {
    expect(quoteUserText('😀'.repeat(100), 3)).toBe('😀😀😀…');
    expect(quoteUserText('x'.repeat(100_000))).toHaveLength(61);
  });
});
