import glossaryData from '../../data/glossary.json';

const TERMS: Readonly<Record<string, readonly string[]>> = (glossaryData as { terms: Record<string, string[]> }).terms;

/** Words of a question, lower case, with council shorthand expanded from data/glossary.json. */
export function expandTerms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    out.push(w);
    for (const expansion of TERMS[w] ?? []) out.push(...expansion.split(/\s+/u));
  }
  return [...new Set(out)];
}

/** "pp+" and "att8" survive; everything else splits on what is not a letter or digit. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/pp\+|[a-z0-9]+(?:['’][a-z]+)?/gu) ?? []).map((w) => w.replace(/['’]s$/u, ''));
}

/** The multi-word meanings of the shorthand typed ("lac" -> "looked after children"). */
export function glossaryPhrases(typed: readonly string[]): string[] {
  return typed.flatMap((w) => (TERMS[w] ?? []).filter((e) => e.includes(' ')));
}
