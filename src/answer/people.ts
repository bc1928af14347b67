import type { AgendaItem, Answer, IsoDate, MinuteItem, PersonDetail, PersonEvidence, PersonRecord } from '../model';
import { buildPeopleDirectory, type PeopleDirectory, type Presentation } from '../parse/people';
import type { PaperIndex } from '../search';
import { CitationList, citeLines } from './cite';
import { shortDate } from './dateRefs';
import { meaningsOf, words } from './glossary';
import { stem } from './match';
import type { Reading } from './read';

const built = new WeakMap<PaperIndex, PeopleDirectory>();

/** The index's people directory, built on first use (an index is read-only, so it never goes stale). */
export function peopleDirectory(index: PaperIndex): PeopleDirectory {
  let directory = built.get(index);
  if (!directory) {
    directory = buildPeopleDirectory(index.corpus, (file) => index.lines(file));
    built.set(index, directory);
  }
  return directory;
}

/** A person found for a role, and how closely their role fits the words asked. */
export interface RoleHolder {
  readonly record: PersonRecord;
  /** Words of the record's role the question did not ask for ("deputy" in "Deputy Director of ..."): fewer fit better. */
  readonly extra: number;
}

/** Rank words: a deputy or assistant is not the post asked for, unless asked. */
const RANK_WORDS = new Set(['deputy', 'assistant', 'interim', 'acting', 'vice']);
/** Glue words of a role that say nothing about which role it is. */
const ROLE_GLUE = new Set(['of', 'for', 'and', 'the', 'to', 'in', 'with', 'lead', 'responsibility']);

/**
 * The people whose role holds every one of `roleWords` (shorthand expanded, e.g. "psw"), in their role or in
 * the paper's subject ("Head of Service" on the cover of an early help report), as of `asOf`: best fit
 * first, then the newest. One entry per person, their newest fitting record.
 */
export function roleHolders(index: PaperIndex, roleWords: readonly string[], asOf: IsoDate, committee: string | null = null): RoleHolder[] {
  const wanted = wantedStems(roleWords);
  if (wanted.length === 0) return [];
  const asked = new Set(wanted.flat(2));
  const fits: RoleHolder[] = [];
  for (const record of peopleDirectory(index).people) {
    if (record.meetingDate && record.meetingDate > asOf) continue;
    const role = stems(record.role);
    const held = new Set([...role, ...stems(record.context ?? '')]);
    // Each word asked, or one of its expansions, must be there; at least one of them in the role itself.
    if (!wanted.every((alternatives) => alternatives.some((all) => all.every((s) => held.has(s))))) continue;
    if (!wanted.some((alternatives) => alternatives.some((all) => all.every((s) => role.includes(s))))) continue;
    const extra = role.filter((s) => !asked.has(s)).reduce((n, s) => n + (RANK_WORDS.has(s) ? 3 : 1), 0);
    fits.push({ record, extra });
  }
  const sameCommittee = (r: PersonRecord): number => (committee && r.committee === committee ? 0 : 1);
  fits.sort((a, b) => a.extra - b.extra || sameCommittee(a.record) - sameCommittee(b.record) || (b.record.meetingDate ?? '').localeCompare(a.record.meetingDate ?? '') || EVIDENCE_RANK[a.record.evidence] - EVIDENCE_RANK[b.record.evidence]);
  // One person, however written: the same name, or the same surname in the same role ("Jennifer" and "Jenny" Rogers).
  const seen = new Set<string>();
  const keys = (r: PersonRecord): string[] => [nameKey(r.name), `${nameKey(r.name).split(' ').at(-1)}|${stems(r.role).join(' ')}`];
  return fits.filter((f) => {
    const k = keys(f.record);
    if (k.some((x) => seen.has(x))) return false;
    for (const x of k) seen.add(x);
    return true;
  });
}

/** The newest record naming the role (see roleHolders), or undefined. */
export function personForRole(index: PaperIndex, roleWords: readonly string[], asOf: IsoDate, committee: string | null = null): PersonRecord | undefined {
  return roleHolders(index, roleWords, asOf, committee)[0]?.record;
}

/** Who presented an item: the agenda's bracket, else the minutes' line (its role named, where the line gives only a role). */
export interface Presenter {
  readonly name: string | null;
  readonly role: string | null;
  /** The line saying so (an agenda bracket, a minutes line). */
  readonly said: PersonRecord | Presentation;
  /** Where only a role was minuted: the record that names who held it then. */
  readonly holder: PersonRecord | null;
}

/**
 * The presenter of an agenda or minute item. An agenda item and a minute item are one when they share the
 * meeting date and the number, or the title. The agenda's own bracket wins; the minutes say who actually did.
 */
