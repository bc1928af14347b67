import type { Attendee, MinuteItem, Minutes, Resolution } from '../model';
import { findCommitteeName } from './committees';
import { BLANK_PAGE, COUNCIL_LETTERHEAD, councillorsIn, isBlank, nextNonBlank, PAGE_FOOTER, type PageOf, personName, plain, span, trimRange } from './lines';

const RESOLVED = /^\s*(?:[-•]\s*)?(?:\*\*)?\s*Resolved\s*(?:\*\*)?\s*[:.]?\s*(?:\*\*)?\s*(.*)$/iu;
/** Unlabelled decisions: "That the minutes of the meeting held on 11 January 2023 be approved as a correct record." */
const MINUTES_APPROVAL = /\bThat the minutes of the (?:previous )?meeting(?: held)? on .{1,60}? be (?:approved|agreed|confirmed|signed)[^.]*\./iu;
const NUMBERED_POINT = /^\s*(?:[-•]\s*)?(\d{1,2})[.)]\s+(.*)$/u;
const BULLET_POINT = /^\s*[-•]\s+(.*)$/u;
const ITEM_LINE = /^\s*(?:[-•]\s*)?(\d{1,2})(?:\s+(.*))?$/u;
/** What ends a set of minutes or a page of them, and is never part of a decision. */
const PAPER_FURNITURE = /^\s*-{3,}|^\s*(?:Signed\b|Chair(?:man|person)?\s*:?\s*$|Date\s*:?\s*$|Powered by\b|The meeting (?:closed|ended)\b|Meeting (?:closed|ended)\b)/u;

interface ItemHead {
  readonly index: number;
  readonly titleIndex: number;
  readonly number: string;
  readonly title: string;
  /** Text on the heading line after the title ("5 **Minutes ...** That the minutes ..."). */
  readonly inlineBody: string;
}

/** Reads one set of minutes: attendance, apologies, declarations and every minute item with its resolutions. */
export function parseMinutes(
  file: string,
  lines: readonly string[],
  start: number,
  end: number,
  headingIndex: number,
  meetingDate: string,
  pageOf: PageOf,
): Minutes {
  const heads = findItemHeads(lines, headingIndex + 1, end);
  const firstItem = heads[0]?.index ?? end + 1;
  const attendance = parseAttendance(lines, headingIndex + 1, firstItem - 1);
  let committee: string | null = null;
  for (let i = start; i <= Math.min(end, headingIndex + 8) && !committee; i++) committee = findCommitteeName(lines[i] ?? '');

  const items: MinuteItem[] = heads.map((head, h) => {
    const stop = (heads[h + 1]?.index ?? end + 1) - 1;
    const [, last] = trimRange(lines, head.index, stop);
    const resolutions = findResolutions(file, lines, head, last, meetingDate, pageOf);
    const body = [head.inlineBody, ...lines.slice(head.titleIndex + 1, last + 1)]
      .filter((l) => !isBlank(l) && !PAGE_FOOTER.test(l))
      .map((l) => l.trim())
      .join('\n');
    return { meetingDate, number: head.number, title: head.title, body, resolutions, votes: [], source: span(file, head.index, last, pageOf) };
  });

  const apologiesItem = items.find((i) => /^Apologies/iu.test(i.title));
  const declarationsItem = items.find((i) => /Declarations? of interest/iu.test(i.title));
  const declarationLines = [apologiesItem, declarationsItem]
    .flatMap((item) => (item ? item.body.split('\n') : []))
    .filter((l) => /declared|declaration|interest/iu.test(l));
  return {
    meetingDate,
    committee,
    ...attendance,
    apologies: apologiesItem ? { text: apologiesItem.body, source: apologiesItem.source } : null,
    declarations:
      declarationsItem || declarationLines.length > 0
        ? { text: declarationLines.join('\n'), source: (declarationsItem ?? apologiesItem)!.source }
        : null,
    items,
    source: span(file, start, end, pageOf),
  };
}

