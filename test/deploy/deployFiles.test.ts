import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const unit = readFileSync(path.join(ROOT, 'deploy', 'panel-papers.service'), 'utf8');
const dockerfile = readFileSync(path.join(ROOT, 'deploy', 'Dockerfile'), 'utf8');

/** The value of each `Key=` line of the unit, in order. */
const values = (key: string): string[] => [...unit.matchAll(new RegExp(`^${key}=(.*)$`, 'gmu'))].map((m) => m[1]!);

/** The version check ExecStartPre runs: the script in its double-quoted -e argument. */
const versionCheck = (): string => /-e "(.*)"$/u.exec(values('ExecStartPre')[0] ?? '')?.[1] ?? '';

/** The distribution's Node, when it is older than 22 (as on Debian 12 and on this project's CI image). */
const oldSystemNode = ((): string | null => {
  if (!existsSync('/usr/bin/node')) return null;
  const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8' }).trim();
  return Number(version.slice(1).split('.')[0]) < 22 ? version : null;
})();

describe('the systemd unit', () => {
  it("runs Node 22 from its own path, not the distribution's /usr/bin/node, checking the version first", () => {
    const [start] = values('ExecStart');
    const node = start?.split(' ')[0];
    expect(node).toBe('/opt/node22/bin/node');
    expect(values('ExecStartPre')[0]?.startsWith(`${node} -e `)).toBe(true);
    expect(versionCheck()).not.toBe('');
  });

  it('its version check passes on Node 22', () => {
    expect(spawnSync(process.execPath, ['-e', versionCheck()], { encoding: 'utf8' }).status).toBe(0);
  });

  (oldSystemNode ? it : it.skip)(`its version check refuses an older Node in one line (here /usr/bin/node ${oldSystemNode ?? 'is absent or 22+'})`, () => {
    const run = spawnSync('/usr/bin/node', ['-e', versionCheck()], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(`panel-papers needs Node.js 22 or later; /opt/node22/bin/node is ${oldSystemNode}\n`);
  });

  it('may write the papers folder it sets, where fetching saves', () => {
    const papersDir = values('Environment').find((e) => e.startsWith('PAPERS_DIR='))?.slice('PAPERS_DIR='.length);
    expect(papersDir).toBeTruthy();
    expect(values('ReadWritePaths')[0]?.split(' ')).toContain(papersDir);
  });
});

describe('the Dockerfile', () => {
  it("gives the node user the papers folder, and its example mounts it writable", () => {
    expect(dockerfile).toMatch(/^RUN mkdir -p [^\n]*\/papers && chown -R node:node [^\n]*\/papers$/mu);
    const example = dockerfile.split('\n').find((line) => line.includes('docker run'));
    expect(example).toMatch(/:\/papers(\s|$)/u);
    expect(example).not.toMatch(/:\/papers:ro/u);
  });
});
