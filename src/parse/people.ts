import type { AgendaItem, IsoDate, Meeting, MinuteItem, Minutes, PersonEvidence, PersonRecord, Report, SourceSpan } from '../model';

/**
 * The people directory: every place the papers pair a person with a role or job title (attendance lists,
 * report covers, agenda brackets, minutes discussion lines), and who presented each minuted item. Pure:
 * it reads records already parsed and the lines they came from, so it can run on a loaded index too.
 */
export interface PeopleDirectory {
  readonly people: readonly PersonRecord[];
  readonly presentations: readonly Presentation[];
}

/** A minute item's line saying who presented it: "The Head of City Transport introduced and outlined the report." */
export interface Presentation {
  readonly meetingDate: IsoDate;
  readonly itemNumber: string;
  readonly itemTitle: string;
  readonly committee: string | null;
  /** The person as the line names them, where it does ("Alison Hinds"); null where it gives only a role. */
  readonly name: string | null;
  /** The role as the line gives it ("Head of City Transport"), where it does. */
  readonly role: string | null;
  readonly source: SourceSpan;
}

/** The lines of a file, 0-based: a plain array or the index's stored text. */
export interface LineSource {
  readonly length: number;
  at(index: number): string | undefined;
}

export interface DirectorySources {
  readonly meetings: readonly Meeting[];
  readonly agendaItems: readonly AgendaItem[];
  readonly minutes: readonly Minutes[];
  readonly reports: readonly Report[];
  /** Files whose readers made person records themselves (web-service attendees). */
  readonly files?: readonly { readonly people?: readonly PersonRecord[] }[];
}

/** Words a role or job title holds ("Principal Social Worker", "Head of City Transport"); never a person's name. */
const ROLE_WORD =
  /\b(?:Director|Head|Manager|Officer|Worker|Member|Chief|Lead|Leader|Advis[eo]r|Practitioner|Co-?ordinator|Commissioner|Chair(?:man)?|Clerk|Solicitor|Accountant|Consultant|Principal|Engineer|Planner|Specialist|Analyst|Partner|Executive|Secretary|Holder|Inspector|Governor|Teacher|Headteacher|Nurse|Superintendent|Treasurer|Auditor|Administrator|Supervisor|Mayor|Deputy|Assistant|Portfolio|Cabinet|Scrutiny|Service|Services)\b/u;
/** Honorifics a name may open with; kept in the name as written. */
const PREFIX = String.raw`(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Miss|Prof|Professor|Sir|Dame)\.?\s+)`;
/** A name word: capital then lower case ("Piggott-Smith", "O'Neill"); not an honorific (a second person starts there). */
const NAME_WORD = String.raw`(?!(?:Cllr|Councillor|The|This|That)\b)[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?`;
/** Two name words after any honorifics: "Cllr Dr Michael Hardacre", "Earl Piggott-Smith". */
const NAME = String.raw`${PREFIX}*${NAME_WORD}\s+${NAME_WORD}`;
/** At the start of a cell a third word is a name too ("Mary Anne Smith"); mid-text it is more likely a role's end. */
const FIRST_NAME = String.raw`${PREFIX}*${NAME_WORD}(?:\s+${NAME_WORD}){1,2}`;
/** Between a name and its role: "Name, Role", "Name: Role", "Name – Role". */
const SEPARATOR = String.raw`\s*(?:,|:|\s[–—-])\s*`;
const CONTACT_NOISE = /\S*\s?@\S+|\+?\d[\d\s]{6,}\d|\b(?:Tel(?:ephone)?|E-?mail|Job title)\b:?/giu;

/**
 * "Name, Job Title, verb ..." in a minutes discussion line, after a sentence start or "invited":
 * "The Chair invited Alison Hinds, Deputy Director of Children's Services, to present report."
 */
