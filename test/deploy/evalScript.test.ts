import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** `npm run eval`'s script, copied into a clone-like folder with or without ../shared beside it. */
describe('npm run eval', () => {
  let dir: string;
  let script: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'eval-script-'));
    script = path.join(dir, 'clone', 'scripts', 'eval.mjs');
    mkdirSync(path.dirname(script), { recursive: true });
    copyFileSync(path.join(ROOT, 'scripts', 'eval.mjs'), script);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });

  it('without ../shared: exit 2 and one line saying where the scorer is expected', () => {
    const child = run();
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toBe(`npm run eval: the scorer is not here: expected ${path.join(dir, 'shared', 'eval', 'score.mjs')} (the shared evaluation folder beside this repository)\n`);
  });

  it('with ../shared: runs the shared scorer from the repository root, passing the arguments and its exit status', () => {
    mkdirSync(path.join(dir, 'shared', 'eval'), { recursive: true });
    writeFileSync(path.join(dir, 'shared', 'eval', 'score.mjs'), 'console.log(JSON.stringify({ cwd: process.cwd(), args: process.argv.slice(2) })); process.exit(3);\n');
    const child = run('--qa', 'x.json', '--verbose');
    expect(child.status).toBe(3);
    expect(JSON.parse(child.stdout)).toEqual({ cwd: path.join(dir, 'clone'), args: ['--qa', 'x.json', '--verbose'] });
  });
});
