import { words } from '../../src/answer/glossary';
import { firstCopies, scanWords, WordSpans, WordTable } from '../../src/answer/wordScan';

/** The regexes the scanners stand for: what the answer engine used before they were written. */
const wordsByRegex = (lower: string): string[] => (lower.match(/pp\+|[a-z0-9]+(?:['’][a-z]+)?/gu) ?? []).map((w) => w.replace(/['’]s$/u, ''));

/** The words a scan found, as the spans give them: lower-cased slices of the text they are in. */
const spanned = (spans: WordSpans): string[] => Array.from({ length: spans.count }, (_, k) => spans.text.slice(spans.starts[k], spans.ends[k]).toLowerCase());

/** A small seeded generator, so a failing text can be found again. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

/** Texts made of the characters the scanners treat specially, in every order. */
function trickyTexts(count: number): string[] {
  const pieces = ['a', 'p', 'pp', 's', 'Z', '9', '0', "'", '’', '+', ' ', '\n', '-', '.', 'é', '£', 'İ', 'K', 'Children', "children's", "don't", 'pp+', 'PP+', 'att8', '2023/24'];
  const next = random(20261124);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 12) }, () => pieces[Math.floor(next() * pieces.length)]!).join(''));
}

const SAMPLES = [
  '',
  'The Panel RESOLVED: 1. That the report be noted.',
  "children's services, don't, o’neill’s, it's, pp+ and PP+ funding, app+, pp++, xpp+",
  'att8 scores rose 12% in 2022/23; £1.5m for the Virtual School',
  "abc'de9 and it'", // an apostrophe ending that stops at a digit, and one with nothing after it
  'İstanbul and the Kelvin sign K', // their lower case is ASCII
  ...trickyTexts(2_000),
];

describe('scanWords', () => {
  it('finds the words that the words regex finds in the text lower-cased, with a final "\'s" left off', () => {
    const spans = new WordSpans();
    for (const text of SAMPLES) expect(spanned(scanWords(text, spans))).toStrictEqual(wordsByRegex(text.toLowerCase()));
  });

  it('gives each word, in any case, the hash WordTable gives the same word elsewhere', () => {
    const spans = new WordSpans();
    const table = new WordTable();
    const text = "The Children's Panel: the children and THE panel's pp+ PP+";
    scanWords(text, spans);
    const ids = Array.from({ length: spans.count }, (_, k) => table.idOf(text, spans.starts[k]!, spans.ends[k]!, spans.hashes[k]!));
    expect(ids).toStrictEqual([0, 1, 2, 0, 1, 3, 0, 2, 4, 4]);
    expect(table.words).toStrictEqual(['the', 'children', 'panel', 'and', 'pp+']);
  });
});

describe('words', () => {
  it('reads any text (upper case included) as the regex did', () => {
    for (const text of SAMPLES) expect(words(text)).toStrictEqual(wordsByRegex(text.toLowerCase()));
  });
});

describe('WordTable', () => {
  it('numbers words in the order first seen, and finds each again by its characters', () => {
    const table = new WordTable();
    const spans = new WordSpans();
    const seen = new Map<string, number>();
    // Enough distinct words to make the table grow several times.
    const next = random(7);
    const text = Array.from({ length: 40_000 }, () => Array.from({ length: 1 + Math.floor(next() * 3) }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('')).join(' ');
    scanWords(text, spans);
    const expected: number[] = [];
    const ids: number[] = [];
    for (let k = 0; k < spans.count; k++) {
      const word = text.slice(spans.starts[k], spans.ends[k]);
      if (!seen.has(word)) seen.set(word, seen.size);
      expected.push(seen.get(word)!);
      ids.push(table.idOf(text, spans.starts[k]!, spans.ends[k]!, spans.hashes[k]!));
    }
    expect(ids).toStrictEqual(expected);
    expect(table.words).toStrictEqual([...seen.keys()]);
    expect(table.size).toBe(seen.size);
  });
});

describe('firstCopies', () => {
  it('points each text at the first text equal to it', () => {
    const texts = ['minutes', 'agenda', 'minutes', 'Minutes', 'agenda', '', ''];
    expect([...firstCopies(texts)]).toStrictEqual([0, 1, 0, 3, 1, 5, 5]);
  });

  it('tells apart texts of one length that differ only where the fingerprint does not look', () => {
    const long = 'x'.repeat(100);
    const texts = [`${long}a${long}`, `${long}b${long}`, `${long}a${long}`];
    expect([...firstCopies(texts)]).toStrictEqual([0, 1, 0]);
  });
});