const MENTION = new RegExp(String.raw`(?:^|[.;:]\s+|\binvited\s+|^[-•]\s*)(${NAME}),\s+((?:the\s+)?[A-Z][^,.;()]{2,90}?),\s+(?=[a-z])`, 'gu');
/** A line saying an item was presented: "presented the report", "introduced and outlined the report", "invited X to present". */
const PRESENTED = /\b(?:presented|introduced|outlined|gave|delivered|to present|to introduce)\b[^.]*\b(?:report|presentation|item|paper|update|briefing|plan|strategy)\b|\binvited\b[^.]*\bto (?:present|introduce)\b/iu;
/** "The Head of City Transport introduced ...": the presenter by role alone. */
const ROLE_SUBJECT = /^\s*(?:[-•]\s*)?The\s+([A-Z][^,.;()]{2,90}?)\s+(?:presented|introduced|outlined|gave|delivered)\b/u;
/** How far into an item its presenter is looked for: a presentation opens the discussion. */
const PRESENTER_LINES = 15;
/** How far below a name its role may be, where an attendance table was split into a column of names, then one of roles. */
const SPLIT_TABLE_LINES = 12;
/** How far into a report its cover is. */
const COVER_LINES = 40;

/** Builds the people directory from the parsed records and each file's lines. */
export function buildPeopleDirectory(sources: DirectorySources, linesOf: (file: string) => LineSource | undefined): PeopleDirectory {
  const people: PersonRecord[] = [];
  const seen = new Set<string>();
  const add = (record: PersonRecord): void => {
    const key = `${record.name}|${record.role}|${record.source.file}|${record.source.lineStart}`;
    if (seen.has(key)) return;
    seen.add(key);
    people.push(record);
  };
  const committeeOn = committeeByDate(sources.meetings);
  // A reader's own records; one that names no committee takes the committee the calendar gives its meeting.
  for (const r of (sources.files ?? []).flatMap((f) => f.people ?? [])) add(r.committee || !r.meetingDate ? r : { ...r, committee: committeeOn(r.meetingDate) });

  for (const item of sources.agendaItems) {
    if (!item.presenter) continue;
    const lines = linesOf(item.source.file);
    for (const p of namesAndRoles(item.presenter)) {
      const at = lines && lineHolding(lines, item.source.lineStart, item.source.lineEnd, p.name);
      if (at) add({ ...p, evidence: 'agenda_presenter', committee: committeeOn(item.meetingDate), meetingDate: item.meetingDate, context: item.title, source: { ...item.source, lineStart: at, lineEnd: at } });
    }
  }

  for (const m of sources.minutes) {
    const lines = linesOf(m.source.file);
    if (!lines) continue;
    const committee = m.committee ?? committeeOn(m.meetingDate);
    const listEnd = (m.items[0]?.source.lineStart ?? m.source.lineEnd) - 1;
    const from = m.attendanceSource?.lineStart ?? m.source.lineStart;
    const attendees = [...m.employees.filter((e) => e.role !== null).map((e) => ({ name: e.name, role: e.role! })), ...m.inAttendance.flatMap((line) => namesAndRoles(line))];
    for (const a of attendees) {
      if (!isName(a.name) || !ROLE_WORD.test(a.role)) continue;
      const at = lineHolding(lines, from, listEnd, a.name);
      if (!at) continue;
      // Where conversion split the table (all the names, then all the roles), the role is a few lines on.
      const roleAt = lineHolding(lines, at, Math.min(listEnd, at + SPLIT_TABLE_LINES), a.role) ?? at;
      add({ ...a, evidence: 'attendance', committee, meetingDate: m.meetingDate, context: null, source: spanOf(m.source, at, roleAt) });
    }
    for (const item of m.items) {
      for (const mention of mentionsIn(lines, item)) {
        add({ ...mention, evidence: 'minutes', committee, meetingDate: m.meetingDate, context: item.title, source: spanOf(item.source, mention.line, mention.line) });
      }
    }
  }

  for (const r of sources.reports) {
    const lines = linesOf(r.source.file);
    if (!lines) continue;
    const committee = r.committee ?? (r.meetingDate ? committeeOn(r.meetingDate) : null);
    const fields: [string | null, 'cabinet' | 'officer'][] = [[r.accountableEmployee, 'officer'], [r.accountableDirector, 'officer'], [r.cabinetMember, 'cabinet']];
    for (const [value, as] of fields) {
      if (!value) continue;
      for (const p of namesAndRoles(value, as)) {
        const at = lineHolding(lines, r.source.lineStart, Math.min(r.source.lineEnd, r.source.lineStart + COVER_LINES), p.name);
        if (at) add({ ...p, evidence: 'report_cover', committee, meetingDate: r.meetingDate, context: r.title, source: spanOf(r.source, at, at) });
      }
    }
  }

  const presentations = sources.minutes.flatMap((m) => {
    const lines = linesOf(m.source.file);
    const committee = m.committee ?? committeeOn(m.meetingDate);
    return lines ? m.items.flatMap((item) => presentationOf(lines, item, committee)) : [];
  });
  return { people, presentations };
}

