// Per-question cost in process, as the HTTP bench asks (today's date, follow-up context per user).
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { answerQuestion, prepareAnswers } from '../src/answer';
import { loadPaperIndex } from '../src/search';
import { benchQuestions } from '../scripts/benchQuestions';
const snap = '/tmp/perf/perq-index';
rmSync(snap, { recursive: true, force: true }); mkdirSync(snap);
cpSync('/tmp/panel-papers-bench/index-100/papers-index.jsonl', `${snap}/papers-index.jsonl`);
const { index, fromSnapshot } = loadPaperIndex('/tmp/panel-papers-bench/papers-100', { snapshotDir: snap });
if (!fromSnapshot) console.error('NOT from snapshot');
prepareAnswers(index);
const ix = index as any; const origScore = ix.score.bind(ix); let scoreCalls = 0, scoreMs = 0; const origScored = ix.scored.bind(ix); let scoredCalls = 0;
ix.score = (q: string, c: string) => { scoreCalls++; const t = performance.now(); const r = origScore(q, c); scoreMs += performance.now() - t; return r; };
ix.scored = (q: string, c: string) => { scoredCalls++; return origScored(q, c); };
process.on('exit', () => console.log(`scored ${scoredCalls} score ${scoreCalls} ${scoreMs.toFixed(0)} ms`));
const only = process.argv[4] ? new RegExp(process.argv[4]) : null;
const texts = [...new Set(benchQuestions().map((q) => q.text))].filter((t) => !only || only.test(t));
const kinds = new Map(benchQuestions().map((q) => [q.text, q.kind]));
const asOf = process.argv[2] ?? '2026-12-03';
const rounds = Number(process.argv[3] ?? 5);
const times = new Map<string, number[]>();
const prev = new Map<number, any>();
let k = 0; const outs: string[] = [];
const t0 = performance.now(); const c0 = process.cpuUsage();
for (let r = 0; r < rounds; r++) for (const text of texts) {
  const user = k % 500; k++;
  const t = performance.now();
  const a = answerQuestion(index, { text, asOf, previous: prev.get(user) });
  prev.set(user, a.context);
  if (process.env.OUT) outs.push(JSON.stringify(a));
  const ms = performance.now() - t;
  times.set(text, [...(times.get(text) ?? []), ms]);
}
const total = performance.now() - t0;
if (process.env.OUT) require('node:fs').writeFileSync(process.env.OUT, outs.join('\n'));
const rows = [...times].map(([t, xs]) => ({ t, kind: kinds.get(t), first: xs[0]!, rest: xs.slice(1).reduce((a, b) => a + b, 0) / Math.max(1, xs.length - 1) }));
rows.sort((a, b) => b.rest - a.rest);
for (const r of rows) console.log(`${r.first.toFixed(1).padStart(7)} ${r.rest.toFixed(1).padStart(7)}  ${r.kind?.padEnd(13)} ${r.t}`);
const c = process.cpuUsage(c0); console.log(`mean ${(total / k).toFixed(2)} ms wall, ${((c.user + c.system) / 1000 / k).toFixed(2)} ms cpu over ${k}`);
