import type { Answer, PersonRecord } from '../../model';
import type { PaperIndex } from '../../search';
import { CitationList, citeLines } from '../cite';
import { inRef, shortDate } from '../dateRefs';
import { citeRecord, peopleDirectory } from '../people';
import type { Reading } from '../read';
import { latestAttendance, meetingsAsked, named } from './meetings';

/** Words that name a chair, whatever the council calls it. */
const CHAIR_WORD = /^chair(?:man|person|woman|s)?$/u;
/** Words before a chair that make it another office ("vice chair", "deputy chairman"). */
const CHAIR_QUALIFIER = /^(?:vice|deputy)$/u;

/**
 * The offices a list of words names, each as a key: "chair", "vice chair", "treasurer". A chair word
 * after "vice" or "deputy" is that office, not the chair. Read from a question's words and from an
 * election record's office alike, so "Vice-Chairman" and "vice chair" are one office.
 */
export function officeKeys(words: readonly string[]): string[] {
  const keys: string[] = [];
  const lower = words.flatMap((w) => w.toLowerCase().split(/[^\p{L}]+/u)).filter(Boolean);
  for (const [k, w] of lower.entries()) {
    if (!CHAIR_WORD.test(w)) continue;
    const before = lower[k - 1];
    keys.push(before !== undefined && CHAIR_QUALIFIER.test(before) ? `${before} chair` : 'chair');
  }
  return [...new Set(keys)];
}

/**
 * The offices a question's words name, else `fallback`: the chairs by their words, and any other office
 * the papers minute an election to by its own word ("treasurer", "RFO"), so no list of offices is kept here.
 */
export function officesAsked(index: PaperIndex, words: readonly string[], fallback: readonly string[] = []): string[] {
  const asked = new Set(officeKeys(words));
  const said = new Set(words.map((w) => w.toLowerCase()));
  for (const r of elections(index)) {
    const office = officeOf(r);
    if (said.has(office)) asked.add(office);
  }
  return asked.size > 0 ? [...asked] : [...fallback];
}

function elections(index: PaperIndex): PersonRecord[] {
  return peopleDirectory(index).people.filter((p) => p.evidence === 'election');
}

/** The key of an election record's office: its chair words read as a question's are, else its first word. */
function officeOf(r: PersonRecord): string {
  const words = r.role.split(/[^\p{L}]+/u).filter(Boolean);
  return officeKeys(words)[0] ?? (words[0] ?? '').toLowerCase();
}

/**
 * The newest election to each office asked (at the meeting the question names, else up to the day
 * asked) among the committee's meetings: who was elected, quoted with who proposed and seconded. An
 * election is the standing record of who holds the office; where later minutes record someone else
 * in the chair, that is said too. Null unless the papers minute an election to every office asked.
 */
export function electionAnswer(index: PaperIndex, u: Reading, offices: readonly string[]): Answer | null {
  if (offices.length === 0) return null;
  const dates = new Set(meetingsAsked(index, u).map((m) => m.date));
  const ofMeeting = (date: string | null): boolean => date !== null && dates.has(date) && (u.dates.length > 0 ? u.dates.some((d) => inRef(date, d)) : date <= u.asOf);
  const elected = elections(index).filter((p) => ofMeeting(p.meetingDate));
  const found = offices.map((office) => elected.filter((p) => officeOf(p) === office).sort((a, b) => (b.meetingDate ?? '').localeCompare(a.meetingDate ?? ''))[0]);
  if (found.some((r) => !r)) return null;
  const records = found as PersonRecord[];
  const cites = new CitationList();
  const lines = records.flatMap((r) => {
    const c = cites.add(citeRecord(index, r));
    const printed = index.lines(r.source.file)?.slice(r.source.lineStart - 1, r.source.lineEnd).map((l) => l.trim().replace(/\t+/gu, '  ')).filter(Boolean) ?? [];
    // "Became": the minutes say elected or appointed, and the quote below says which.
    return [`${r.name} became ${r.role} at the ${shortDate(r.meetingDate!)} meeting ${c}:`, '', ...printed.map((l) => `> ${l}`), ''];
  });
  // Minutes after the election that record another member in the chair (the chair away, or a new one).
  const chair = records.find((r) => officeOf(r) === 'chair');
  const later = chair && u.dates.length === 0 ? latestAttendance(index, u, (m) => m.chair !== null && m.meetingDate > chair.meetingDate!) : undefined;
  if (chair && later?.chair && later.attendanceSource && surname(later.chair) !== surname(chair.name)) {
    const { file, lineStart, lineEnd } = later.attendanceSource;
    const c = cites.add(citeLines(index, file, lineStart, lineEnd, `Minutes - ${shortDate(later.meetingDate)}, attendance`, later.meetingDate));
    lines.push(`The minutes of the ${shortDate(later.meetingDate)} meeting record ${later.chair} in the chair ${c}.`);
  }
  return { kind: u.kind === 'who' ? 'who' : 'meeting_info', text: lines.join('\n').trim(), citations: cites.items, followUps: [`Who is on ${named(index, u)}?`, 'When is the next meeting?'] };
}

function surname(name: string): string {
  return (name.trim().split(/\s+/u).pop() ?? '').toLowerCase();
}