/** The evidence kinds, most trusted first: a list of who attended in what role beats a passing mention. */
export const EVIDENCE_ORDER: readonly PersonEvidence[] = ['service_attendee', 'attendance', 'agenda_presenter', 'report_cover', 'minutes'];

/**
 * The people a cell or bracket names with their roles: "Alison Hinds, Deputy Director", "John Smith:
 * Executive Director ...", "Emma Bennett, Executive Director of Families Becky Wilkinson, Director of Adults",
 * "Laura Collings Tel Email Head of Policy and Strategy 01902 ...". A cabinet member's cell often gives
 * the portfolio alone ("Councillor John Reynolds Children and Young People").
 */
export function namesAndRoles(text: string, as: 'cabinet' | 'officer' = 'officer'): { name: string; role: string }[] {
  const clean = text.replace(CONTACT_NOISE, ' ').replace(/\s+/gu, ' ').trim();
  // Each councillor a cell names starts a person of their own ("... Cllr John Reynolds, Cabinet Member ...").
  const chunks = clean.split(/\s(?=(?:Cllr|Councillor)\.?\s)/u);
  return chunks
    .flatMap((chunk) => personsIn(chunk, as))
    .map((p) => ({ name: p.name.trim(), role: as === 'cabinet' ? cabinetRole(p.role) : p.role.trim() }))
    .filter((p) => p.role !== '' && ROLE_WORD.test(p.role));
}

function personsIn(clean: string, as: 'cabinet' | 'officer'): { name: string; role: string }[] {
  // A councillor's cell runs the portfolio on after the name ("Councillor Dr Mike Hardacre Education, Skills ..."): two name words.
  const first = as === 'cabinet' ? NAME : FIRST_NAME;
  const heads = [...clean.matchAll(new RegExp(`(?:^(${first})|(?<=\\s)(${NAME}))${SEPARATOR}`, 'gu'))].filter((h) => isName(h[1] ?? h[2] ?? ''));
  if (heads.length > 0 && heads[0]!.index === 0) {
    return heads.map((h, k) => ({
      name: h[1] ?? h[2] ?? '',
      role: clean.slice(h.index + h[0].length, heads[k + 1]?.index ?? clean.length).trim().replace(/[,;]$/u, ''),
    }));
  }
  // No separator: the name is the first two words, then a role (or, for a councillor, the portfolio).
  const start = new RegExp(`^(${NAME})\\s+(.+)$`, 'u').exec(clean);
  if (start?.[1] && isName(start[1]) && (as === 'cabinet' || ROLE_WORD.exec(start[2] ?? '')?.index === 0)) return [{ name: start[1], role: start[2] ?? '' }];
  if (as === 'cabinet' && isName(clean)) return [{ name: clean, role: '' }];
  return [];
}

