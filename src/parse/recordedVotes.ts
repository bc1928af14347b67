import type { RecordedVote } from '../model';
import { isBlank, type PageOf, span } from './lines';
import { keptText } from './readers/common';
import { VOCABULARY } from './vocabulary';

const V = VOCABULARY.vote;

/** A sentence of minutes and the lines it was written on. */
interface Sentence {
  readonly text: string;
  readonly first: number;
  readonly last: number;
}

/**
 * Sentences of lines[from..to], paragraph by paragraph (a blank line ends one). A full stop inside
 * brackets does not end a sentence: "(5 voting in favour and 1 against. There were 3 abstentions)".
 */
export function sentencesIn(lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>): Sentence[] {
  const out: Sentence[] = [];
  let text = '';
  let lineAt: number[] = [];
  const flush = (): void => {
    let start = 0;
    let depth = 0;
    for (let k = 0; k < text.length; k++) {
      const c = text[k];
      if (c === '(') depth++;
      else if (c === ')') depth = Math.max(0, depth - 1);
      const ends = depth === 0 && (c === '.' || c === ';' || c === '?') && (k + 1 === text.length || (text[k + 1] === ' ' && /[A-Z“"‘(]/u.test(text[k + 2] ?? '')));
      if (ends || k + 1 === text.length) {
        const s = text.slice(start, k + 1).trim();
        if (s) out.push({ text: s, first: lineAt[start] ?? lineAt[0]!, last: lineAt[k] ?? lineAt[lineAt.length - 1]! });
        start = k + 1;
      }
    }
    text = '';
    lineAt = [];
  };
  let afterFurniture = false;
  let broken = false;
  for (let i = from; i <= to; i++) {
    if (skip.has(i)) {
      // A page break is not a paragraph break: the blank line after a page's furniture is ignored.
      afterFurniture = true;
      continue;
    }
    const raw = lines[i] ?? '';
    if (isBlank(raw)) {
      broken ||= !afterFurniture;
      continue;
    }
    // A blank line ends a paragraph, unless it cut a sentence: no closing mark before it, a lower-case
    // word after it ("... held on 26th March 2026 were" / "" / "checked for accuracy ...").
    if (broken && !(text && !/[.:;?!]\s*$/u.test(text) && /^[a-z]/u.test(raw.trim()))) flush();
    broken = false;
    afterFurniture = false;
    const piece = `${text ? ' ' : ''}${raw.trim().replace(/\s+/gu, ' ')}`;
    for (let k = 0; k < piece.length; k++) lineAt.push(i);
    text += piece;
  }
  flush();
  return out;
}

interface Motion {
  readonly sentence: Sentence;
  readonly amendment: boolean;
  readonly mover: string | null;
  seconder: string | null;
  readonly motion: string | null;
}

/**
 * Every motion put in lines[from..to]: "Councillor X moved ... seconded by Councillor Y" and its outcome,
 * "On being put to the vote ... CARRIED (5 voting FOR, 4 voting AGAINST)", "The amendment was withdrawn".
 * An outcome takes the latest motion of its kind (an amendment's outcome, the amendment).
 */
export function recordedVotes(file: string, lines: readonly string[], from: number, to: number, skip: ReadonlySet<number>, pageOf: PageOf): RecordedVote[] {
  const votes: RecordedVote[] = [];
  const pending: Motion[] = [];
  for (const sentence of sentencesIn(lines, from, to, skip)) {
    const s = sentence.text;
    const moved = V.moved.test(s) ? V.mover.exec(s) : null;
    if (moved) {
      pending.push({
        sentence,
        amendment: /\bamendment\b/iu.test(s),
        mover: moved[1] ?? moved[2] ?? null,
        seconder: V.seconded.exec(s)?.[1] ?? null,
        motion: V.motion.exec(s.slice(0, moved.index + moved[0].length + 60))?.[1] ?? null,
      });
    } else if (V.seconded.test(s)) {
      const target = latest(pending, /\bamendment\b/iu.test(s));
      if (target && !target.seconder) target.seconder = V.seconded.exec(s)?.[1] ?? null;
    }
    const withdrawn = V.withdrawn.test(s);
    const outcome = withdrawn ? 'WITHDRAWN' : V.putToVote.test(s) ? (V.outcome.exec(s)?.[1] ?? null) : null;
    if (!outcome) continue;
    const voteClause = s.slice(Math.max(0, s.search(V.putToVote)));
    const named = V.motion.exec(voteClause.replace(V.putToVote, ''))?.[1] ?? V.motion.exec(s)?.[1] ?? null;
    const amendment = /\bamendment\b/iu.test(named ?? s);
    const motion = latest(pending, amendment);
    if (motion) pending.splice(pending.indexOf(motion), 1);
    const first = motion?.sentence.first ?? sentence.first;
    votes.push({
      motion: named ?? motion?.motion ?? null,
      mover: motion?.mover ?? null,
      seconder: motion?.seconder ?? null,
      for: count(V.for, s),
      against: count(V.against, s),
      abstain: count(V.abstain, s),
      unanimous: V.unanimous.test(s),
      outcome,
      text: keptText(lines, first, sentence.last, skip),
      source: span(file, first, sentence.last, pageOf),
    });
  }
  return votes;
}

function latest(pending: readonly Motion[], amendment: boolean): Motion | undefined {
  return [...pending].reverse().find((m) => m.amendment === amendment);
}

/** "5 voting FOR", "none against", "no ABSTAINING": a number, or null when the minutes give none. */
function count(patterns: readonly RegExp[], text: string): number | null {
  for (const p of patterns) {
    const m = p.exec(text);
    if (m?.[1]) return /^\d+$/u.test(m[1]) ? Number(m[1]) : 0;
  }
  return null;
}