export function presenterOf(index: PaperIndex, item: AgendaItem | MinuteItem): Presenter | undefined {
  const directory = peopleDirectory(index);
  const sameItem = (date: IsoDate, number: string, title: string): boolean => date === item.meetingDate && (number === item.number || sameTitle(title, item.title));
  const agenda = directory.people.find((p) => p.evidence === 'agenda_presenter' && p.meetingDate === item.meetingDate && p.source.file === item.source.file && p.source.lineStart >= item.source.lineStart && p.source.lineStart <= item.source.lineEnd)
    ?? directory.people.find((p) => p.evidence === 'agenda_presenter' && p.meetingDate === item.meetingDate && p.context !== null && sameTitle(p.context, item.title));
  if (agenda) return { name: agenda.name, role: agenda.role, said: agenda, holder: null };
  const minuted = directory.presentations.find((p) => sameItem(p.meetingDate, p.itemNumber, p.itemTitle) && p.source.file === item.source.file)
    ?? directory.presentations.find((p) => sameItem(p.meetingDate, p.itemNumber, p.itemTitle));
  if (!minuted) return undefined;
  const holder = minuted.name || !minuted.role ? null : (personForRole(index, words(minuted.role), minuted.meetingDate, minuted.committee) ?? null);
  return { name: minuted.name ?? holder?.name ?? null, role: minuted.role, said: minuted, holder };
}

/** How many people one answer lists: a role several hold (heads of service) or held over the years. */
const MAX_HOLDERS = 3;

/**
 * Answers "who is the head of service for early help", "who's the psw", "who is the director of children's
 * services" from the people directory, and "who is <name>" the other way round; null when the directory has
 * no one who fits, so the caller can search the papers instead.
 */
export function answerRole(index: PaperIndex, u: Reading): Answer | null {
  // "Who is the ...", "who's our ...": a question for the holder of a role (or the role of a person).
  if (!u.said.has('asksWhoIs') || u.typed.length === 0) return null;
  const byName = answerPerson(index, u);
  if (byName) return byName;
  // "Who was the PSW in 2021": as of the end of the time asked about.
  const asOf = u.dates.length > 0 ? u.dates.map((d) => d.to).sort().at(-1)! : u.asOf;
  const holders = roleHolders(index, u.typed, asOf < u.asOf ? asOf : u.asOf, u.committee ?? null);
  if (holders.length === 0) return null;
  const best = holders[0]!.extra;
  const shown = holders.filter((h) => h.extra === best).slice(0, MAX_HOLDERS);
  const cites = new CitationList();
  const lines = shown.map(({ record: r }) => `${r.name}, ${r.role}${where(r)} ${cites.add(citeRecord(index, r))}`.trim());
  const text = lines.length === 1 ? `${lines[0]}.` : `The papers name ${lines.length} people in that role:\n${lines.map((l) => `- ${l}`).join('\n')}`;
  return { kind: 'who', text, citations: cites.items, followUps: [] };
}

/** "Who is Jennifer Rogers": the roles the papers give the person, newest first. */
function answerPerson(index: PaperIndex, u: Reading): Answer | null {
  const typed = new Set(u.typed);
  const records = peopleDirectory(index)
    .people.filter((p) => (p.meetingDate ?? '') <= u.asOf || p.meetingDate === null)
    .filter((p) => {
      const name = words(p.name).filter((w) => !/^(?:cllr|councillor|dr|mr|mrs|ms|miss)$/u.test(w));
      return name.length >= 2 && u.typed.length <= name.length && u.typed.every((t) => name.includes(t)) && name.some((w) => typed.has(w));
    })
    .sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? '') || EVIDENCE_RANK[a.evidence] - EVIDENCE_RANK[b.evidence]);
  const first = records[0];
  if (!first) return null;
  const cites = new CitationList();
  const c = cites.add(citeRecord(index, first));
  // Earlier roles, where they differ: a job title changes over the years.
  const earlier = [...new Map(records.slice(1).filter((r) => stems(r.role).join(' ') !== stems(first.role).join(' ')).map((r) => [stems(r.role).join(' '), r])).values()].slice(0, 2);
  const more = earlier.map((r) => `${r.role}${where(r)} ${cites.add(citeRecord(index, r))}`);
  return { kind: 'who', text: `${first.name}: ${first.role}${where(first)} ${c}.${more.length > 0 ? `\n\nEarlier: ${more.join('; ')}.` : ''}`, citations: cites.items, followUps: [] };
}

const EVIDENCE_NAME: Readonly<Record<PersonEvidence, string>> = {
  service_attendee: 'meeting attendees',
  attendance: 'minutes attendance',
  agenda_presenter: 'agenda',
  report_cover: 'report cover',
  minutes: 'minutes',
  election: 'elected',
};