/** A portfolio alone ("Children and Young People") is the cabinet member for it. */
function cabinetRole(role: string): string {
  const r = role.replace(/^[–—-]\s*/u, '').trim();
  if (/\bCabinet Member\b|\bPortfolio Holder\b|\bLeader\b/iu.test(r)) return r;
  return r ? `Cabinet Member for ${r}` : 'Cabinet Member';
}

/** A person's name, not a role or a heading: two or more name words, none of them a role's. */
function isName(text: string): boolean {
  return WHOLE_NAME.test(text.trim()) && !ROLE_WORD.test(text.replace(LEADING_PREFIXES, ''));
}
const WHOLE_NAME = new RegExp(`^${FIRST_NAME}$`, 'u');
const LEADING_PREFIXES = new RegExp(`^${PREFIX}+`, 'u');

/** The 1-based line in [from, to] holding `needle` (spaces as any run of spaces or tabs), or null. */
export function lineHolding(lines: LineSource, from: number, to: number, needle: string): number | null {
  const words = needle.trim().split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&'));
  const re = new RegExp(words.join(String.raw`[\s*]+`), 'u');
  for (let n = Math.max(1, from); n <= Math.min(to, lines.length); n++) if (re.test(lines.at(n - 1) ?? '')) return n;
  return null;
}

function spanOf(source: SourceSpan, lineStart: number, lineEnd: number): SourceSpan {
  return { file: source.file, lineStart, lineEnd, page: source.page };
}

/** "Name, Job Title, verb" mentions in a minute item's lines. */
function mentionsIn(lines: LineSource, item: MinuteItem): { name: string; role: string; line: number }[] {
  const out: { name: string; role: string; line: number }[] = [];
  for (let n = item.source.lineStart; n <= Math.min(item.source.lineEnd, lines.length); n++) {
    const text = (lines.at(n - 1) ?? '').replace(/\*\*/gu, '');
    // A mention has a name and a role between commas: most lines have no comma to start one.
    if (!text.includes(', ')) continue;
    for (const m of text.matchAll(MENTION)) {
      const name = m[1] ?? '';
      const role = (m[2] ?? '').replace(/^the\s+/u, '');
      if (isName(name) && ROLE_WORD.test(role)) out.push({ name, role, line: n });
    }
  }
  return out;
}

/** The first line of an item that says who presented it, with the person or role it names. */
function presentationOf(lines: LineSource, item: MinuteItem, committee: string | null): Presentation[] {
  const last = Math.min(item.source.lineEnd, item.source.lineStart + PRESENTER_LINES, lines.length);
  for (let n = item.source.lineStart + 1; n <= last; n++) {
    const text = (lines.at(n - 1) ?? '').replace(/\*\*/gu, '');
    if (!PRESENTED.test(text)) continue;
    const base = { meetingDate: item.meetingDate, itemNumber: item.number, itemTitle: item.title, committee, source: { file: item.source.file, lineStart: n, lineEnd: n, page: item.source.page } };
    const named = [...text.matchAll(MENTION)].find((m) => isName(m[1] ?? '') && ROLE_WORD.test(m[2] ?? ''));
    if (named) return [{ ...base, name: named[1]!, role: named[2]!.replace(/^the\s+/u, '') }];
    const byRole = ROLE_SUBJECT.exec(text);
    if (byRole?.[1] && ROLE_WORD.test(byRole[1]) && !/^(?:Chair|Committee|Panel|Board)$/iu.test(byRole[1])) return [{ ...base, name: null, role: byRole[1] }];
    // A line that says a report was presented without saying by whom ("The Committee considered a report that presented ...").
  }
  return [];
}

/** The committee of the meeting on a date (the first, where two committees met that day). */
function committeeByDate(meetings: readonly Meeting[]): (date: IsoDate) => string | null {
  const byDate = new Map<IsoDate, string>();
  for (const m of meetings) if (!byDate.has(m.date)) byDate.set(m.date, m.canonicalCommittee);
  return (date) => byDate.get(date) ?? null;
}
