// `npm run eval`: the shared scorer, ../shared/eval/score.mjs beside this repository, run with the
// arguments given. It is never copied in (a copy would drift from the one the evaluation uses), so a
// clone without it gets one line saying where it is expected, and exit status 2.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scorer = path.resolve(root, '..', 'shared', 'eval', 'score.mjs');

if (!existsSync(scorer)) {
  process.stderr.write(`npm run eval: the scorer is not here: expected ${scorer} (the shared evaluation folder beside this repository)\n`);
  process.exit(2);
}
const run = spawnSync(process.execPath, [scorer, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
