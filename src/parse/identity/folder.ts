import type { FileIdentity, IdentityEvidence } from '../../model';
import { committeeKey } from '../committees';
import type { ParsedFile } from '../parsedCorpus';
import { CUE_TRUST } from './cues';
import { evidence, MONTH_VALUE } from './evidence';
import { resolveIdentity } from './resolve';
import { IDENTITY_VOCABULARY as V } from './vocabulary';

/** A meeting of the folder as its files identify it. */
interface FolderMeeting {
  readonly date: string;
  readonly primary: boolean;
  readonly committee: string | null;
  readonly file: string;
}

/** Words too common in agenda items and titles to tie a paper to one. */
const STOP_WORDS = new Set(['the', 'and', 'for', 'from', 'with', 'report', 'update', 'council', 'councillor', 'item', 'agenda', 'minutes', 'meeting']);

/**
 * What the folder's other files say about a file that does not say it itself, each only filling a gap:
 * the meeting whose agenda lists a paper by its title, the one meeting in the month a paper names, the
 * committee of the other files of the same date (or the folder's only committee), the folder's council.
 * Then one name per committee: the spelling the most trusted cue gave.
 */
export function identifyFolder(files: readonly ParsedFile[]): FileIdentity[] {
  // A meeting named only by its kind ("AGM") says nothing of the body's other meetings, even on its day.
  const bodyOf = (f: ParsedFile): string | null => (f.identity.committee && !V.meetingOnly.test(f.identity.committee) ? f.identity.committee : null);
  // Each file's own meeting; a file of several (a GetMeetings answer, a pack with earlier minutes) names each.
  const meetings = files.flatMap((f) => f.identity.meetingDates.map((date, i) => ({ date, committee: bodyOf(f), file: f.file, primary: i === 0 })));
  const council = mostCommon(files.map((f) => f.identity.council));
  const bodies = files.map(bodyOf).filter((b): b is string => b !== null);
  const committees = new Set(bodies.map(committeeKey));
  // Looked up per file: by date, and each agenda item's title words read once (a decade's folder holds
  // tens of thousands of files; a scan of every other file for each would be quadratic).
  const byDate = new Map<string, FolderMeeting[]>();
  for (const m of meetings) {
    const on = byDate.get(m.date);
    if (on) on.push(m);
    else byDate.set(m.date, [m]);
  }
  const listings = agendaListings(files);
  const identities = files.map((f) => {
    const added: IdentityEvidence[] = [];
    const id = f.identity;
    let date = id.meetingDates[0] ?? null;
    if (!date) {
      const listed = listedIn(f, listings, meetings);
      if (listed) {
        added.push(evidence('meetingDate', 'folder', listed.date, null, listed.why));
        if (!id.committee && listed.committee) added.push(evidence('committee', 'folder', listed.committee, null, listed.why));
        date = listed.date;
      }
    }
    if (!id.committee && !added.some((e) => e.field === 'committee')) {
      const sameDay = date ? agreed((byDate.get(date) ?? []).filter((m) => m.file !== f.file).map((m) => m.committee)) : null;
      if (sameDay) added.push(evidence('committee', 'folder', sameDay, null, `the folder's other files of ${date} are of ${sameDay}`));
      else if (date && committees.size === 1) {
        const only = bodies[0]!;
        added.push(evidence('committee', 'folder', only, null, `the folder's files are all of ${only}`));
      }
    }
    if (!id.council && council) added.push(evidence('council', 'folder', council, null, `the folder's files are ${council}'s`));
    return added.length > 0 ? resolveIdentity(f.file, [...id.evidence, ...added]) : id;
  });
  return oneNamePerCommittee(identities.map((id) => asCouncil(id, council)));
}

/**
 * The meeting a paper without a date belongs to: the one whose agenda lists it by its title, or the one
 * meeting of the folder in the month the paper names ("March 2026"); none when that is not one meeting.
 */
function listedIn(f: ParsedFile, listings: AgendaListings, meetings: readonly FolderMeeting[]): { date: string; committee: string | null; why: string } | null {
  const month = f.identity.evidence.find((e) => e.field === 'meetingDate' && MONTH_VALUE.test(e.value))?.value ?? null;
  const inMonth = (date: string): boolean => month === null || date.startsWith(month);
  const titles = [f.reports[0]?.title, ...f.identity.evidence.filter((e) => e.field === 'kind' && e.line !== null).map((e) => e.text)].filter((t): t is string => !!t);
  const listing = titles
    .flatMap((t) => listings.holding(t))
    .filter((l) => l.file !== f && inMonth(l.item.meetingDate))
    .filter((l, k, all) => all.indexOf(l) === k)
    .sort((a, b) => a.order - b.order)
    .map(({ item, file: other }) => ({ date: item.meetingDate, committee: other.identity.committee, why: `listed as item ${item.number} "${item.title}" of the agenda in ${other.file}` }));
  const dates = new Set(listing.map((l) => l.date));
  if (dates.size === 1) return listing[0]!;
  if (dates.size > 1 || month === null) return null;
  const monthly = meetings.filter((m) => m.primary && m.file !== f.file && inMonth(m.date));
  const monthDates = new Set(monthly.map((m) => m.date));
  if (monthDates.size !== 1) return null;
  const only = monthly[0]!;
  return { date: only.date, committee: agreed(monthly.map((m) => m.committee)), why: `the folder's one meeting in ${month} is on ${only.date} (${only.file})` };
}

