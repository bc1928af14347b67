import type { MinuteItem, Minutes, RecordedVote, Resolution, SourceSpan } from '../model';
import type { PaperIndex, Passage } from '../search';
import { answerLookups } from './answerLookups';
import { findLine } from './cite';
import { words } from './glossary';

const supersededBuilt = new WeakMap<PaperIndex, ReadonlySet<Minutes>>();

/**
 * Decision notices of meetings whose printed minutes are in the papers too. The notice records the same
 * decisions as the minutes, without the debate or the votes, so answers quote the minutes and keep a
 * notice for meetings it alone records. The meeting is the merged calendar's, so two spellings of the
 * committee are one meeting.
 */
export function supersededNotices(index: PaperIndex): ReadonlySet<Minutes> {
  let found = supersededBuilt.get(index);
  if (!found) {
    const noticed = new Set<string>();
    for (const m of index.corpus.meetings) {
      if (!m.records.some((r) => r.evidence === 'minutes')) continue;
      for (const r of m.records) if (r.evidence === 'decision_notice') noticed.add(`${m.date}\u0000${r.source.file}`);
    }
    found = new Set(index.corpus.minutes.filter((m) => m.record === 'decision_notice' && noticed.has(`${m.meetingDate}\u0000${m.source.file}`)));
    supersededBuilt.set(index, found);
  }
  return found;
}

/** The minute item and minutes a resolution (by position in `corpus.resolutions`) was made under. */
export function itemOfResolution(index: PaperIndex, id: number): { item: MinuteItem; minutes: Minutes } | undefined {
  const look = answerLookups(index);
  const at = look.resolutionItem[id];
  return at === undefined ? undefined : look.minuteItems[at];
}

function within(inner: SourceSpan, outer: SourceSpan): boolean {
  return inner.file === outer.file && inner.lineStart >= outer.lineStart && inner.lineEnd <= outer.lineEnd;
}

/** An item's recorded votes that a quote of `quoted` does not already carry (printed minutes minute the vote inside the decision). */
export function votesBeside(item: MinuteItem, quoted: SourceSpan): RecordedVote[] {
  return item.votes.filter((v) => !within(v.source, quoted));
}

function sentences(text: string): string[] {
  return text
    .replace(/\s+/gu, ' ')
    .trim()
    .split(/(?<=[.;!?])\s+(?=\S)/u);
}

/** A vote as long as this says it whole; a longer one (with an amendment's text) is cut to its deciding sentences. */
const SHORT_VOTE_CHARS = 400;

/**
 * A recorded vote in the minutes' own words: whole when short, else the sentences that say who moved and
 * seconded it and how it went. A row of a votes table reads cell by cell.
 */
export function voteWords(v: RecordedVote): string {
  const said = voteText(v);
  // "Voting: unanimous" under each numbered point: say which point it was.
  if (!v.motion || said.toLowerCase().includes(v.motion.toLowerCase())) return said;
  // The point's own closing ("...be approved; and") would run into the colon.
  return `${upTo(v.motion.replace(/[;,.:]\s*(?:and|or)?\s*$/u, ''), MOTION_CHARS)}: ${said}`;
}

/** A motion named before its vote is cut to about this long: the decision quoted above says it whole. */
const MOTION_CHARS = 120;

/** `text` cut at a word to about `max` characters, with an ellipsis when cut. */
export function upTo(text: string, max: number): string {
  if (text.length <= max) return text;
  const at = text.lastIndexOf(' ', max);
  return `${text.slice(0, at > 0 ? at : max)} …`;
}

function voteText(v: RecordedVote): string {
  if (v.text.includes('\t')) return v.text.split('\t').map((c) => c.trim()).filter(Boolean).join(' – ');
  const flat = v.text.replace(/\s+/gu, ' ').trim();
  if (flat.length <= SHORT_VOTE_CHARS) return flat;
  const names = [v.mover, v.seconder].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const outcome = v.outcome?.toLowerCase() ?? null;
  const says = (s: string): boolean => {
    const ws = new Set(words(s));
    const lower = s.toLowerCase();
    return names.some((n) => words(n).every((w) => ws.has(w))) || (outcome !== null && ws.has(outcome)) || /\bunanimous/u.test(lower);
  };
  const kept = sentences(v.text).filter(says);
  return kept.length > 0 ? kept.join(' … ') : flat;
}

/**
 * Where the decision proper begins when its vote is minuted inside it: the line of the vote's outcome
 * sentence ("On being put to the vote ... CARRIED (8 voting FOR, 1 against)"), so a quote of the decision
 * starts with how it went rather than an amendment's text. The decision's first line otherwise.
 */
export function decisionStart(index: PaperIndex, r: Resolution, votes: readonly RecordedVote[]): number {
  const last = votes.filter((v) => within(v.source, r.source) && v.outcome !== null).at(-1);
  if (!last) return r.source.lineStart;
  const sentence = outcomeSentence(last);
  if (!sentence) return r.source.lineStart;
  // The sentence's opening words are on the line it starts on.
  const opening = sentence.split(' ').slice(0, 4).join(' ');
  return findLine(index, r.source.file, last.source.lineStart, last.source.lineEnd, opening) ?? r.source.lineStart;
}

/** Words a passage needs beyond its item's title to say something of its own, not repeat the heading. */
const MIN_OWN_WORDS = 5;

/**
 * The passage that opens a minute item: what was put to the meeting ("The Committee considered a report
 * that sought approval to ...", "To consider the results of ..."), before any decision of the item.
 */
export function openingPassage(index: PaperIndex, item: MinuteItem): Passage | undefined {
  const { file, lineStart, lineEnd } = item.source;
  const decided = Math.min(lineEnd + 1, ...item.resolutions.filter((r) => r.source.file === file).map((r) => r.source.lineStart));
  const title = new Set(words(item.title));
  return index
    .passagesIn(file, lineStart, decided - 1)
    .find((p) => words(p.text).filter((w) => !title.has(w) && !/^\d+$/u.test(w)).length >= MIN_OWN_WORDS);
}

/** The first sentence of a passage, as one line. */
export function firstSentence(text: string): string {
  return sentences(text)[0] ?? text.trim();
}

/** How a vote went, in the minutes' words: its sentence with the outcome ("... was CARRIED (8 voting FOR, 1 against)."). */
export function voteOutcome(v: RecordedVote): string {
  return outcomeSentence(v) ?? voteWords(v);
}

/** The last sentence of a vote's prose that holds its outcome word; none for a votes table's row. */
function outcomeSentence(v: RecordedVote): string | undefined {
  const outcome = v.outcome?.toLowerCase();
  if (outcome === undefined || v.text.includes('\t')) return undefined;
  return sentences(v.text)
    .filter((s) => words(s).includes(outcome))
    .at(-1);
}

/** A passage's text without the item's heading it starts with ("12 Cycle Hangar Policy The Committee ..."). */
export function withoutHeading(text: string, item: MinuteItem): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  const heading = `${item.number} ${item.title}`.replace(/\s+/gu, ' ').trim();
  for (const h of [heading, item.title.replace(/\s+/gu, ' ').trim()]) if (h && flat.startsWith(h)) return flat.slice(h.length).trim();
  return flat;
}
