import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Every question the answer tests ask (the string given to `ask(`, `read(` or `readQuestion(` in
 * test/answer), and every question of the shared answer sets this project may read. The held-out
 * phrasings in eval/ are left out on purpose: they judge the reading, so nothing is fitted to them.
 */
const TEST_DIR = join(__dirname, '..', 'answer');
export const SHARED = join(__dirname, '..', '..', '..', 'shared');
/** The shared sets a developer of the answer room may read (others are held out for first-contact scores). */
const SHARED_SETS = ['eval/qa.json', 'councils/kingston/qa.json', 'councils/bristol/qa.json', 'councils/manchester/qa.json', 'councils/souldern/qa.json', 'councils/ayton/qa.json'];

/** A call's first argument, a single-quoted string literal (escaped quotes allowed). */
const CALL = /\b(?:ask|read|readQuestion)\(\s*'((?:[^'\\]|\\.)+)'/gu;

export function testQuestions(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(TEST_DIR).filter((f) => f.endsWith('.test.ts')).sort()) {
    for (const m of readFileSync(join(TEST_DIR, name), 'utf8').matchAll(CALL)) found.add(m[1]!.replace(/\\(.)/gu, '$1'));
  }
  return [...found];
}

/** The shared sets' questions, or null when ../shared is not beside the project. */
export function sharedQuestions(): string[] | null {
  if (!existsSync(join(SHARED, 'eval', 'qa.json'))) return null;
  const found: string[] = [];
  for (const set of SHARED_SETS) {
    const path = join(SHARED, set);
    if (!existsSync(path)) continue;
    for (const c of JSON.parse(readFileSync(path, 'utf8')) as { question: string }[]) found.push(c.question);
  }
  return found;
}
