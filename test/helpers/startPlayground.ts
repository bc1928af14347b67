import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface Playground {
  readonly url: string;
  /** Everything the client printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts Microsoft 365 Agents Playground (a local Teams-like client) against `endpoint`.
 * Headless, it exits unless it can open a browser, so a no-op `xdg-open` goes first on PATH.
 */
export async function startPlayground(endpoint: string, timeoutMs = 30_000): Promise<Playground> {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'noop-xdg-'));
  writeFileSync(path.join(bin, 'xdg-open'), '#!/bin/sh\nexit 0\n');
  chmodSync(path.join(bin, 'xdg-open'), 0o755);
  const port = await freePort();
  const cli = path.resolve(__dirname, '..', '..', 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');
  const child: ChildProcess = spawn(process.execPath, [cli, 'start', '-e', endpoint, '-c', 'msteams', '-p', String(port), '--disable-telemetry'], {
    env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, BROWSER: 'none' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stop() ends the client and anything it started, and nothing else.
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes(`Listening on ${port}`)) {
    if (child.exitCode !== null) throw new Error(`playground exited with ${child.exitCode}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`playground did not start in ${timeoutMs} ms:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.pid === undefined) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGTERM');
      await exited;
    },
  };
}
