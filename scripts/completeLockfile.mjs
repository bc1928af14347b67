#!/usr/bin/env node
// Adds lock entries for optional, platform-specific packages that this machine's npm registry
// does not serve (e.g. @unrs/resolver-binding-darwin-arm64, which jest's resolver lists for every
// platform). `npm install` here leaves them out of package-lock.json, and `npm ci` then refuses the
// lock as "not in sync". Each missing entry is recorded as optional, with the os/cpu it is built
// for when its name says, so `npm ci` skips it on other platforms instead of fetching it.
// Run after `npm install`: node scripts/completeLockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';

const path = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(path, 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [where, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const nested = `${where}/node_modules/${name}`;
    if (packages[key] || packages[nested]) continue;
    const version = String(range).replace(/^[\^~=]/u, '');
    packages[key] = { version, optional: true, ...(entry.dev ? { dev: true } : {}), ...platformOf(name) };
    added++;
  }
}
writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`completeLockfile: added ${added} optional platform package entr${added === 1 ? 'y' : 'ies'}`);

/** "@unrs/resolver-binding-darwin-arm64" -> { os: ["darwin"], cpu: ["arm64"] }. */
function platformOf(name) {
  const os = ['android', 'darwin', 'freebsd', 'linux', 'openharmony', 'win32', 'wasm32', 'sunos', 'aix', 'netbsd', 'openbsd'].find((o) => name.includes(`-${o}`));
  const cpu = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'wasm32'].find((c) => new RegExp(`-${c}(?:-|$)`, 'u').test(name));
  return { ...(os && os !== 'wasm32' ? { os: [os] } : {}), ...(cpu && cpu !== 'wasm32' ? { cpu: [cpu] } : {}) };
}
