import type { LineRange, SourceDocument } from '../../ingest';
import type { IsoDate, RecordedVote, Resolution } from '../../model';
import { lineSpan, MODERNGOV } from './moderngov';

/** A rendered line with its 0-based index, so what is read from it can cite it. */
export interface IndexedLine {
  readonly index: number;
  readonly text: string;
}

/** The non-blank lines of a range with their indexes. */
export function indexedLines(doc: SourceDocument, range: LineRange): IndexedLine[] {
  const out: IndexedLine[] = [];
  for (let i = range.first; i <= range.last; i++) {
    const text = doc.lines[i] ?? '';
    if (text.trim() !== '') out.push({ index: i, text });
  }
  return out;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
/** "RESOLVED that:", "It was AGREED", ... at the start of a line (data/moderngov.json). */
const OPENER = new RegExp(`^\\s*(?:${MODERNGOV.resolutionOpeners.phrases.map(escape).join('|')})\\b`, 'iu');
/** "1.", "(2)", "a)", "iii." before a numbered point. */
const POINT_NUMBER = /^\s*\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+/iu;

export function opensResolution(line: string): boolean {
  return OPENER.test(line);
}

interface ResolutionAt {
  readonly meetingDate: IsoDate;
  readonly itemNumber: string;
  readonly itemTitle: string;
  readonly labelled: boolean;
}

/** A resolution from its lines verbatim: the whole text, and its numbered points without their numbers. */
export function resolutionOf(file: string, lines: readonly IndexedLine[], at: ResolutionAt): Resolution | null {
  if (lines.length === 0) return null;
  const numbered = lines.filter((l) => POINT_NUMBER.test(l.text));
  const text = lines.map((l) => l.text).join('\n');
  const points = numbered.length > 0 ? numbered.map((l) => l.text.replace(POINT_NUMBER, '').trim()) : [lines.map((l) => l.text.trim()).join(' ')];
  return { ...at, text, points, source: lineSpan(file, { first: lines[0]!.index, last: lines.at(-1)!.index }) };
}

/** The lines from the first resolution opener on, or none when the text never resolves. */
export function fromOpener(lines: readonly IndexedLine[]): IndexedLine[] {
  const at = lines.findIndex((l) => opensResolution(l.text));
  return at < 0 ? [] : lines.slice(at);
}

const V = MODERNGOV.votes;
const CUES = V.cues.map((c) => new RegExp(c, 'iu'));
const MOVER = V.mover.map((c) => new RegExp(c, 'u'));
const SECONDER = V.seconder.map((c) => new RegExp(c, 'u'));
const FOR = V.for.map((c) => new RegExp(c, 'iu'));
const AGAINST = V.against.map((c) => new RegExp(c, 'iu'));
const ABSTAIN = V.abstain.map((c) => new RegExp(c, 'iu'));
const UNANIMOUS = V.unanimous.map((c) => new RegExp(c, 'iu'));
const OUTCOME = new RegExp(`\\b(${V.outcomes.map(escape).join('|')})\\b(?! out)`, 'iu');

function firstGroup(res: readonly RegExp[], text: string): string | null {
  for (const re of res) {
    const m = re.exec(text);
    if (m?.[1]) return m[1].trim();
  }
  return null;
}

function count(res: readonly RegExp[], text: string): number | null {
  const found = firstGroup(res, text);
  return found === null ? null : Number(found);
}

/** Whether a line records a vote: a mover, a seconder, "put to the vote", "carried", "Voting: unanimous". */
export function isVoteLine(text: string): boolean {
  return CUES.some((c) => c.test(text));
}

/**
 * The votes among minuted lines. A vote line right after a numbered point ("2. the application ...
 * be approved." then "Voting: unanimous") is the vote on that point, which becomes its motion.
 */
export function votesIn(file: string, lines: readonly IndexedLine[]): RecordedVote[] {
  return lines.flatMap((line, i) => {
    if (!isVoteLine(line.text)) return [];
    const before = lines[i - 1]?.text;
    const motion = before !== undefined && POINT_NUMBER.test(before) && !isVoteLine(before) ? before.trim() : null;
    return [voteOf(file, line, motion)];
  });
}

/** A vote read from its sentence; `motion` when the page names what was put (a recorded-vote table's title). */
export function voteOf(file: string, line: IndexedLine, motion: string | null = null, outcome: string | null = null): RecordedVote {
  const text = line.text;
  return {
    motion,
    mover: firstGroup(MOVER, text),
    seconder: firstGroup(SECONDER, text),
    for: count(FOR, text),
    against: count(AGAINST, text),
    abstain: count(ABSTAIN, text),
    unanimous: UNANIMOUS.some((u) => u.test(text)),
    outcome: (outcome ?? OUTCOME.exec(text)?.[1] ?? null)?.toUpperCase() ?? null,
    text,
    source: lineSpan(file, { first: line.index, last: line.index }),
  };
}
