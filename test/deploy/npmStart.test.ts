import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const hasProc = existsSync('/proc/self/stat');

/** The pids of a process's children, from /proc (Linux). */
function childrenOf(pid: number): number[] {
  const tasks = path.join('/proc', String(pid), 'task');
  return readFileSync(path.join(tasks, String(pid), 'children'), 'utf8').trim().split(/\s+/u).filter(Boolean).map(Number);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

(hasProc ? describe : describe.skip)('`npm start` under a service manager', () => {
  it('stops the bot on SIGTERM sent to npm (npm passes it to node; no shell in between)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'npm-start-'));
    writeFileSync(path.join(dir, 'empty.env'), '');
    const env = { ...process.env, ENV_FILE: path.join(dir, 'empty.env'), PORT: '0', PAPERS_DIR: dir, DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'info', MicrosoftAppId: '', HOST: '' };
    const npm = spawn('npm', ['start', '--silent'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let bots: number[] = [];
    npm.stdout.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
    npm.stderr.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the bot did not start:\n${output}`)), 60_000);
        npm.stdout.on('data', () => {
          if (/"event":"ready"/u.test(output)) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      bots = childrenOf(npm.pid!);
      expect(bots).toHaveLength(1);
      const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
      npm.kill('SIGTERM');
      await exited;
      // The bot itself, not only npm, is gone, after its graceful shutdown.
      for (let i = 0; i < 50 && alive(bots[0]!); i += 1) await new Promise((r) => setTimeout(r, 100));
      expect(alive(bots[0]!)).toBe(false);
      expect(output).toMatch(/"event":"shutting_down","signal":"SIGTERM"/u);
    } finally {
      // A bot left running (the failure this test is for) would hold the test open: end it by its pid.
      for (const pid of bots) if (alive(pid)) process.kill(pid, 'SIGKILL');
      if (npm.exitCode === null) npm.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
