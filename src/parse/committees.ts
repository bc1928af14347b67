import committeeData from '../../data/committees.json';
import { remembered } from './remembered';

interface CommitteeEntry {
  readonly canonical: string;
  readonly names: readonly string[];
}

const FILLER_WORDS = new RegExp(`\\b(?:${(committeeData as { fillerWords: string[] }).fillerWords.join('|')})\\b`, 'gu');

/**
 * Lower case, "&" read as "and", no punctuation, no filler words ("the", "and", "policy": see
 * data/committees.json), single spaces: how two spellings of one name compare, so that "Transport &
 * Connectivity Policy Committee" and "Transport and Connectivity Committee" are one committee.
 */
export const committeeKey = remembered(keyOf);

function keyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/gu, ' and ')
    .replace(/[^a-z\s]/gu, ' ')
    .replace(FILLER_WORDS, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const ENTRIES: readonly CommitteeEntry[] = (committeeData as { committees: CommitteeEntry[] }).committees;
const CANONICAL = new Map<string, string>(
  ENTRIES.flatMap((e) => e.names.map((n) => [committeeKey(n), e.canonical] as const)),
);

/** The panel a written committee name stands for, or the name itself when the mapping does not know it. */
export function canonicalCommittee(name: string): string {
  return CANONICAL.get(committeeKey(name)) ?? name.trim();
}

export function isKnownCommittee(name: string): boolean {
  return CANONICAL.has(committeeKey(name));
}

/**
 * A committee name written in a line: "... Scrutiny Panel", "... Committee", "... Board".
 * Council committee names are runs of capitalised words, commas and "and".
 */
const COMMITTEE_NAME =
  /((?:[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+)?){1,10}(?:Scrutiny Panel|Scrutiny Board|Committee(?!\s+Room)|Cabinet|Scrutiny Review Group))/u;

export function findCommitteeName(line: string): string | null {
  const m = COMMITTEE_NAME.exec(line.replace(/\*\*/gu, ''));
  if (!m?.[1]) return null;
  // Prefer the longest known name that ends the match ("Members of the Children, Young ..." -> the panel).
  const words = m[1].trim().split(/\s+/u);
  for (let i = 0; i < words.length - 1; i++) {
    const candidate = words.slice(i).join(' ');
    if (isKnownCommittee(candidate)) return candidate;
  }
  const cleaned = words.filter((w, i) => i > 0 || !/^(Members|Minutes|Report|CITY|COUNCIL)$/u.test(w));
  return cleaned.length >= 2 ? cleaned.join(' ') : null;
}
