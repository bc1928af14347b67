import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The import graph, read from the sources: stages point one way (model <- ingest <- parse <- search
 * <- answer <- bot and the rest), and inside the answer room kinds sit on top: a kind may use the
 * engine's pieces (read/, compose/, the shared helpers), never the other way, so a kind can be
 * added or removed without touching what it stands on.
 */
const SRC = join(__dirname, '..', '..', 'src');
/** Stages in pipeline order; a stage imports only from stages before it. */
const STAGES = ['model', 'ingest', 'parse', 'search', 'answer'];

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

/** Every relative import of a file, as a path under src/ ("answer/kinds/fact"). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+'(\.{1,2}\/[^']+)'/gu)) found.push(relative(SRC, resolve(dirname(file), m[1]!)));
  return found;
}

const edges = sources(SRC).flatMap((file) => importsOf(file).map((to) => ({ from: relative(SRC, file).replace(/\.ts$/u, ''), to })));
const stageOf = (path: string): string => path.split('/')[0]!;

describe('dependency direction', () => {
  it('finds the imports it checks', () => {
    expect(edges.some((e) => e.from.startsWith('answer/') && stageOf(e.to) === 'search')).toBe(true);
    // The arrow it must refuse exists in the graph, the other way round: the bot imports the answer room.
    expect(edges.some((e) => e.from.startsWith('bot/') && stageOf(e.to) === 'answer')).toBe(true);
  });

  it('has no stage import a stage after it in the pipeline', () => {
    // Imports from outside src/ (data/*.json) are data, not a stage.
    const against = edges.filter((e) => {
      const from = STAGES.indexOf(stageOf(e.from));
      const to = stageOf(e.to);
      return from >= 0 && !e.to.startsWith('../') && to !== stageOf(e.from) && !STAGES.slice(0, from).includes(to);
    });
    expect(against.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has kinds depend on the engine, never the engine on a kind (only the engine\'s registry lists them)', () => {
    const intoKinds = edges.filter((e) => e.to.startsWith('answer/kinds') && !e.from.startsWith('answer/kinds/') && e.from !== 'answer/answerQuestion');
    expect(intoKinds.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has no kind, reading or composer import the engine that runs them', () => {
    const back = edges.filter((e) => /^answer\/(?:kinds|read|compose)\//u.test(e.from) && (e.to === 'answer/answerQuestion' || e.to === 'answer' || e.to === 'answer/index'));
    expect(back.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });

  it('has the reading and the composers stand below the kinds', () => {
    const up = edges.filter((e) => /^answer\/(?:read|compose)\//u.test(e.from) && e.to.startsWith('answer/kinds'));
    expect(up.map((e) => `${e.from} -> ${e.to}`)).toEqual([]);
  });
});
