import type { SourceDocument } from '../../ingest';
import type { Paper, Report, ReportSection } from '../../model';
import { findDates } from '../dates';
import { isBlank, type PageOf, span } from '../lines';
import type { ParsedFile } from '../parsedCorpus';
import { VOCABULARY } from '../vocabulary';
import { fileFindings, openingLines, pageFurniture, pagesOf, POINT } from './common';
import type { PaperReader } from './index';

const R = VOCABULARY.reportCover;

/**
 * Committee reports published on their own with a cover of labelled fields ("COMMITTEE:", "DATE:",
 * "TITLE:", "Officer presenting the report:") or of a meeting line, date and title above "Report by ..."
 * and "Relevant Portfolio Holder: ...". The agenda-pack reports' cover table is read by parseReport.
 */
export const REPORT_COVER: PaperReader = { layout: 'report', recognises, read };

function recognises(doc: SourceDocument): boolean {
  return openingLines(doc, 12).some((l) => R.marks.test(l));
}

type Field = keyof typeof R.fields;

function read(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pageOf = pagesOf(doc);
  const skip = pageFurniture(doc);
  const text = (i: number): string => (skip.has(i) ? '' : (lines[i] ?? '').trim());
  const fields: Partial<Record<Field, string>> = {};
  let firstField = -1;
  const coverEnd = Math.min(lines.length, 60);
  for (let i = 0; i < coverEnd; i++) {
    const line = text(i);
    for (const [name, pattern] of Object.entries(R.fields) as [Field, RegExp][]) {
      const m = pattern.exec(line);
      if (!m || fields[name] !== undefined) continue;
      let value = (m[1] ?? '').trim();
      // A field's value runs on to the next line until a blank line or another field.
      for (let j = i + 1; j < coverEnd && text(j) && !Object.values(R.fields).some((p) => p.test(text(j))); j++) value = `${value} ${text(j)}`;
      fields[name] = value.replace(/\s+/gu, ' ').trim();
      if (firstField < 0) firstField = i;
      break;
    }
  }
  // Covers without labels: the committee, the date, then the title, above the first field.
  const above = lines.slice(0, Math.max(0, firstField)).map((_, i) => text(i)).filter(Boolean);
  const dateAt = above.findIndex((l) => findDates(l).length > 0 && l.length < 40);
  // "To: Cabinet, 30 January 2025": the meeting's date may follow the committee in its field.
  const toDate = fields.committee ? findDates(fields.committee)[0] : undefined;
  const committee = (toDate ? fields.committee!.slice(0, toDate.index).replace(/[\s,–-]+$/u, '') : fields.committee) ?? (dateAt > 0 ? above.slice(0, dateAt).join(' ') : null);
  const title = fields.title ?? (dateAt >= 0 ? above.slice(dateAt + 1).join(' ') : '') ?? '';
  const meetingDate = findDates(fields.date ?? (dateAt >= 0 ? above[dateAt] ?? '' : ''))[0]?.date ?? toDate?.date ?? null;
  const source = span(file, 0, lines.length - 1, pageOf);
  const report: Report = {
    title: title || 'Report',
    committee: committee || null,
    meetingDate,
    cabinetMember: fields.cabinetMember ?? null,
    accountableDirector: fields.director ?? null,
    // "Adam Crowther Job title: Head of City Transport" reads as "Adam Crowther, Head of City Transport".
    accountableEmployee: fields.author?.replace(/\s+Job title\s*:\s*/iu, ', ') ?? null,
    originatingService: null,
    recommendations: recommendations(lines, skip),
    sections: sections(file, lines, skip, pageOf, firstField),
    source,
  };
  const paper: Paper = { kind: 'report', title: report.title, meetingDate, source };
  return fileFindings(doc, { papers: [paper], reports: [report] });
}

/** A heading line: short, capitalised, no full stop, on its own between blank lines. */
function isHeading(lines: readonly string[], i: number, skip: ReadonlySet<number>): boolean {
  const line = (lines[i] ?? '').trim();
  const blankAround = (k: number): boolean => isBlank(lines[k]) || skip.has(k) || k < 0 || k >= lines.length;
  let next = i + 1;
  while (next < lines.length && blankAround(next)) next++;
  // Not a "Label: value" cover field, and not a line of a double-spaced paragraph that runs on in lower case.
  const runsOn = /^[a-z]/u.test((lines[next] ?? '').trim());
  return line.length >= 3 && line.length <= 70 && /^[A-Z]/u.test(line) && !/[.,;]$/u.test(line) && !/^[^:]{1,40}:\s*\S/u.test(line) && !POINT.test(line) && !/\t/u.test(line) && !runsOn && blankAround(i - 1) && blankAround(i + 1);
}

/**
 * The recommendations under "Recommendation(s)" / "Officer Recommendations:": numbered points with their
 * run-on lines (double-spaced covers put blank lines inside a point), or the one unnumbered paragraph.
 * A heading ends them unless numbered points follow it ("Contractual:" between points 2 and 3).
 */
function recommendations(lines: readonly string[], skip: ReadonlySet<number>): string[] {
  const at = lines.findIndex((l) => R.recommendations.test(l.trim()));
  if (at < 0) return [];
  const points: string[] = [];
  let plain: string[] = [];
  let lastNumber = 0;
  for (let i = at + 1; i < lines.length; i++) {
    if (skip.has(i) || isBlank(lines[i])) continue;
    const line = (lines[i] ?? '').trim();
    const point = POINT.exec(line);
    if (point) {
      points.push(point[1] ?? '');
      lastNumber = Number(/^\(?(\d+)/u.exec(line)?.[1] ?? lastNumber + 1);
      continue;
    }
    if (isHeading(lines, i, skip) || /:\s*$/u.test(line)) {
      let next = i + 1;
      while (next < lines.length && (skip.has(next) || isBlank(lines[next]))) next++;
      // Points numbered on from the last continue the recommendations; a list starting at 1 again is another section's.
      const nextNumber = Number(/^\(?(\d+)/u.exec((lines[next] ?? '').trim())?.[1] ?? NaN);
      const continues = POINT.test((lines[next] ?? '').trim()) && (points.length === 0 ? /:\s*$/u.test(line) : nextNumber === lastNumber + 1);
      if (continues) continue;
      if (points.length > 0 || plain.length > 0) break;
      continue;
    }
    if (points.length > 0) points[points.length - 1] += ` ${line}`;
    else plain.push(line);
    if (points.length === 0 && (lines[i + 1] === undefined || isBlank(lines[i + 1])) && /\.$/u.test(line)) break;
  }
  if (points.length === 0 && plain.length > 0) plain = [plain.join(' ')];
  return points.length > 0 ? points : plain;
}

/** Numbered "1.0 Purpose" sections where the report has them, else its headings. */
function sections(file: string, lines: readonly string[], skip: ReadonlySet<number>, pageOf: PageOf, coverEnd: number): ReportSection[] {
  const out: ReportSection[] = [];
  lines.forEach((line, i) => {
    if (i <= coverEnd || skip.has(i) || !isHeading(lines, i, skip)) return;
    const m = /^(\d{1,2}(?:\.\d{1,2})?)\.?\s+(.*)$/u.exec(line.trim());
    out.push({ number: m?.[1] ?? '', title: (m?.[2] ?? line).trim().replace(/:$/u, ''), source: span(file, i, i, pageOf) });
  });
  return out;
}
