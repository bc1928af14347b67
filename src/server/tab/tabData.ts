import { resolutionVotes } from '../../bot/resolutionVotes';
import type { Meeting, MeetingStatus, RecordedVote } from '../../model';
import type { PaperIndex } from '../../search';

/** How records link to the paper view (signed when links are signed): at cited lines, or a paper from its first line. */
export interface TabLinks {
  readonly toLines: (file: string, lineStart: number, lineEnd: number) => string | null;
  /** The whole file, at the part of the view holding `line`. */
  readonly toPaper: (file: string, line: number) => string | null;
}

export const PAGE_SIZE = 20;
/** Search hits asked of the index at most: paging past this says "refine your words". */
const MAX_SEARCH_HITS = 200;
const SNIPPET_CHARS = 320;

export interface MeetingPaper {
  readonly title: string;
  readonly kind: string;
  readonly href: string | null;
}

export interface CalendarMeeting {
  readonly date: string;
  readonly time: string | null;
  readonly venue: string | null;
  readonly status: MeetingStatus;
  /**
   * The status in words as of today: a meeting still `scheduled` after its date is one whose minutes
   * are not in the papers yet ("no minutes yet"), never "scheduled" for a day gone by.
   */
  readonly statusText: string;
  readonly papers: readonly MeetingPaper[];
}

export interface CommitteeCalendar {
  readonly committee: string;
  readonly next: readonly CalendarMeeting[];
  readonly past: readonly CalendarMeeting[];
}

export interface Decision {
  readonly committee: string | null;
  readonly meetingDate: string;
  readonly item: string;
  /** As minuted, verbatim. */
  readonly text: string;
  readonly votes: readonly Pick<RecordedVote, 'motion' | 'for' | 'against' | 'abstain' | 'unanimous' | 'outcome' | 'text'>[];
  readonly href: string | null;
}

export interface SearchHit {
  readonly title: string;
  readonly item: string | null;
  readonly meetingDate: string | null;
  readonly kind: string;
  readonly committee: string | null;
  readonly snippet: string;
  readonly page: number | null;
  readonly href: string | null;
}

export interface Paged<T> {
  readonly total: number;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly T[];
}