/**
 * Minute items number upward from 1: "5 **Title**", "- 3 **Apologies**", "11 Title", or the number alone
 * on its line with the title below. Requiring the next number keeps numbered paragraphs out.
 */
function findItemHeads(lines: readonly string[], from: number, end: number): ItemHead[] {
  const heads: ItemHead[] = [];
  let last = 0;
  for (let i = from; i <= end; i++) {
    const raw = lines[i] ?? '';
    const m = ITEM_LINE.exec(raw);
    if (!m) continue;
    const n = Number(m[1]);
    const inRange = last === 0 ? n >= 1 && n <= 6 : n > last && n <= last + 2;
    if (!inRange) continue;
    const rest = m[2] ?? '';
    if (rest.trim() === '') {
      const t = nextNonBlank(lines, i + 1, i + 4);
      const title = t >= 0 ? plain(lines[t] ?? '') : '';
      if (!isTitle(title)) continue;
      heads.push({ index: i, titleIndex: t, number: String(n), title, inlineBody: '' });
      last = n;
      continue;
    }
    const bold = /^\s*\*\*(.+?)\*\*\s*(.*)$/u.exec(rest) ?? /^([^*]+?)\*\*\s*(.*)$/u.exec(rest);
    const title = plain(bold ? (bold[1] ?? '') : rest);
    if (!isTitle(title) || (!bold && /\.\s*$/u.test(rest) && title.length > 60)) continue;
    heads.push({ index: i, titleIndex: i, number: String(n), title, inlineBody: bold?.[2]?.trim() ?? '' });
    last = n;
  }
  return heads;
}

