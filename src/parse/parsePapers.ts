import type { SourceDocument } from '../ingest';
import type { Committee, Meeting, MeetingEvidence, MeetingStatus, ParseIssue } from '../model';
import { committeeKey } from './committees';
import { identifyFolder, meetingsNamed } from './identity';
import type { ParsedCorpus, ParsedFile } from './parsedCorpus';
import { parsePaperFile } from './parsePaperFile';

/** What a meeting record names when its paper names no committee (see readers/common.ts meetingRecord). */
const UNKNOWN_COMMITTEE = 'Unknown committee';

/** Parses every document and merges what several files say about one meeting. */
export function parsePapers(documents: readonly SourceDocument[], ingestIssues: readonly ParseIssue[] = []): ParsedCorpus {
  return combineParsedFiles(documents, documents.map(parsePaperFile), ingestIssues);
}

/**
 * The corpus from files already parsed (e.g. kept in an index snapshot), so that only the files that
 * changed need parsing again. `parsePapers` is this over freshly parsed files. Each file's identity is
 * completed here from the folder's other files (an appendix takes the meeting whose agenda lists it).
 */
export function combineParsedFiles<D = SourceDocument>(
  documents: readonly D[],
  parsed: readonly ParsedFile[],
  ingestIssues: readonly ParseIssue[] = [],
): Omit<ParsedCorpus, 'documents'> & { readonly documents: readonly D[] } {
  const identities = identifyFolder(parsed);
  const files = parsed.map((f, i) => {
    const identified = { ...f, identity: identities[i]! };
    return { ...identified, meetings: meetingsNamed(identified) };
  });
  const name = oneNamePerCommittee(files);
  const meetings = mergeMeetings(files.flatMap((f) => f.meetings).map((m) => ({ ...m, canonicalCommittee: name(m.canonicalCommittee) })));
  const described = files.flatMap((f) => f.committees).map((c) => ({ ...c, canonical: name(c.canonical) }));
  const committees = mergeCommittees([...described, ...committeesOfMeetings(meetings, described)]);
  const minutes = files.flatMap((f) => f.minutes);
  return {
    documents,
    files,
    committees,
    meetings,
    papers: files.flatMap((f) => f.papers),
    agendaItems: files.flatMap((f) => f.agendaItems),
    minutes,
    resolutions: minutes.flatMap((m) => m.items.flatMap((i) => i.resolutions)),
    reports: files.flatMap((f) => f.reports),
    workProgramme: files.flatMap((f) => f.workProgramme),
    issues: [...ingestIssues, ...files.flatMap((f) => f.issues)],
  };
}

/**
 * Files of one committee spell it differently ("Transport & Connectivity Policy Committee", "Transport
 * and Connectivity Committee"); every spelling with one committeeKey becomes the first one seen, so
 * meetings merge and answers name the committee one way.
 */
function oneNamePerCommittee(files: readonly ParsedFile[]): (canonical: string) => string {
  const byKey = new Map<string, string>();
  for (const f of files) {
    for (const n of [...f.committees.map((c) => c.canonical), ...f.meetings.map((m) => m.canonicalCommittee)]) {
      if (!byKey.has(committeeKey(n))) byKey.set(committeeKey(n), n);
    }
  }
  return (canonical) => byKey.get(committeeKey(canonical)) ?? canonical;
}

/** Every committee that meets is a committee, described or not: one entry per committee no page describes. */
function committeesOfMeetings(meetings: readonly Meeting[], described: readonly Committee[]): Committee[] {
  const known = new Set(described.map((c) => c.canonical));
  const out = new Map<string, Committee>();
  for (const m of meetings) {
    if (known.has(m.canonicalCommittee) || out.has(m.canonicalCommittee) || m.canonicalCommittee === UNKNOWN_COMMITTEE) continue;
    const source = m.records[0]!.source;
    out.set(m.canonicalCommittee, { name: m.committee, canonical: m.canonicalCommittee, chair: null, viceChair: null, members: [], substitutes: [], supportOfficer: null, purpose: null, source });
  }
  return [...out.values()];
}

/** Items grouped by key, groups in the order their first item came. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

/** The first record, in order of trust, that has the field (not null, not an empty list); else the first's. */
function firstFilled<T, K extends keyof T>(ordered: readonly T[], key: K): T[K] {
  for (const record of ordered) {
    const v = record[key];
    if (v !== null && !(Array.isArray(v) && v.length === 0)) return v;
  }
  return ordered[0]![key];
}

/** One committee per canonical name: the first description with a membership wins, gaps filled from the rest. */
function mergeCommittees(drafts: readonly Committee[]): Committee[] {
  return groupBy(drafts, (c) => c.canonical).map((group) => {
    const ordered = [...group].sort((a, b) => b.members.length - a.members.length);
    const first = ordered[0]!;
    const pick = <K extends keyof Committee>(key: K): Committee[K] => firstFilled(ordered, key);
    return { ...first, chair: pick('chair'), viceChair: pick('viceChair'), substitutes: pick('substitutes'), supportOfficer: pick('supportOfficer'), purpose: pick('purpose') };
  });
}

/**
 * The calendar: one meeting per committee and date from every record of it (front sheets, minutes,
 * meetings lists, forward plans, work programmes, ...). The front sheet's details win, then the first
 * record that has them; where records disagree on the time or on whether it took place, it is said.
 */
