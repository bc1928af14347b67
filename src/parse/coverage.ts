import type { FileIdentity, MeetingStatus, SourceSpan } from '../model';
import data from '../../data/coverage.json';
import { cleanCommitteeName } from './identity';
import type { ParsedCorpus, ParsedFile } from './parsedCorpus';

/** A line of a paper, for the report to point at. */
export interface LineRef {
  readonly file: string;
  readonly line: number;
  readonly text: string;
}

/**
 * What the parser understood of a papers folder, in counts a council's IT team can act on: which files
 * it could not place, which minutes it read no attendance or decisions from, which decision lines it
 * left outside any decision record, which files it read as plain text only.
 */
export interface Coverage {
  readonly files: number;
  /** Files whose committee and meeting date are both known. */
  readonly identified: number;
  readonly withCommittee: number;
  readonly withDate: number;
  readonly unidentified: readonly string[];
  readonly committees: readonly { readonly committee: string; readonly meetings: number; readonly withPapers: number; readonly status: Readonly<Record<MeetingStatus, number>> }[];
  readonly minutes: {
    readonly total: number;
    readonly withAttendance: number;
    readonly withApologies: number;
    readonly withDeclarations: number;
    readonly withDecisions: number;
  };
  readonly decisionLinesOutside: { readonly count: number; readonly examples: readonly LineRef[] };
  /** Files no layout reader found anything in: indexed for answers as plain text, nothing more. */
  readonly plainTextOnly: readonly string[];
  readonly disagreements: readonly (FileIdentity['disagreements'][number] & { readonly file: string })[];
}

/** A line that reads like a decision: one of data/coverage.json's words, in capitals, as a whole word. */
const DECISION_WORD = new RegExp(`\\b(?:${data.decisionWords.join('|')})\\b`, 'u');

/** How many lines left outside a decision record the report quotes. */
const EXAMPLES = 5;

export function coverageOf(corpus: ParsedCorpus): Coverage {
  const ids = corpus.files.map((f) => f.identity);
  const minutes = corpus.minutes.filter((m) => m.record !== 'decision_notice');
  const outside = decisionLinesOutside(corpus);
  return {
    files: ids.length,
    identified: ids.filter((i) => i.committee && i.meetingDates.length > 0).length,
    withCommittee: ids.filter((i) => i.committee).length,
    withDate: ids.filter((i) => i.meetingDates.length > 0).length,
    unidentified: ids.filter((i) => !i.committee || i.meetingDates.length === 0).map((i) => i.file),
    committees: committeesOf(corpus),
    minutes: {
      total: minutes.length,
      withAttendance: minutes.filter((m) => m.members.length + m.coopted.length + m.inAttendance.length + m.employees.length > 0).length,
      withApologies: minutes.filter((m) => m.apologies !== null).length,
      withDeclarations: minutes.filter((m) => m.declarations !== null).length,
      withDecisions: minutes.filter((m) => m.items.some((i) => i.resolutions.length > 0 || i.votes.length > 0)).length,
    },
    decisionLinesOutside: { count: outside.length, examples: outside.slice(0, EXAMPLES) },
    plainTextOnly: corpus.files.filter(readAsTextOnly).map((f) => f.file),
    disagreements: ids.flatMap((i) => i.disagreements.map((d) => ({ file: i.file, ...d }))),
  };
}

function committeesOf(corpus: ParsedCorpus): Coverage['committees'] {
  const by = new Map<string, { meetings: number; withPapers: number; status: Record<MeetingStatus, number> }>();
  for (const m of corpus.meetings) {
    // Grouped by the clean name ("Cabinet", not "Cabinet held in the Council Chamber ..."), as files are identified.
    const name = cleanCommitteeName(m.canonicalCommittee) ?? m.canonicalCommittee;
    const entry = by.get(name) ?? { meetings: 0, withPapers: 0, status: { scheduled: 0, held: 0, cancelled: 0, postponed: 0 } };
    entry.meetings++;
    if (m.hasPapers) entry.withPapers++;
    entry.status[m.status]++;
    by.set(name, entry);
  }
  return [...by].map(([committee, e]) => ({ committee, ...e }));
}

/**
 * The agenda-pack reader is the fallback: a file it found no agenda items, minutes, reports, work
 * programme or committees in was read by no layout (a meeting its identity alone gives does not count).
 */
function readAsTextOnly(f: ParsedFile): boolean {
  return f.layout === 'agenda_pack' && [f.agendaItems, f.minutes, f.reports, f.workProgramme, f.committees].every((x) => x.length === 0);
}

/**
 * Lines of minutes and decision records that read like a decision ("RESOLVED", "AGREED", ...: data)
 * but lie outside every resolution and vote the readers found: decisions the bot cannot quote as such.
 */
function decisionLinesOutside(corpus: ParsedCorpus): LineRef[] {
  const lines = new Map(corpus.documents.map((d) => [d.file, d.lines]));
  const out: LineRef[] = [];
  for (const f of corpus.files) {
    const text = lines.get(f.file);
    if (!text) continue;
    const wholeFile = f.identity.kind === 'minutes' || f.identity.kind === 'decisions';
    const scanned: SourceSpan[] = wholeFile ? [{ file: f.file, lineStart: 1, lineEnd: text.length, page: null }] : f.minutes.map((m) => m.source);
    const held = f.minutes.flatMap((m) => m.items.flatMap((i) => [...i.resolutions.map((r) => r.source), ...i.votes.map((v) => v.source)]));
    for (const span of scanned) {
      for (let n = span.lineStart; n <= Math.min(span.lineEnd, text.length); n++) {
        const line = text[n - 1]!;
        if (DECISION_WORD.test(line) && !held.some((s) => n >= s.lineStart && n <= s.lineEnd)) out.push({ file: f.file, line: n, text: line.trim() });
      }
    }
  }
  return out;
}
