/**
 * `node scripts/cpuProfileGroups.mjs bot.cpuprofile [requests]`: where a bot's CPU went while the HTTP
 * bench loaded it (docs/performance.md, "Where a request's time goes"). Start the bot with
 * `node --cpu-prof --cpu-prof-dir=DIR --import tsx index.ts`, load it with
 * `npm run bench -- --sizes 100 --http-only --url http://127.0.0.1:PORT`, stop it with SIGINT (the
 * profile is written on exit), then read the profile here. Only the samples between the first and the
 * last turn are counted (not start-up); each goes to one group by its stack, first match wins.
 */
import { readFileSync } from 'node:fs';
const p = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const requests = Number(process.argv[3] ?? 2000);
const byId = new Map(p.nodes.map((x) => [x.id, x]));
const parent = new Map(); for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const stackOf = new Map();
const stack = (id) => { if (stackOf.has(id)) return stackOf.get(id); const out = []; let cur = id; while (cur !== undefined) { const x = byId.get(cur); out.push(x.callFrame); cur = parent.get(cur); } stackOf.set(id, out); return out; };
const isAnswer = (s) => s.some((f) => f.functionName === 'answer' && f.url.includes('PanelBot'));
let t = p.startTime; const times = [];
for (let i = 0; i < p.samples.length; i++) { t += p.timeDeltas[i]; times.push(t); }
let first = -1, last = -1;
for (let i = 0; i < p.samples.length; i++) if (isAnswer(stack(p.samples[i]))) { if (first < 0) first = i; last = i; }
const cat = new Map(); let total = 0;
const add = (k, d) => cat.set(k, (cat.get(k) ?? 0) + d);
for (let i = first; i <= last; i++) {
  const d = p.timeDeltas[i + 1] ?? 0; const s = stack(p.samples[i]); const top = s[0];
  total += d;
  if (top.functionName === '(idle)') { add('idle (waiting on the load generator)', d); continue; }
  if (top.functionName === '(garbage collector)') { add('garbage collection', d); continue; }
  const has = (fn, url) => s.some((f) => (!fn || f.functionName === fn) && (!url || f.url.includes(url)));
  if (has('answerQuestion')) {
    if (has('score', 'PaperIndex')) add('answer: search scoring (PaperIndex.score)', d);
    else if (has('findPassages')) add('answer: reading and ranking passages (findPassages, rest)', d);
    else if (has('answerTimeline')) add('answer: timelines (rest)', d);
    else add('answer: other (spelling, understand, meetings, decisions, citations)', d);
    continue;
  }
  if (has('get', 'AnswerCache') || has('answer', 'AnswerCache')) { add('answer cache lookup', d); continue; }
  if (has('renderAnswer')) { add('rendering the reply (renderAnswer, cards)', d); continue; }
  if (top.url.includes('restify') || has('send', 'restify') || has('', 'jsonBodyParser') || has('', 'bodyReader')) { add('restify (body parse, JSON send)', d); continue; }
  if (top.functionName === 'writev' || top.functionName === 'writeUtf8String' || top.url.startsWith('node:') || top.url === '') { add('node http/socket', d); continue; }
  if (top.url.includes('botbuilder') || top.url.includes('botframework')) { add('botbuilder (CloudAdapter, TurnContext)', d); continue; }
  if (top.url.includes('zod')) { add('zod activity check', d); continue; }
  add(`other: ${top.url.replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/').replace(/.*node_modules\//, 'npm:')}`, d);
}
console.log(`window ${((times[last] - times[first]) / 1e6).toFixed(1)} s, ${requests} requests`);
const busy = total - (cat.get('idle (waiting on the load generator)') ?? 0);
for (const [k, d] of [...cat].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`${(d / 1e3 / requests).toFixed(2).padStart(6)} ms ${(100 * d / busy).toFixed(1).padStart(5)}%  ${k}`);
console.log(`busy ${(busy / 1e3 / requests).toFixed(2)} ms a request`);