/** The committees the papers are about, most meetings first. */
export function committeesServed(index: PaperIndex): string[] {
  const counts = new Map<string, number>();
  for (const meeting of index.corpus.meetings) counts.set(meeting.canonicalCommittee, (counts.get(meeting.canonicalCommittee) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
}

/** Each committee's meetings from `today` on (soonest first) and before it (latest first), with their papers. */
export function calendar(index: PaperIndex, today: string, links: TabLinks): CommitteeCalendar[] {
  return committeesServed(index).map((committee) => {
    const meetings = index.corpus.meetings.filter((m) => m.canonicalCommittee === committee);
    const toEntry = (m: Meeting): CalendarMeeting => ({ date: m.date, time: m.time, venue: m.venue, status: m.status, statusText: statusText(m, today), papers: meetingPapers(index, m, links) });
    return {
      committee,
      next: meetings.filter((m) => m.date >= today).sort((a, b) => a.date.localeCompare(b.date)).map(toEntry),
      past: meetings.filter((m) => m.date < today).sort((a, b) => b.date.localeCompare(a.date)).map(toEntry),
    };
  });
}

function statusText(meeting: Meeting, today: string): string {
  return meeting.status === 'scheduled' && meeting.date < today ? 'no minutes yet' : meeting.status;
}

/** Papers of the meeting in the files that record it, each opened at its first line. */
function meetingPapers(index: PaperIndex, meeting: Meeting, links: TabLinks): MeetingPaper[] {
  const files = new Set(meeting.records.map((r) => r.source.file));
  return index.corpus.papers
    .filter((p) => p.meetingDate === meeting.date && files.has(p.source.file))
    .map((p) => ({ title: p.title, kind: p.kind, href: links.toPaper(p.source.file, p.source.lineStart) }));
}

export interface DecisionFilter {
  readonly committee?: string;
  readonly from?: string;
  readonly to?: string;
  readonly words?: string;
  readonly page?: number;
}

/** Every resolution verbatim with its meeting, item and recorded votes, newest first, filtered and paged. */
export function decisions(index: PaperIndex, filter: DecisionFilter, links: TabLinks): Paged<Decision> {
  const votesOf = resolutionVotes(index.corpus.minutes);
  const committeeOf = committeeByFile(index);
  const words = wordsOf(filter.words);
  const all = index.corpus.resolutions
    .map((r) => ({ r, committee: committeeOf(r.source.file, r.meetingDate) }))
    .filter(({ r, committee }) => (!filter.committee || committee === filter.committee) && (!filter.from || r.meetingDate >= filter.from) && (!filter.to || r.meetingDate <= filter.to))
    .filter(({ r }) => words.length === 0 || containsAll(`${r.itemTitle}\n${r.text}`, words))
    .sort((a, b) => b.r.meetingDate.localeCompare(a.r.meetingDate) || a.r.source.lineStart - b.r.source.lineStart);
  return paged(all, filter.page, ({ r, committee }) => ({
    committee,
    meetingDate: r.meetingDate,
    item: [r.itemNumber, r.itemTitle].filter(Boolean).join(' '),
    text: r.text,
    votes: votesOf(r).map(({ motion, for: inFavour, against, abstain, unanimous, outcome, text }) => ({ motion, for: inFavour, against, abstain, unanimous, outcome, text })),
    href: links.toLines(r.source.file, r.source.lineStart, r.source.lineEnd),
  }));
}

export interface SearchFilter {
  readonly words: string;
  readonly committee?: string;
  readonly kind?: string;
  readonly from?: string;
  readonly to?: string;
  readonly page?: number;
}

/** Passages ranked by the index's search, filtered by committee, kind and meeting date, paged. */
export function searchPapers(index: PaperIndex, filter: SearchFilter, links: TabLinks): Paged<SearchHit> {
  const committeeOf = committeeByFile(index);
  const hits = filter.words.trim() === '' ? [] : index.searchPassages(filter.words, MAX_SEARCH_HITS, (p) => {
    if (filter.kind && p.paperKind !== filter.kind) return false;
    if (filter.from && (!p.meetingDate || p.meetingDate < filter.from)) return false;
    if (filter.to && (!p.meetingDate || p.meetingDate > filter.to)) return false;
    return !filter.committee || committeeOf(p.source.file, p.meetingDate) === filter.committee;
  });
  return paged(hits, filter.page, ({ passage: p }) => ({
    title: p.title,
    item: p.item,
    meetingDate: p.meetingDate,
    kind: p.paperKind,
    committee: committeeOf(p.source.file, p.meetingDate),
    snippet: clip(p.text, SNIPPET_CHARS),
    page: p.source.page,
    href: links.toLines(p.source.file, p.source.lineStart, p.source.lineEnd),
  }));
}

/** Kinds of paper in the corpus, for the search filter. */
export function paperKinds(index: PaperIndex): string[] {
  return [...new Set(index.corpus.papers.map((p) => p.kind))].sort();
}

function paged<T, U>(all: readonly T[], page: number | undefined, map: (item: T) => U): Paged<U> {
  const last = Math.max(0, Math.ceil(all.length / PAGE_SIZE) - 1);
  const at = Math.min(Math.max(0, page ?? 0), last);
  return { total: all.length, page: at, pageSize: PAGE_SIZE, items: all.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE).map(map) };
}

/** The committee whose meeting on that date a file records; a file of one committee's meetings names it without the date. */
function committeeByFile(index: PaperIndex): (file: string, date: string | null) => string | null {
  let lookup = committeeLookups.get(index.corpus.meetings);
  if (!lookup) {
    lookup = buildCommitteeLookup(index.corpus.meetings);
    committeeLookups.set(index.corpus.meetings, lookup);
  }
  return lookup;
}

/** Built once per index: the tab asks on every request. */
const committeeLookups = new WeakMap<readonly Meeting[], (file: string, date: string | null) => string | null>();

function buildCommitteeLookup(meetings: readonly Meeting[]): (file: string, date: string | null) => string | null {
  const byFileDate = new Map<string, string>();
  const byFile = new Map<string, Set<string>>();
  for (const meeting of meetings) {
    for (const record of meeting.records) {
      byFileDate.set(`${record.source.file}\n${meeting.date}`, meeting.canonicalCommittee);
      const set = byFile.get(record.source.file) ?? new Set<string>();
      set.add(meeting.canonicalCommittee);
      byFile.set(record.source.file, set);
    }
  }
  return (file, date) => {
    const exact = date ? byFileDate.get(`${file}\n${date}`) : undefined;
    if (exact) return exact;
    const named = byFile.get(file);
    return named?.size === 1 ? [...named][0]! : null;
  };
}

function wordsOf(text: string | undefined): string[] {
  return (text ?? '').toLowerCase().split(/\s+/u).filter((w) => w.length > 0).slice(0, 20);
}

function containsAll(text: string, words: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return words.every((w) => lower.includes(w));
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
