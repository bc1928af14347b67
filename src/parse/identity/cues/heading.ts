import type { IdentityEvidence } from '../../../model';
import { findDates, monthNumber } from '../../dates';
import { cleanCommitteeName, committeeOfTitle } from '../committeeName';
import { evidence, type IdentityCue } from '../evidence';
import { type HeadLine, headLines } from '../head';
import { IDENTITY_VOCABULARY as V } from '../vocabulary';

/** Lines a heading may run over ("Minutes of the Transport & Connectivity / Policy Committee / 12 September 2024"). */
const HEADING_WINDOW = 3;
/** How many lines below a heading its date may be. */
const DATE_REACH = 3;
/** A heading and the front page's dateline are this near the top (in lines with words on them). */
const HEADING_REACH = 12;
/** A dateline this near the top is the document's title ("MONDAY 7 JULY 2025") even with no body named above it. */
const TITLE_DATELINE = 3;
/** A line longer than this is prose, not a title or a dateline. */
const TITLE_MAX_WORDS = 16;
/** "March 2026", "February/March 2026": a month without a day. */
const MONTH_YEAR = /\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\s+(\d{4})\b/giu;

/**
 * The document's own heading: "Minutes of a meeting of the X held on <date>", "Decision determined at
 * X meeting on <date>", or a title line naming a body just above the front page's dateline ("Cabinet" /
 * "Thursday, 30th January, 2025"). Also what the document says it is, and whose council it is.
 */
export const HEADING_CUE: IdentityCue = {
  name: 'heading',
  read: (doc) => {
    const head = headLines(doc);
    const found = leadIn(head) ?? titleAboveDate(head);
    return [...(found ?? []), ...kindOf(head), ...councilOf(head), ...(found?.some((e) => e.field === 'meetingDate') ? [] : monthHint(head))];
  },
};

/** The first heading that opens with a lead-in phrase ("Minutes of", "Decision determined at", ...). */
function leadIn(head: readonly HeadLine[]): IdentityEvidence[] | null {
  for (let i = 0; i < Math.min(head.length, HEADING_REACH); i++) {
    // A heading runs over lines until one dates the paper rather than the meeting ("This update published ...").
    const lines = head.slice(i, i + HEADING_WINDOW);
    const stop = lines.findIndex((h, k) => k > 0 && V.notMeetingDate.test(h.text));
    const window = (stop > 0 ? lines.slice(0, stop) : lines).map((h) => h.text).join(' ');
    for (const { pattern } of V.leadIns) {
      const m = pattern.exec(window);
      if (!m || m.index >= head[i]!.text.length) continue;
      const rest = window.slice(m.index + m[0].length);
      const out: IdentityEvidence[] = [];
      const named = cleanCommitteeName(rest);
      const above = named ? null : bodyAbove(head, i);
      if (named) out.push(evidence('committee', 'heading', named, head[i]!.line, window));
      else if (above) out.push(evidence('committee', 'heading', above.name, above.line.line, above.line.text));
      const dated = findDates(rest)[0] ?? null;
      const below = dated ? null : dateBelow(head, i + HEADING_WINDOW);
      if (dated) out.push(evidence('meetingDate', 'heading', dated.date, head[i]!.line, window));
      else if (below) out.push(evidence('meetingDate', 'heading', below.date, below.line.line, below.line.text));
      if (out.length > 0) return out;
    }
  }
  return null;
}

/** The body named on a line above a heading that names none ("Northby Community Council" / "Minutes of a Meeting held on ..."). */
function bodyAbove(head: readonly HeadLine[], at: number): { name: string; line: HeadLine } | null {
  for (let k = at - 1; k >= 0; k--) {
    const name = titleName(head[k]!);
    if (name) return { name, line: head[k]! };
  }
  return null;
}

function dateBelow(head: readonly HeadLine[], from: number): { date: string; line: HeadLine } | null {
  for (const line of head.slice(from, from + DATE_REACH)) {
    const d = datelineDate(line);
    if (d) return { date: d, line };
  }
  return null;
}

/** The front page's dateline, and the nearest title line above it (or before the date on it) that names a body. */
function titleAboveDate(head: readonly HeadLine[]): IdentityEvidence[] | null {
  const at = head.slice(0, HEADING_REACH).findIndex((h) => datelineDate(h) !== null);
  if (at < 0) return null;
  const dateline = head[at]!;
  const date = datelineDate(dateline)!;
  const before = dateline.text.slice(0, findDates(dateline.text)[0]!.index);
  const onLine = isLabelled(dateline.text) || V.kinds.some((k) => k.pattern.test(before)) ? null : committeeOfTitle(before);
  const out = [evidence('meetingDate', 'heading', date, dateline.line, dateline.text)];
  if (onLine) return [evidence('committee', 'heading', onLine, dateline.line, dateline.text), ...out];
  for (let k = at - 1; k >= Math.max(0, at - DATE_REACH); k--) {
    const name = titleName(head[k]!);
    if (name) return [evidence('committee', 'heading', name, head[k]!.line, head[k]!.text), ...out];
  }
  return at < TITLE_DATELINE ? out : null;
}

/**
 * A short line that names a body: not a labelled field ("COMMITTEE: ...", read by the labels cue), nor
 * a line that says what the document is ("Committee Report" is a kind of paper, not a committee).
 */
function titleName(line: HeadLine): string | null {
  if (words(line.text) > TITLE_MAX_WORDS || isLabelled(line.text) || V.kinds.some((k) => k.pattern.test(line.text))) return null;
  return committeeOfTitle(line.text);
}

/** The date of a short line that gives one ("Date: Thursday, 30th January, 2025" too); a long line with a date in it is prose. */
function datelineDate(line: HeadLine): string | null {
  if (words(line.text) > TITLE_MAX_WORDS || V.notMeetingDate.test(line.text)) return null;
  return findDates(line.text)[0]?.date ?? null;
}

/** "From: ...", "COMMITTEE: ...": a form's field, whatever its label, is no title. */
const ANY_LABEL = /^\s*[\p{L}'’ -]{1,30}:\s/u;

function isLabelled(text: string): boolean {
  return ANY_LABEL.test(text) || V.committeeLabel.test(text) || V.dateLabel.test(text);
}

function words(text: string): number {
  return text.split(/\s+/u).length;
}

/** What the document says it is: the first heading line a kind's words open. */
function kindOf(head: readonly HeadLine[]): IdentityEvidence[] {
  for (const line of head.slice(0, 12)) {
    const kind = V.kinds.find((k) => k.pattern.test(line.text))?.kind;
    if (kind) return [evidence('kind', 'heading', kind, line.line, line.text)];
  }
  return [];
}

/** A council's own name as a heading line ("Westport City Council"). */
function councilOf(head: readonly HeadLine[]): IdentityEvidence[] {
  for (const line of head.slice(0, 12)) {
    const name = line.text.split(/\s+[-–—]\s+/u)[0]!.trim();
    if (V.councilName.test(name)) return [evidence('council', 'heading', cleanCommitteeName(name) ?? name, line.line, line.text)];
  }
  return [];
}

/** The last month named with its year near the top ("February/March 2026" is March), for the folder pass to narrow. */
function monthHint(head: readonly HeadLine[]): IdentityEvidence[] {
  for (const line of head.slice(0, 6)) {
    const months = [...line.text.matchAll(MONTH_YEAR)];
    const last = months[months.length - 1];
    const month = last ? monthNumber(last[1]!) : null;
    if (last && month) return [evidence('meetingDate', 'heading', `${last[2]}-${String(month).padStart(2, '0')}`, line.line, line.text)];
  }
  return [];
}