function isTitle(text: string): boolean {
  return text.length >= 3 && text.length <= 160 && /^[A-Z0-9'‘"(]/u.test(text) && !/^(?:The (?:panel|Chair|Deputy|Director|Head)|This|It|We|There)\s/u.test(text);
}

function findResolutions(
  file: string,
  lines: readonly string[],
  head: ItemHead,
  last: number,
  meetingDate: string,
  pageOf: PageOf,
): Resolution[] {
  const resolutions: Resolution[] = [];
  const base = { meetingDate, itemNumber: head.number, itemTitle: head.title };
  let i = head.titleIndex;
  let blockFrom = last + 1;
  for (let j = head.titleIndex + 1; j <= last; j++) {
    if (RESOLVED.test(lines[j] ?? '') && /^\s*(?:[-•]\s*)?(?:\*\*)?\s*Resolved/iu.test(lines[j] ?? '')) {
      blockFrom = j;
      break;
    }
  }
  // Unlabelled approvals, anywhere before a labelled block (including on the heading line itself).
  for (i = head.index; i < blockFrom; i++) {
    const raw = lines[i] ?? '';
    const m = MINUTES_APPROVAL.exec(raw);
    if (m) resolutions.push({ ...base, text: m[0].trim(), points: [m[0].trim()], labelled: false, source: span(file, i, i, pageOf) });
  }
  if (blockFrom <= last) {
    const block = readResolvedBlock(lines, blockFrom, last);
    if (block) resolutions.push({ ...base, ...block, labelled: true, source: span(file, block.first, block.last, pageOf) });
  }
  return resolutions;
}

/** The "Resolved:" label and the lines under it to the item's end, less page furniture. */
function readResolvedBlock(
  lines: readonly string[],
  label: number,
  last: number,
): { text: string; points: string[]; first: number; last: number } | null {
  const inline = RESOLVED.exec(lines[label] ?? '')?.[1]?.trim() ?? '';
  const kept: { index: number; text: string }[] = [];
  if (inline) kept.push({ index: label, text: inline });
  for (let i = label + 1; i <= last; i++) {
    const raw = lines[i] ?? '';
    if (BLANK_PAGE.test(raw) || PAPER_FURNITURE.test(raw) || COUNCIL_LETTERHEAD.test(raw)) break;
    if (isBlank(raw) || PAGE_FOOTER.test(raw)) continue;
    kept.push({ index: i, text: raw.trim() });
  }
  if (kept.length === 0) return null;
  const points: string[] = [];
  for (const { text } of kept) {
    const numbered = NUMBERED_POINT.exec(text);
    const bullet = numbered ? null : BULLET_POINT.exec(text);
    if (numbered) points.push((numbered[2] ?? '').trim());
    else if (bullet) points.push((bullet[1] ?? '').trim());
    else if (points.length > 0 && !/^[A-Z]/u.test(text)) points[points.length - 1] += ` ${text}`;
    else points.push(text);
  }
  return {
    text: kept.map((k) => k.text).join('\n'),
    points,
    // The span is the decision's own lines, so a citation quotes exactly the text.
    first: kept[0]!.index,
    last: kept[kept.length - 1]!.index,
  };
}

interface Attendance {
  chair: string | null;
  viceChair: string | null;
  readonly members: string[];
  readonly coopted: string[];
  readonly inAttendance: string[];
  readonly employees: Attendee[];
}

/** The attendance list between the minutes heading and the first item. */
function parseAttendance(lines: readonly string[], from: number, to: number): Attendance {
  const out: Attendance = { chair: null, viceChair: null, members: [], coopted: [], inAttendance: [], employees: [] };
  let section: keyof Attendance | null = null;
  const employeeLines: string[] = [];
  for (let i = from; i <= to; i++) {
    const raw = lines[i] ?? '';
    if (isBlank(raw)) continue;
    const line = plain(raw);
    if (/^Members of the\b/iu.test(line)) section = 'members';
    else if (/^Co-?opted Members/iu.test(line)) section = 'coopted';
    else if (/^In Attendance\b/iu.test(line)) section = 'inAttendance';
    else if (/^Employees\b/iu.test(line)) section = 'employees';
    else if (/^Part 1\b|^Item No\b|^Attendance$/iu.test(line)) section = /^Attendance$/iu.test(line) ? null : null;
    else if (section === 'members') {
      out.members.push(...councillorsIn(raw).map(personName));
      const chair = /(?:Cllr|Councillor)\s+([^()]+?)\s*\(Chair\)/u.exec(line);
      const vice = /(?:Cllr|Councillor)\s+([^()]+?)\s*\(Vice[- ]?Chair\)/iu.exec(line);
      if (chair?.[1] && !out.chair) out.chair = personName(lastName(chair[1]));
      if (vice?.[1] && !out.viceChair) out.viceChair = personName(lastName(vice[1]));
    }
    else if (section === 'coopted') out.coopted.push(line);
    else if (section === 'inAttendance') out.inAttendance.push(line);
    else if (section === 'employees') employeeLines.push(raw);
  }
  out.employees.push(...pairEmployees(employeeLines));
  return { ...out, members: [...new Set(out.members)] };
}

/** In a flattened list "Cllr A Cllr B (Chair)", the chair is the last name before the marker. */
function lastName(run: string): string {
  const parts = run.split(/\b(?:Cllr|Councillor)\s+/u);
  return parts[parts.length - 1] ?? run;
}

/** "Name<TAB>Role" rows, or (where conversion split the table) all the names, then all the roles. */
function pairEmployees(rows: readonly string[]): Attendee[] {
  const tabbed = rows.filter((r) => r.includes('\t'));
  if (tabbed.length > 0) {
    return tabbed.map((r) => {
      const [name, ...role] = r.split('\t').map((c) => c.trim()).filter(Boolean);
      return { name: name ?? '', role: role.join(' ') || null };
    });
  }
  const clean = rows.map(plain).filter(Boolean);
  if (clean.length % 2 === 0) {
    const half = clean.length / 2;
    return clean.slice(0, half).map((name, k) => ({ name, role: clean[half + k] ?? null }));
  }
  return clean.map((name) => ({ name, role: null }));
}
