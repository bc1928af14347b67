import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SHARED_COUNCILS, sharedCouncils, sourceRows } from './identity/sharedCouncils';

/**
 * Nothing in src/ names a council or a place: a rule keyed to one council is a defect (vocabulary is
 * data). The names are the shared councils' own, from their SOURCES.md tables, and a few more of
 * councils the project was shown.
 */
const SRC = join(__dirname, '..', '..', 'src');
/** Councils and places named in the issues and the sample papers, beside those SOURCES.md gives. */
const ALSO = ['Wolverhampton', 'Kent', 'Maidstone', 'Sessions House'];
/** Words of a council's name that are not its place ("Royal Borough of", "City Council", "(Cherwell, ...)"' punctuation aside). */
const GENERIC = new Set(
  'royal borough of the upon on under in and city council county district parish community town metropolitan combined authority unitary london greater west east north south england scotland wales uk united kingdom'.split(' '),
);

/** The place names of a council's name: the runs of its words that are not generic ("Kingston", "Thames", "Scottish Borders"). */
function placesIn(name: string): string[] {
  const runs: string[] = [];
  // Punctuation ends a run too: "(Cherwell, Oxfordshire)" is two places.
  for (const part of name.split(/[(),;:/]+/u)) {
    let run: string[] = [];
    for (const word of part.split(/[^\p{L}'’-]+/u).filter(Boolean)) {
      if (GENERIC.has(word.toLowerCase())) {
        if (run.length > 0) runs.push(run.join(' '));
        run = [];
      } else run.push(word);
    }
    if (run.length > 0) runs.push(run.join(' '));
  }
  return runs.filter((r) => r.length > 2);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.(ts|mjs|js)$/u.test(d.name) ? [join(dir, d.name)] : []));
}

const councils = sharedCouncils();
const places = [...new Set([...ALSO, ...councils, ...councils.flatMap((c) => sourceRows(c).flatMap((r) => placesIn(r.council)))])];

describe('src/ names no council and no place', () => {
  if (councils.length === 0) {
    it.skip(`(shared councils' names skipped: no councils at ${SHARED_COUNCILS}); the short list alone is checked below`, () => undefined);
  }

  it('finds the councils\' places in their SOURCES.md tables', () => {
    if (councils.length > 0) expect(places.length).toBeGreaterThan(ALSO.length + councils.length);
    expect(placesIn('Royal Borough of Kingston upon Thames')).toStrictEqual(['Kingston', 'Thames']);
    expect(placesIn('Northby Community Council (Eastshire Borders)')).toStrictEqual(['Northby', 'Eastshire Borders']);
    expect(placesIn('Eastfield Parish Council (Westvale, Midshire)')).toStrictEqual(['Eastfield', 'Westvale', 'Midshire']);
  });

  it('has none of them in any source file', () => {
    const named = sourceFiles(SRC).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return places.filter((p) => new RegExp(`(?<![\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}])`, 'iu').test(text)).map((p) => `${relative(SRC, file)}: ${p}`);
    });
    expect(named).toStrictEqual([]);
  });
});
