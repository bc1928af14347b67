import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import committeeData from '../data/committees.json';

/**
 * Synthetic council archives for the benchmark, made from the sample papers. Copy 0 is the sample
 * papers as they are; every other copy is one invented panel's papers from another decade, with its
 * own councillors' names and figures, so passages differ and the vocabulary grows the way a real
 * archive's does (names, amounts), not just its size.
 */

/** Invented panels; each copy of the sample papers belongs to one of them. */
const PANELS = [
  'Adults and Safer City', 'Economy and Growth', 'Climate Change and Environment', 'Health', 'Housing Standards',
  'Resources and Equality', 'Stronger City Economy', 'Vibrant and Sustainable City', 'Our Council', 'Transport and Highways',
  'Culture and Leisure', 'Skills and Employment', 'Public Protection', 'Communities', 'Digital Inclusion',
  'Licensing and Regulation', 'Older People', 'Education and Learning', 'Neighbourhoods', 'Planning Policy',
  'Waste and Recycling', 'Homelessness', 'Wellbeing', 'Finance and Audit',
].map((p) => `${p} Scrutiny Panel`);

/** Years per copy block: the samples span about a decade, so blocks of copies do not overlap in time. */
const YEARS_PER_BLOCK = 10;

const SYLLABLES = 'al bren cor dan el fen gar hal is jor kel lin mor nes or pel quin ros sal tor ul ven wyn yar zel'.split(' ');

/** A small seeded generator, so a size always makes the same corpus and runs compare. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

function inventName(next: () => number): string {
  const n = 2 + Math.floor(next() * 2);
  const word = Array.from({ length: n }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!).join('');
  return word[0]!.toUpperCase() + word.slice(1);
}

/** "Cllr Rita Potter", "Cllr Dr Michael Hardacre": the first and last names the copies replace. */
const COUNCILLOR = /Cllr (?:Dr )?([A-Z][a-z]+) ([A-Z][a-zA-Z'-]+)/gu;

/** Every spelling of the sample panel's name, longest first so a longer name is replaced whole. */
const PANEL_NAMES = (committeeData as { committees: { names: string[] }[] }).committees
  .flatMap((c) => c.names)
  .sort((a, b) => b.length - a.length);

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Copy `k` of one sample paper: another panel, `shift` years earlier, other people, other figures. */
export function varyPaper(text: string, k: number, names: readonly string[]): string {
  if (k === 0) return text;
  const next = random(k * 7919 + text.length);
  const panel = PANELS[(k - 1) % PANELS.length]!;
  const shift = -YEARS_PER_BLOCK * (1 + Math.floor((k - 1) / PANELS.length));
  let out = text;
  for (const name of PANEL_NAMES) out = out.replace(new RegExp(escape(name), 'giu'), panel);
  // Four-digit years in the papers' range; "17/18" style years are left, as a real archive's drift would.
  out = out.replace(/\b(19[89]\d|20[0-3]\d)\b/gu, (y) => String(Number(y) + shift));
  const renamed = new Map(names.map((n) => [n, inventName(next)] as const));
  out = out.replace(/\b[A-Z][a-zA-Z'-]+\b/gu, (w) => renamed.get(w) ?? w);
  // Amounts and percentages change; item numbers, times and dates stay, so the papers still parse.
  out = out.replace(/£(\d[\d,]*(?:\.\d+)?)/gu, (_, n: string) => `£${(Number(n.replace(/,/gu, '')) * (0.5 + next())).toFixed(n.includes('.') ? 2 : 0)}`);
  out = out.replace(/\b(\d{1,3}(?:\.\d)?)%/gu, () => `${(next() * 100).toFixed(1)}%`);
  return out;
}

/**
 * Writes about `sizeMB` megabytes of papers into `dir` (emptied first) and returns the bytes written.
 * Copies are whole sets of the sample papers, so every meeting's agenda, minutes and reports stay together.
 */
export function writeSyntheticCorpus(samplesDir: string, dir: string, sizeMB: number): number {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const samples = readdirSync(samplesDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(samplesDir, f), 'utf8') }));
  const names = [...new Set(samples.flatMap((s) => [...s.text.matchAll(COUNCILLOR)].flatMap((m) => [m[1]!, m[2]!])))];
  let bytes = 0;
  for (let k = 0; bytes < sizeMB * 1e6; k++) {
    for (const s of samples) {
      const text = varyPaper(s.text, k, names);
      writeFileSync(join(dir, `${String(k).padStart(4, '0')}_${s.file}`), text);
      bytes += Buffer.byteLength(text);
    }
  }
  return bytes;
}
