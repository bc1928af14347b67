import glossaryData from '../../data/glossary.json';
import { scanWords, WordSpans } from './wordScan';

// A Map, not the JSON object: a typed word such as "constructor" must not find Object.prototype's.
const TERMS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries((glossaryData as { terms: Record<string, string[]> }).terms));

/** Words of a question, lower case, with council shorthand expanded from data/glossary.json. */
export function expandTerms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    for (const expansion of TERMS.get(w) ?? []) out.push(...expansion.split(/\s+/u));
  }
  return [...new Set(out)];
}

/** Reused by every call: `words` runs on every passage a question's search returns. */
const SPANS = new WordSpans();

/** "pp+" and "att8" survive; everything else splits on what is not a letter or digit ("children's" is "children"). */
export function words(text: string): string[] {
  const lower = text.toLowerCase();
  const spans = scanWords(lower, SPANS);
  const out = new Array<string>(spans.count);
  for (let k = 0; k < spans.count; k++) out[k] = lower.slice(spans.starts[k], spans.ends[k]);
  return out;
}

/** The multi-word meanings of the shorthand typed ("lac" -> "looked after children"). */
export function glossaryPhrases(typed: readonly string[]): string[] {
  return typed.flatMap((w) => (TERMS.get(w) ?? []).filter((e) => e.includes(' ')));
}

/** What a shorthand word means, each meaning as data/glossary.json writes it ("psw" -> ["principal social worker"]). */
export function meaningsOf(word: string): readonly string[] {
  return TERMS.get(word) ?? [];
}
