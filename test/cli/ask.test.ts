import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

/** Runs `npm run ask -- ...args` as a user would (through tsx), with stdin. */
function ask(args: readonly string[], input = ''): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(TSX, [path.join(ROOT, 'src', 'cli', 'ask.ts'), ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('npm run ask', () => {
  it('prints its usage for --help and exits 0', () => {
    const run = ask(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: npm run ask -- \[options\]/u);
    expect(run.stdout).toContain('--as-of YYYY-MM-DD');
  });

  it('refuses an unknown option with the usage and exit code 2, not reading it as the question', () => {
    const run = ask(['--asof', '2023-02-01', 'next meeting?']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ask: unknown option --asof');
    expect(run.stderr).toContain('Usage:');
    expect(run.stdout).toBe('');
  });

  it.each([['2023-02-30'], ['2023-13-01'], ['30/01/2023']])('refuses the impossible or misspelt date %s', (date) => {
    const run = ask(['--as-of', date, 'next meeting?']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(`--as-of "${date}" is not a real date written YYYY-MM-DD`);
  });

  it('refuses a value option given no value', () => {
    const run = ask(['--dir']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('ask: --dir needs a value');
  });

  it('says which papers folder is missing, without a stack trace', () => {
    const run = ask(['--dir', path.join(ROOT, 'no-such-folder'), 'next meeting?']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('does not exist. Set PAPERS_DIR');
    expect(run.stderr).not.toMatch(/\bat \S+ \(/u);
  });

  it('answers JSON Lines and skips a line whose asOf is not a real date, answering the rest', () => {
    const input = [JSON.stringify({ id: 'bad', question: 'next meeting?', asOf: '2023-02-30' }), JSON.stringify({ id: 'good', question: 'next meeting?', asOf: '2023-07-20' })].join('\n');
    const run = ask(['--jsonl'], input);
    expect(run.status).toBe(0);
    const answers = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; kind: string; text: string });
    expect(answers.map((a) => a.id)).toEqual(['good']);
    // The whole answer on failure, and stderr, so a wrong kind says why.
    expect({ ...answers[0], stderr: run.stderr.slice(-2000) }).toMatchObject({ kind: 'next_meeting', text: expect.stringContaining('27 July 2023') });
    expect(run.stderr).toContain('ask: skipped a line');
  });
  it('the prompt reads a follow-up with the last answer; JSON Lines answer each line on its own', () => {
    const questions = ['what did the panel resolve on exclusions', 'and who presented it?'];
    const prompt = ask(['--as-of', '2023-07-20'], `${questions.join('\n')}\n`);
    expect(prompt.stdout).toContain('15 March 2023, item 11 School Exclusion and Suspensions: The Chair invited Brenda Wile');
    const lines = ask(['--jsonl'], questions.map((question, id) => JSON.stringify({ id, question, asOf: '2023-07-20' })).join('\n'));
    const answers = lines.stdout.trim().split('\n').map((l) => JSON.parse(l) as { text: string });
    expect(answers).toHaveLength(2);
    expect(answers[1]!.text).not.toContain('Brenda Wile');
  });
});
