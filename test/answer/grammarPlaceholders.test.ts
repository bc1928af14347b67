import grammarData from '../../data/question-grammar.json';
import { GrammarError, readGrammar } from '../../src/answer/questionGrammar';

/** The least grammar readGrammar accepts, with these kinds and placeholders. */
const grammarWith = (kinds: unknown[], placeholders: Record<string, string> = {}): unknown => ({ placeholders, kinds, fallback: 'fact', stopWords: '' });

/** Every string in the grammar's data but the placeholders' own names. */
function stringsOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(stringsOf);
  if (v && typeof v === 'object') return Object.values(v).flatMap(stringsOf);
  return [];
}

describe('question-grammar.json placeholders', () => {
  it('writes a placeholder out in the pattern that names it, and one placeholder in another', () => {
    const g = readGrammar(grammarWith([{ kind: 'next_meeting', when: ['\\bnext {meeting}\\b', '{lastMeeting}'] }], { meeting: '(?:meeting|mtg)', lastMeeting: '\\blast {meeting}\\b' }));
    expect(g.kinds[0]?.when).toEqual(['\\bnext (?:meeting|mtg)\\b', '\\blast (?:meeting|mtg)\\b']);
  });

  it('leaves counts and escapes with braces as regex', () => {
    const g = readGrammar(grammarWith([{ kind: 'fact', when: ['(?:\\w+ ){0,2}\\p{L}\\u{61}\\{x\\}'] }], { u: 'wrong', x: 'wrong' }));
    expect(g.kinds[0]?.when).toEqual(['(?:\\w+ ){0,2}\\p{L}\\u{61}\\{x\\}']);
  });

  it('stops on an unknown placeholder, naming the rule and the placeholder', () => {
    const read = (): unknown => readGrammar(grammarWith([{ kind: 'agenda', when: ['\\bagenda\\b'] }, { kind: 'agenda', detail: 'apologies', unless: ['\\b{meting}\\b'] }], { meeting: '(?:meeting|mtg)' }));
    expect(read).toThrow(GrammarError);
    expect(read).toThrow(/rule 1 \(agenda\/apologies\) unless\[0\]: no placeholder \{meting\}/u);
    // The unknown name is the error; the pattern it leaves not compiling is not a second one.
    expect(read).not.toThrow(/Invalid regular expression/u);
  });

  it('stops on a pattern that does not compile once written out, naming where', () => {
    expect(() => readGrammar({ ...(grammarWith([], { open: '(?:a|b' }) as object), phrases: { asksOpen: '\\b{open}\\b' } })).toThrow(/phrases\.asksOpen: /u);
  });

  it('uses every placeholder it defines, each written out as a valid regex', () => {
    const data = grammarData as { placeholders: Record<string, string> };
    const names = Object.keys(data.placeholders);
    expect(names.length).toBeGreaterThan(0);
    const used = stringsOf({ ...grammarData, placeholders: Object.values(data.placeholders) }).join('\n');
    expect(names.filter((n) => !used.includes(`{${n}}`))).toEqual([]);
    expect(() => readGrammar(grammarData)).not.toThrow();
  });
});
