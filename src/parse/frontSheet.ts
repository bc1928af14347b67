import type { Contact, PartyGroup } from '../model';
import { findCommitteeName } from './committees';
import { findDates, findTime } from './dates';
import { councillorsIn, isBlank, personName, plain } from './lines';

/** What a meeting's front sheet says, before it is merged with other records of the meeting. */
export interface FrontSheet {
  readonly committee: string | null;
  readonly date: string | null;
  readonly time: string | null;
  readonly venue: string | null;
  readonly chair: string | null;
  readonly viceChair: string | null;
  readonly members: PartyGroup[];
  readonly coopted: string[];
  readonly quorum: string | null;
  readonly contact: Contact | null;
  /** 0-based indexes of the lines that gave the date, the chair and the quorum, for citations. */
  readonly dateIndex: number;
  readonly membershipEnd: number;
}

const PARTIES = /^(Labour|Conservative|Liberal Democrats?|Independent|Green|Reform UK|Plaid Cymru|SNP)$/iu;
const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const PHONE = /\b0\d{3,4}\s?\d{3}\s?\d{3,4}\b/u;

/** Reads the front sheet in lines[start..end] (the part before "Agenda"). */
export function parseFrontSheet(lines: readonly string[], start: number, end: number): FrontSheet {
  let committee: string | null = null;
  let date: string | null = null;
  let dateIndex = start;
  let time: string | null = null;
  let venue: string | null = null;
  let chair: string | null = null;
  let viceChair: string | null = null;
  let quorum: string | null = null;
  let contactName: string | null = null;
  let phone: string | null = null;
  let email: string | null = null;
  const members: PartyGroup[] = [];
  const coopted: string[] = [];
  let party: string | null = null;
  let inMembership = false;
  let membershipEnd = start;

  for (let i = start; i <= end; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) continue;
    const line = plain(raw);
    if (!committee) committee = findCommitteeName(line);
    if (!date) {
      const d = findDates(line)[0];
      if (d) {
        date = d.date;
        dateIndex = i;
      }
    }
    if (!time && /\bTime\b/u.test(line)) time = findTime(line);
    if (!venue && /\bVenue\b/u.test(line)) {
      const m = /\bVenue\s*:?\s*(.+?)(?:\s+Membership\b.*)?$/u.exec(line);
      venue = m?.[1]?.trim() || null;
    }
    if (!chair) {
      // "Chair Cllr X (Lab)", or a membership list that marks the chair after the name: "Councillors X (Chair), Y".
      const m = /(?<!Vice[- ])\bChair\s*:?\s+((?:Cllr|Councillor)\s+[^()]+?)\s*\(/iu.exec(line) ?? /(?:Cllr|Councillors?)\.?\s+([^(),;:]+?)\s*\((?:Chair|Chairman|Chairperson)\)/u.exec(line);
      if (m?.[1]) chair = personName(m[1]);
    }
    if (!viceChair && /Vice[- ]?chair/iu.test(line)) {
      // "Vice-chair Cllr X (Con)", or, where conversion misaligned the table, "Cllr X (Con) Vice-chair".
      const after = /Vice[- ]?chair\s*:?\s+((?:Cllr|Councillor)\s+[^()]+?)\s*\(/iu.exec(line);
      const before = /((?:Cllr|Councillor)\s+[^()]+?)\s*\([A-Za-z ]+\)\s*Vice[- ]?chair/iu.exec(line);
      const name = after?.[1] ?? before?.[1];
      if (name) viceChair = personName(name);
    }
    if (!quorum && /\bQuorum\b/iu.test(line)) {
      const m = /(Quorum for this meeting is[^.]*\.)/iu.exec(line);
      quorum = m?.[1] ?? line;
      membershipEnd = i;
      inMembership = false;
    }
    if (/\bMembership\b/u.test(line)) inMembership = true;
    if (inMembership) {
      if (PARTIES.test(line)) {
        party = line;
        continue;
      }
      const names = councillorsIn(raw).map(personName);
      const listed = names.filter((n) => n !== chair && n !== viceChair);
      if (listed.length > 0 && !/\b(?:Chair|Vice[- ]?chair)\b/iu.test(line)) addMembers(members, party ?? 'Members', listed);
      else if (listed.length > 0 && names.length > 2) addMembers(members, 'Members', listed);
      else if (names.length === 0 && party && !/Membership|Agenda|Information/iu.test(line) && line.length < 120) {
        coopted.push(line);
      }
    }
    const contact = /^Contact\s+(.+)$/u.exec(line);
    if (contact?.[1] && !contactName) contactName = contact[1].trim();
    if (!email) email = EMAIL.exec(line)?.[0] ?? null;
    if (!phone && /Tel/u.test(line)) phone = PHONE.exec(line)?.[0] ?? null;
  }
  const contact = contactName ? { name: contactName, phone, email } : null;
  return { committee, date, time, venue, chair, viceChair, members, coopted, quorum, contact, dateIndex, membershipEnd };
}

function addMembers(groups: PartyGroup[], party: string, names: string[]): void {
  const existing = groups.find((g) => g.party === party);
  if (existing) (existing.members as string[]).push(...names);
  else groups.push({ party, members: [...names] });
}
