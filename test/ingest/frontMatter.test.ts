import { readFrontMatter } from '../../src/ingest';

describe('readFrontMatter', () => {
  it('reads the fields between the opening fences and where the text starts', () => {
    const lines = ['---', 'title: "Minutes for meeting held Tuesday 3 February 2026"', 'type: minutes', 'special_meeting:', 'date: 2026-02-03', '---', '', 'Text'];
    expect(readFrontMatter(lines)).toEqual({
      fields: { title: 'Minutes for meeting held Tuesday 3 February 2026', type: 'minutes', special_meeting: '', date: '2026-02-03' },
      lineCount: 6,
    });
  });

  it('is null for a text that does not open with a fence, or never closes it', () => {
    expect(readFrontMatter(['Minutes', '---', 'title: x', '---'])).toBeNull();
    expect(readFrontMatter(['---', 'title: x', 'Text with no closing fence'])).toBeNull();
  });
});
