// The bench's in-process answering (each of benchQuestions asked once on its day), on the 100 MB snapshot.
import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { answerQuestion, prepareAnswers } from '../src/answer';
import { loadPaperIndex } from '../src/search';
import { benchQuestions } from '../scripts/benchQuestions';
import { percentile } from '../scripts/benchHttp';
const snap = '/tmp/perf/kinds-index';
rmSync(snap, { recursive: true, force: true }); mkdirSync(snap);
cpSync('/tmp/panel-papers-bench/index-100/papers-index.jsonl', `${snap}/papers-index.jsonl`);
const { index, fromSnapshot } = loadPaperIndex('/tmp/panel-papers-bench/papers-100', { snapshotDir: snap });
if (!fromSnapshot) console.error('NOT from snapshot');
prepareAnswers(index);
const by = new Map<string, number[]>(); const all: number[] = [];
for (const q of benchQuestions()) { const t = performance.now(); answerQuestion(index, { text: q.text, asOf: q.asOf }); const ms = performance.now() - t; all.push(ms); if (q.kind === 'timeline' && process.env.SHOW) console.log(ms.toFixed(1), q.asOf, q.text); by.set(q.kind, [...(by.get(q.kind) ?? []), ms]); }
const s = (xs: number[]) => [...xs].sort((a, b) => a - b);
const f = (xs: number[]) => { const x = s(xs); return `${percentile(x, 0.5).toFixed(1)} / ${percentile(x, 0.95).toFixed(1)} / ${percentile(x, 0.99).toFixed(1)}`; };
console.log(`all ${f(all)}`); for (const [k, xs] of by) console.log(`${k} ${f(xs)}`);
