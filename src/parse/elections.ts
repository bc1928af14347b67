import type { IsoDate, PersonRecord, SourceSpan } from '../model';
import { personName, plain } from './lines';
import { VOCABULARY } from './vocabulary';

const V = VOCABULARY.elections;
/** How far before "be elected" the names are looked for: a proposer, a seconder and who was elected. */
const WHO_CHARS = 200;

/** Where a line of the file sits: the meeting and committee of the minutes that hold it, or the file's own. */
export type MeetingAt = (index: number) => { readonly committee: string | null; readonly meetingDate: IsoDate | null };

/**
 * Officers elected or appointed at a meeting, as the minutes record them, whatever the layout:
 *  - a sentence: "HD nominated and AS seconded that A B be elected Chair for the forthcoming year",
 *    "RESOLVED that Councillor A B be appointed Vice-Chair of the Committee", "A B was re-elected Treasurer";
 *  - an office label under an election heading: "Chair: A B" (with "Proposed by C; Seconded by D" on
 *    the next line) or "Chair: A B nominated by C and seconded D".
 * Each is a person record (evidence 'election', the office as its role) whose source is the lines that
 * say it, proposer and seconder included, so a citation quotes the election itself. The words are data
 * (data/minutes-vocabulary.json, "elections").
 */
export function officerElections(file: string, lines: readonly string[], pages: readonly (number | null)[], meetingAt: MeetingAt): PersonRecord[] {
  const out: PersonRecord[] = [];
  const record = (name: string, office: string, from: number, to: number): void => {
    const person = personName(name);
    if (!person || out.some((r) => r.source.lineStart === from + 1 && r.role === office)) return;
    const { committee, meetingDate } = meetingAt(from);
    const source: SourceSpan = { file, lineStart: from + 1, lineEnd: to + 1, page: pages[from] ?? null };
    out.push({ name: person, role: office, evidence: 'election', committee, meetingDate, context: null, source });
  };
  let contextUntil = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = plain(lines[i] ?? '');
    if (!line) continue;
    if (V.context.test(line)) contextUntil = i + V.contextLines;
    const label = i <= contextUntil ? V.label.exec(line) : null;
    if (label) {
      const rest = label[2]!;
      const at = V.proposedAt.exec(rest);
      const name = leadingName(at ? rest.slice(0, at.index) : rest);
      // The proposer and seconder on the label's line, or on the next line ("Proposed by C; Seconded by D").
      const next = nextLine(lines, i);
      const to = !at && next >= 0 && V.proposal.test(plain(lines[next] ?? '')) ? next : i;
      if (name) record(name, office(label[1]!), i, to);
      continue;
    }
    // A sentence may wrap onto the next line, as printed minutes wrap.
    const joined = i + 1 < lines.length ? `${line} ${plain(lines[i + 1] ?? '')}` : line;
    const said = V.elected.exec(joined);
    if (!said) continue;
    // Who was elected (and who proposed and seconded) is in the words just before the verb.
    const from = Math.max(0, said.index - WHO_CHARS);
    const m = V.electedWho.exec(joined.slice(from, said.index));
    const name = m ? trailingName(m[3]!) : null;
    if (!m || !name) continue;
    // The statement starts at its proposer's name, else the elected person's: the words the
    // case-blind match took before them ("To elect a Chairman for the year HD nominated") are not it.
    const proposer = m[1] ? trailingName(m[1]) : null;
    const start = from + (proposer ? m.index + m[1]!.length - proposer.length : m.index + m[0].indexOf(m[3]!) + m[3]!.length - name.length);
    if (start >= line.length) continue;
    const of = said[2] ? ofBody(said[2]) : '';
    let end = said.index + said[0].length > line.length + 1 ? i + 1 : i;
    // A sentence cut by the page's width ends on the next line ("... be elected Chair for the / forthcoming year.").
    if (!/[.;:]\s*$/u.test(lines[end] ?? '') && end + 1 < lines.length && /^[^\d]{1,80}[.;]\s*$/u.test(plain(lines[end + 1] ?? ''))) end++;
    record(name, `${office(said[1]!)}${of}`, i, end);
    if (end > i) i = end;
  }
  return out;
}

/** The office as printed, spaced one way: "Vice Chair", "Vice-Chairman", "RFO". */
function office(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** " of the Audit Committee": kept while its words are capitalised, as a body's name is. */
function ofBody(text: string): string {
  const words = text.trim().split(/\s+/u);
  const kept: string[] = [];
  for (const [k, w] of words.entries()) {
    if (k === 0 || (k === 1 && /^the$/iu.test(w)) || isNameWord(w) || /^(?:and|of|for|&)$/u.test(w)) kept.push(w);
    else break;
  }
  while (kept.length > 0 && /^(?:and|of|for|&|the)$/iu.test(kept.at(-1)!)) kept.pop();
  return kept.length > 1 ? ` ${kept.join(' ')}` : '';
}

const TITLES = /^(?:Councillor|Cllr\.?|Mr\.?|Mrs\.?|Ms\.?|Miss|Dr\.?|Prof\.?|Sir|Dame)$/u;

/** A word a name is made of: capitalised ("Oakhill", "O’Neill", "McFadzean") or initials ("HD"). */
function isNameWord(word: string): boolean {
  return /^\p{Lu}[\p{L}'’.-]*$/u.test(word) && !/^(?:That|The|RESOLVED|Resolved|It|This|AGREED|Agreed)$/u.test(word);
}

/** The capitalised words that end a run ("agreed that Nick Oakhill" -> "Nick Oakhill"); null when none. */
function trailingName(text: string): string | null {
  const words = text.trim().split(/\s+/u);
  let k = words.length;
  while (k > 0 && isNamePart(words[k - 1]!)) k--;
  return nameOf(words.slice(k));
}

/** The capitalised words that open a run, up to its first comma ("Clare Dickson, thanked ..." -> "Clare Dickson"); null when none. */
function leadingName(text: string): string | null {
  const words = (text.split(/[,;]/u)[0] ?? '').trim().replace(/\.+$/u, '').split(/\s+/u);
  let k = 0;
  while (k < words.length && k < MAX_NAME_WORDS && isNamePart(words[k]!)) k++;
  return nameOf(words.slice(0, k));
}

/** Words a name takes, titles included ("Cllr", "Dr"). */
const MAX_NAME_WORDS = 6;

function isNamePart(word: string): boolean {
  return isNameWord(word) || TITLES.test(word);
}

/** The words as a name, unless there are none or they are titles alone. */
function nameOf(words: readonly string[]): string | null {
  return words.length > 0 && !words.every((w) => TITLES.test(w)) ? words.join(' ') : null;
}

function nextLine(lines: readonly string[], i: number): number {
  for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) if (plain(lines[k] ?? '')) return k;
  return -1;
}