/** Attendance lists first: they give each person's title as the council does. */
const EVIDENCE_RANK: Readonly<Record<PersonEvidence, number>> = { service_attendee: 0, attendance: 0, election: 0, report_cover: 1, agenda_presenter: 2, minutes: 3 };

function where(r: PersonRecord): string {
  const subject = r.context && r.evidence !== 'attendance' ? `, "${r.context}"` : '';
  return ` (${EVIDENCE_NAME[r.evidence]}${r.meetingDate ? `, ${shortDate(r.meetingDate)}` : ''}${subject})`;
}

/** A citation of the lines that name the person, so its quote holds the name. */
export function citeRecord(index: PaperIndex, r: PersonRecord | Presentation): ReturnType<typeof citeLines> {
  const title = 'evidence' in r ? `${EVIDENCE_NAME[r.evidence][0]!.toUpperCase()}${EVIDENCE_NAME[r.evidence].slice(1)}${r.meetingDate ? ` - ${shortDate(r.meetingDate)}` : ''}${r.context ? `, ${r.context}` : ''}` : `Minutes - ${shortDate(r.meetingDate)}, item ${r.itemNumber} ${r.itemTitle}`;
  return citeLines(index, r.source.file, r.source.lineStart, r.source.lineEnd, title, r.meetingDate, r.source.page);
}

/**
 * Per word asked, the ways it may be held, each a list of stems all needed: the word itself, or one of its
 * glossary meanings ("psw": principal social worker; "send": special educational needs, or disabilities).
 */
function wantedStems(roleWords: readonly string[]): string[][][] {
  const out: string[][][] = [];
  for (const w of roleWords) {
    // A year or a figure says when, not which role.
    if (/^\d/u.test(w) || ROLE_GLUE.has(w)) continue;
    const meanings = meaningsOf(w).map((e) => words(e).filter((x) => !ROLE_GLUE.has(x)).map(stem)).filter((m) => m.length > 0);
    out.push([[stem(w)], ...meanings]);
  }
  return out;
}

function stems(text: string): string[] {
  return words(text).filter((w) => !ROLE_GLUE.has(w)).map(stem);
}

function nameKey(name: string): string {
  return words(name).filter((w) => !/^(?:cllr|councillor|dr|mr|mrs|ms|miss)$/u.test(w)).join(' ');
}

function sameTitle(a: string, b: string): boolean {
  const x = stems(a).join(' ');
  const y = stems(b).join(' ');
  return x.length > 0 && (x === y || (x.length > 12 && y.includes(x)) || (y.length > 12 && x.includes(y)));
}

/** How an answer names a detail the papers give about a person. */
const DETAIL_NAME: Readonly<Record<PersonDetail['detail'], string>> = { party: 'party', ward: 'ward', key_posts: 'key posts' };
/** Honorifics, which a question may leave out ("basil curley") or shorten ("cllr"). */
const HONORIFIC = /^(?:cllr|councillor|dr|mr|mrs|ms|miss|prof|professor|sir|dame)$/u;

/**
 * "Who is Cllr Basil Curley", "what's his role on the audit committee", "which ward is she for": the
 * person the question names in full (every word of their name, honorifics aside), from the record that
 * says most about them (role, party, ward, key posts), the committee asked about first, as of the day asked.
 * Null when the question names no one the directory knows, so the caller reads the papers instead.
 */
export function answerPersonRecord(index: PaperIndex, u: Reading): Answer | null {
  const asked = new Set(u.words);
  const named = peopleDirectory(index).people.filter((p) => {
    if (p.meetingDate !== null && p.meetingDate > u.asOf) return false;
    const name = words(p.name).filter((w) => !HONORIFIC.test(w));
    return name.length >= 2 && name.every((w) => asked.has(w));
  });
  const sameCommittee = (r: PersonRecord): number => (u.committee && r.committee === u.committee ? 0 : 1);
  const best = [...named].sort(
    (a, b) => sameCommittee(a) - sameCommittee(b) || (b.details?.length ?? 0) - (a.details?.length ?? 0) || (b.meetingDate ?? '').localeCompare(a.meetingDate ?? '') || EVIDENCE_RANK[a.evidence] - EVIDENCE_RANK[b.evidence],
  )[0];
  if (!best) return null;
  const cites = new CitationList();
  const c = cites.add(citeRecord(index, best));
  const details = (best.details ?? []).map((d) => `${DETAIL_NAME[d.detail]}: ${d.value}`);
  const text = `${best.name}: ${best.role}${best.committee ? `, ${best.committee}` : ''}${where(best)}${details.length > 0 ? `; ${details.join('; ')}` : ''} ${c}.`;
  return { kind: 'who', text, citations: cites.items, followUps: [] };
}
