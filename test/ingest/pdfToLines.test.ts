import { pdfToLines } from '../../src/ingest';

/** A text run at (x, y) in 10 pt type, about 5 pt a character wide as in Helvetica. */
function run(str: string, x: number, y: number): { str: string; x: number; y: number; width: number; height: number } {
  return { str, x, y, width: str.length * 5, height: 10 };
}

describe('pdfToLines', () => {
  it('reads a page of 200,000 runs, on one line or many, in time in proportion to them', () => {
    const started = Date.now();
    // One baseline of 200,000 runs: spread into Math.min/Math.max, it overflowed the stack.
    const oneLine = Array.from({ length: 200_000 }, (_, i) => run('w', 50 + i * 7, 700));
    expect(pdfToLines([oneLine]).lines).toHaveLength(1);
    // 400 columns of 500 rows, a column edge every 20 pt: each run's edge is looked up, not searched for.
    const grid = Array.from({ length: 200_000 }, (_, i) => run(`r${i % 10}`, 20 + (i % 400) * 20, 8000 - Math.floor(i / 400) * 12));
    const { lines } = pdfToLines([grid]);
    expect(lines).toHaveLength(500);
    expect(lines[0]!.split('\t')).toHaveLength(400);
    expect(Date.now() - started).toBeLessThan(5_000);
  });


  it('reads lines top to bottom and runs on one baseline left to right', () => {
    const page = [run('second line', 50, 686), run('world', 85, 700), run('hello', 50, 700.5)];
    expect(pdfToLines([page])).toStrictEqual({ lines: ['hello world', 'second line'], pages: [1, 1] });
  });

  it('joins runs with no gap into one word and keeps the spaces a run already has', () => {
    const page = [run('Wolver', 50, 700), run('hampton ', 80, 700), run('Council', 120, 700)];
    expect(pdfToLines([page]).lines).toStrictEqual(['Wolverhampton Council']);
  });

  it('puts a tab between columns separated by a wide gap', () => {
    const page = [run('Alison Hinds', 50, 700), run('Deputy Director', 270, 700)];
    expect(pdfToLines([page]).lines).toStrictEqual(['Alison Hinds\tDeputy Director']);
  });

  it('splits a table row at a column edge the page shares, though the cells nearly touch', () => {
    // "Head of City" ends 8 pt (under 1.5 ems) before the title column, where three runs start.
    const page = [
      run('Lead Officer', 50, 714), run('Title', 120, 714),
      run('Ann Head of City', 30, 700), run('20 mph Review', 120, 700),
      run('Transport', 30, 686), run('To seek approval', 120, 686),
    ];
    expect(pdfToLines([page]).lines).toStrictEqual(['Lead Officer\tTitle', 'Ann Head of City\t20 mph Review', 'Transport\tTo seek approval']);
  });

  it('keeps words of a sentence together where no column edge is', () => {
    const page = [run('The Committee', 50, 700), run('noted the report.', 118, 700)];
    expect(pdfToLines([page]).lines).toStrictEqual(['The Committee noted the report.']);
  });

  it('puts a blank line where the vertical gap is wider than the line spacing', () => {
    const page = [run('Apologies', 50, 700), run('Cllr Paul Sweet', 50, 686), run('Declarations', 50, 658), run('None', 50, 644)];
    expect(pdfToLines([page]).lines).toStrictEqual(['Apologies', 'Cllr Paul Sweet', '', 'Declarations', 'None']);
  });

  it('numbers pages from 1 and gives an empty page no lines', () => {
    const result = pdfToLines([[run('one', 50, 700)], [], [run('three', 50, 700), run('three b', 50, 686)]]);
    expect(result).toStrictEqual({ lines: ['one', 'three', 'three b'], pages: [1, 3, 3] });
  });

  it('gives no lines for pages with no text', () => {
    expect(pdfToLines([[], []])).toStrictEqual({ lines: [], pages: [] });
  });
});