interface Listing {
  readonly item: ParsedFile['agendaItems'][number];
  readonly file: ParsedFile;
  /** Its place in the folder (file, then item), so listings keep the order a scan would find them in. */
  readonly order: number;
  readonly words: ReadonlySet<string>;
}

interface AgendaListings {
  /** The agenda items whose titles hold every telling word of `title` (plurals and possessives aside). */
  holding(title: string): Listing[];
}

/** Every agenda item of the folder, its title's words read once, found by any of its words. */
function agendaListings(files: readonly ParsedFile[]): AgendaListings {
  const byWord = new Map<string, Listing[]>();
  let order = 0;
  for (const file of files) {
    for (const item of file.agendaItems) {
      const listing: Listing = { item, file, order: order++, words: new Set(stems(item.title)) };
      for (const w of listing.words) {
        const holding = byWord.get(w);
        if (holding) holding.push(listing);
        else byWord.set(w, [listing]);
      }
    }
  }
  return {
    holding(title) {
      const want = stems(title);
      if (want.length < 2) return [];
      // The rarest wanted word's items are the only candidates.
      const candidates = want.map((w) => byWord.get(w) ?? []).sort((a, b) => a.length - b.length)[0]!;
      return candidates.filter((l) => want.every((w) => l.words.has(w)));
    },
  };
}

function stems(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.replace(/['’]s$|s$/u, ''))
    .filter((w) => w.length > 2 && !STOP_WORDS.has(w));
}

/** The one committee a list names (by key), or null when it names none or several. */
function agreed(names: readonly (string | null)[]): string | null {
  const named = names.filter((n): n is string => n !== null);
  return named.length > 0 && new Set(named.map(committeeKey)).size === 1 ? named[0]! : null;
}

function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * A meeting of the whole council named by its kind of council ("Parish Council", "Community Council",
 * from a file name or a "meeting of the Parish Council" heading) is the folder's council by its name;
 * a meeting named only by its kind ("AGM") is the council's meeting of that kind.
 */
function asCouncil(id: FileIdentity, council: string | null): FileIdentity {
  if (!council || !id.committee || id.committee === council) return id;
  const name = V.meetingOnly.test(id.committee) ? `${council} ${id.committee}` : committeeKey(council).endsWith(` ${committeeKey(id.committee)}`) ? council : null;
  if (!name) return id;
  return { ...id, committee: name, evidence: [...id.evidence, evidence('committee', 'folder', name, null, `"${id.committee}" is the folder's council's, ${council}`)] };
}

/**
 * Files of one committee spell it differently ("Transport & Connectivity Policy Committee" in the
 * minutes, "Transport and Connectivity Committee" on a report cover): every spelling with one
 * committeeKey becomes the one the most trusted cue gave, then the most files gave.
 */
function oneNamePerCommittee(identities: readonly FileIdentity[]): FileIdentity[] {
  const best = new Map<string, { name: string; trust: number; files: number }>();
  const filesOf = new Map<string, number>();
  for (const id of identities) if (id.committee) filesOf.set(id.committee, (filesOf.get(id.committee) ?? 0) + 1);
  for (const id of identities) {
    if (!id.committee) continue;
    const key = committeeKey(id.committee);
    const source = id.evidence.find((e) => e.field === 'committee' && e.value === id.committee);
    const trust = source ? CUE_TRUST.indexOf(source.cue) : CUE_TRUST.length;
    const seen = best.get(key);
    const files = filesOf.get(id.committee) ?? 0;
    if (!seen || trust < seen.trust || (trust === seen.trust && files > seen.files)) best.set(key, { name: id.committee, trust, files });
  }
  return identities.map((id) => {
    const name = id.committee ? best.get(committeeKey(id.committee))?.name : undefined;
    if (!name || name === id.committee) return id;
    return {
      ...id,
      committee: name,
      evidence: [...id.evidence, evidence('committee', 'folder', name, null, `the folder's one name for "${id.committee}"`)],
    };
  });
}