export function mergeMeetings(drafts: readonly Meeting[]): Meeting[] {
  const merged = groupBy(namedWhereOnlyOne(drafts), (d) => `${d.canonicalCommittee}|${d.date}`).map((group) => {
    const ordered = [...group].sort((a, b) => weight(b) - weight(a));
    const first = ordered[0]!;
    const pick = <K extends keyof Meeting>(key: K): Meeting[K] => firstFilled(ordered, key);
    return {
      ...first,
      time: pick('time'),
      venue: pick('venue'),
      chair: pick('chair'),
      viceChair: pick('viceChair'),
      members: pick('members'),
      coopted: pick('coopted'),
      quorum: pick('quorum'),
      contact: pick('contact'),
      status: mergedStatus(ordered),
      hasPapers: ordered.some((m) => m.hasPapers),
      records: ordered.flatMap((m) => m.records),
      conflicts: [...new Set([...ordered.flatMap((m) => m.conflicts), ...disagreements(ordered)])],
    } satisfies Meeting;
  });
  return merged.sort((a, b) => a.date.localeCompare(b.date) || a.canonicalCommittee.localeCompare(b.canonicalCommittee));
}

/**
 * A record that names no committee (a web-service meeting with no agenda, minutes whose heading lost
 * the name) is of the one committee the other records give a meeting on that date, where there is one,
 * or, where no record names that date, of the only committee the papers name at all.
 */
function namedWhereOnlyOne(drafts: readonly Meeting[]): Meeting[] {
  const named = new Map<string, Set<string>>();
  for (const d of drafts) {
    if (d.canonicalCommittee === UNKNOWN_COMMITTEE) continue;
    named.set(d.date, (named.get(d.date) ?? new Set()).add(d.canonicalCommittee));
  }
  // A folder of one committee's papers (a parish council's minutes) gives that committee to the rest.
  const all = new Set([...named.values()].flatMap((s) => [...s]));
  return drafts.map((d) => {
    const only = d.canonicalCommittee === UNKNOWN_COMMITTEE ? (named.get(d.date) ?? all) : undefined;
    if (only?.size !== 1) return d;
    const canonical = [...only][0]!;
    return { ...d, committee: drafts.find((o) => o.canonicalCommittee === canonical)!.committee, canonicalCommittee: canonical };
  });
}

/**
 * A cancellation or postponement is news and wins over the agenda that was published first; a record
 * of the meeting happening (minutes, decisions) wins over a plain date.
 */
const STATUS_ORDER: readonly MeetingStatus[] = ['cancelled', 'postponed', 'held', 'scheduled'];

function mergedStatus(records: readonly Meeting[]): MeetingStatus {
  return STATUS_ORDER.find((s) => records.some((m) => m.status === s)) ?? 'scheduled';
}

function weight(m: Meeting): number {
  const has = (...evidence: MeetingEvidence[]): boolean => m.records.some((r) => evidence.includes(r.evidence));
  return has('front_sheet', 'meeting_page') ? 3 : has('minutes') ? 2 : 1;
}

/** How a record is named when the calendar says where sources disagree. */
const EVIDENCE_NAME: Readonly<Record<MeetingEvidence, string>> = {
  front_sheet: 'the agenda front sheet',
  minutes: 'the minutes',
  agenda_reference: 'an agenda',
  minutes_approval: 'a later approval of its minutes',
  work_programme: 'a work programme',
  report: 'a report',
  meetings_list: 'the meetings list',
  meeting_page: 'the meeting page',
  meeting_notice: 'a meeting notice',
  decision_notice: 'a decision notice',
  forward_plan: 'a forward plan',
  next_meeting_note: 'a note of the next meeting',
};

function sourceName(m: Meeting): string {
  const r = m.records[0];
  return r ? `${EVIDENCE_NAME[r.evidence]} (${r.source.file})` : 'a record';
}

/** "7.30 pm", "7:30pm" and "19:30" are one time. */
function minutesOfDay(time: string): number | null {
  const m = /(\d{1,2})(?:[.:](\d{2}))?\s*([ap])\.?m\b/iu.exec(time) ?? /\b(\d{1,2})[.:](\d{2})\b/u.exec(time);
  if (!m) return null;
  const hour = Number(m[1]) % 12 + (m[3]?.toLowerCase() === 'p' ? 12 : m[3] ? 0 : Math.floor(Number(m[1]) / 12) * 12);
  return hour * 60 + Number(m[2] ?? 0);
}

/** Where the records of one meeting disagree: its start time, or a cancellation beside a record of it taking place. */
function disagreements(records: readonly Meeting[]): string[] {
  const out: string[] = [];
  const timed = records.filter((m) => m.time !== null && minutesOfDay(m.time) !== null);
  const times = new Map(timed.map((m) => [minutesOfDay(m.time!), m]));
  if (times.size > 1) out.push(`The papers give different times: ${[...times.values()].map((m) => `${m.time} in ${sourceName(m)}`).join(', ')}.`);
  const called = records.find((m) => m.status === 'cancelled' || m.status === 'postponed');
  const held = records.find((m) => m.status === 'held');
  if (called && held) out.push(`The meeting is ${called.status} in ${sourceName(called)}, but ${sourceName(held)} records it taking place.`);
  return out;
}
