import type { SourceDocument } from '../ingest';
import type { AgendaItem, FileIdentity, Meeting, MeetingEvidence, Minutes, Paper, ParseIssue, PersonRecord, Report, SourceSpan, WorkProgrammeRow } from '../model';
import { parseAgendaItems } from './agendaItems';
import { canonicalCommittee, findCommitteeName, isKnownCommittee } from './committees';
import { findDates } from './dates';
import { agreedActions } from './agreedActions';
import { type MeetingAt, officerElections } from './elections';
import { parseFrontSheet } from './frontSheet';
import { identifyFile, textStart } from './identity';
import { PAGE_FOOTER, type PageOf, span } from './lines';
import { parseMinutes } from './minutes';
import type { ParsedFile } from './parsedCorpus';
import { parseReport } from './reports';
import { segmentPapers } from './segmentPapers';
import { type PaperReader, READERS } from './readers';
import { meetingRecord } from './readers/common';
import { PRINTED_MINUTES } from './readers/printedMinutes';
import { VOCABULARY } from './vocabulary';
import { parseWorkProgramme } from './workProgramme';

/** "Minutes of the previous meeting (13 October 2021)" in an agenda: a meeting whose minutes are approved. */
const MINUTES_REFERENCE = /Minutes of the (?:previous )?meeting[^(]*\(([^)]+)\)/iu;

/** A meeting as one record knows it; parsePapers merges the records of one meeting. */
export interface MeetingDraft extends Omit<Meeting, 'canonicalCommittee'> {}

/** Parses one file. Never throws on a paper's content: what it can't read becomes a ParseIssue. */
export function parsePaperFile(doc: SourceDocument): ParsedFile {
  const found = withActions(doc, readFile(doc));
  // A document that could not be read (no lines) still gets an identity, from its name at least.
  const identity = identifyFile(doc, found);
  const elected = Array.isArray(doc.lines) ? elections(doc, found, identity) : [];
  const people = elected.length > 0 ? [...(found.people ?? []), ...elected] : found.people;
  return { ...found, ...(people ? { people } : {}), identity, textStart: Array.isArray(doc.lines) ? textStart(doc.lines) : 1 };
}

/**
 * Each minute item's agreed actions, whatever reader read the minutes: records, so the answer stage
 * never reads paper lines with a parser's patterns at question time.
 */
function withActions(doc: SourceDocument, found: Omit<ParsedFile, 'identity'>): Omit<ParsedFile, 'identity'> {
  if (!Array.isArray(doc.lines) || found.minutes.length === 0) return found;
  const minutes = found.minutes.map((m) => ({ ...m, items: m.items.map((item) => ({ ...item, actions: agreedActions(doc.lines, item) })) }));
  return { ...found, minutes };
}

/**
 * Officers elected at a meeting, read from any file's lines whatever reader read it (minutes come in
 * every layout); each dated by the minutes that hold its line, else by the file's own meeting.
 */
function elections(doc: SourceDocument, found: Omit<ParsedFile, 'identity'>, identity: FileIdentity): PersonRecord[] {
  const meetingAt: MeetingAt = (index) => {
    const line = index + 1;
    const m = found.minutes.find((x) => x.source.lineStart <= line && line <= x.source.lineEnd);
    return m ? { committee: m.committee ?? identity.committee, meetingDate: m.meetingDate } : { committee: identity.committee, meetingDate: identity.meetingDates[0] ?? null };
  };
  return officerElections(doc.file, doc.lines, found.pages, meetingAt);
}

/** What the layout reader that recognises the document finds in it. */
function readFile(doc: SourceDocument): Omit<ParsedFile, 'identity'> {
  let reader: PaperReader = AGENDA_PACK;
  try {
    // Recognising is reading too: a malformed document fails here as well, and is reported the same way.
    reader = READERS.find((r) => r.recognises(doc)) ?? AGENDA_PACK;
    return { ...reader.read(doc), layout: reader.layout };
  } catch (error) {
    const issue: ParseIssue = {
      code: 'parser_failure',
      message: `parse: ${doc.file} could not be parsed (${(error as Error).message}); skipped`,
      file: doc.file,
      line: null,
    };
    return { file: doc.file, layout: reader.layout, papers: [], committees: [], meetings: [], agendaItems: [], minutes: [], reports: [], workProgramme: [], pages: [], issues: [issue] };
  }
}

/** Agenda packs as the sample papers are: front sheets, agendas, minutes, reports and work programmes in one file. */
const AGENDA_PACK: PaperReader = { layout: 'agenda_pack', recognises: () => true, read: readAgendaPack };

function readAgendaPack(doc: SourceDocument): Omit<ParsedFile, 'layout' | 'identity'> {
  const { file, lines } = doc;
  const pages = pageMap(doc);
  const pageOf: PageOf = (i) => pages[i] ?? null;
  const issues: ParseIssue[] = [];
  const papers: Paper[] = [];
  const drafts: MeetingDraft[] = [];
  const agendaItems: AgendaItem[] = [];
  const minutes: Minutes[] = [];
  const reports: Report[] = [];
  const workProgramme: WorkProgrammeRow[] = [];
  const segments = segmentPapers(lines);
  const fileCommittee = mainCommittee(lines);
  // Minutes that lost their heading take the dates the agenda says its minutes are for, in order.
  const headedMinutes = new Set(segments.filter((s) => s.kind === 'minutes' && s.meetingDate).map((s) => s.meetingDate));
  const minutesReferences: string[] = [];

  for (const seg of segments) {
    let meetingDate = seg.meetingDate;
    let title = seg.title;
    switch (seg.kind) {
      case 'agenda': {
        const sheet = parseFrontSheet(lines, seg.start, seg.headingIndex > seg.start ? seg.headingIndex - 1 : seg.end);
        meetingDate = sheet.date;
        // Found only where a date was seen near the top, so sheet.date is set; the check keeps types honest.
        if (!sheet.date) break;
        const committee = sheet.committee && isKnownCommittee(sheet.committee) ? sheet.committee : (fileCommittee ?? sheet.committee);
        if (!committee) issues.push(issue(file, 'unknown_committee', 'front sheet names no committee', seg.start));
        title = `Agenda - ${formatDate(sheet.date)}`;
        drafts.push({
          committee: committee ?? 'Unknown committee',
          date: sheet.date,
          time: sheet.time,
          venue: sheet.venue,
          chair: sheet.chair,
          viceChair: sheet.viceChair,
          members: sheet.members,
          coopted: sheet.coopted,
          quorum: sheet.quorum,
          contact: sheet.contact,
          status: 'scheduled',
          hasPapers: true,
          records: [{ evidence: 'front_sheet', source: span(file, seg.start, Math.max(seg.start, sheet.membershipEnd), pageOf) }],
          conflicts: [],
        });
        const items = parseAgendaItems(file, lines, seg.headingIndex, seg.end, sheet.date, pageOf);
        agendaItems.push(...items);
        for (const item of items) {
          const ref = MINUTES_REFERENCE.exec(item.title);
          const date = ref?.[1] ? findDates(ref[1])[0]?.date : undefined;
          if (!date) continue;
          drafts.push(recordOnly(committee ?? fileCommittee, date, 'agenda_reference', item.source));
          if (!headedMinutes.has(date)) minutesReferences.push(date);
        }
        break;
      }
      case 'minutes': {
        if (!meetingDate) {
          meetingDate = minutesReferences.shift() ?? null;
          if (!meetingDate) {
            issues.push(issue(file, 'minutes_without_date', 'minutes have no readable date and the agenda names none', seg.headingIndex));
            break;
          }
          title = `Minutes - ${formatDate(meetingDate)}`;
          issues.push(issue(file, 'minutes_date_inferred', `minutes have no heading; dated ${meetingDate} from the agenda's minutes item`, seg.headingIndex));
        }
        if (VOCABULARY.minutesHeading.test(lines[seg.headingIndex]?.trim() ?? '')) {
          // Printed minutes bound into the pack: read as the printed minutes they are, lines and pages kept.
          const printed = PRINTED_MINUTES.read(onlyLines(doc, seg.start, seg.end));
          minutes.push(...printed.minutes);
          drafts.push(...printed.meetings.filter((m) => m.records[0]?.evidence === 'minutes'));
          break;
        }
        const m = parseMinutes(file, lines, seg.start, seg.end, seg.headingIndex, meetingDate, pageOf);
        minutes.push(m);
        const committee = m.committee && isKnownCommittee(m.committee) ? m.committee : (fileCommittee ?? m.committee);
        drafts.push({
          ...recordOnly(committee, meetingDate, 'minutes', span(file, seg.start, seg.headingIndex, pageOf)),
          chair: m.chair,
          viceChair: m.viceChair,
          status: 'held',
          hasPapers: true,
        });
        for (const item of m.items) {
          for (const r of item.resolutions) {
            if (r.labelled) continue;
            const approved = findDates(r.text)[0]?.date;
            const other = findCommitteeName(item.title);
            if (!approved) continue;
            // Minutes approved later are minutes of a meeting that took place.
            const draft: MeetingDraft = { ...recordOnly(other ?? committee, approved, 'minutes_approval', r.source), status: 'held' };
            // "Minutes of the meeting held on 6 February 2023 ... That the minutes of the meeting held on
            // 8 February 2023 be approved": the decision's date is the record, and the disagreement is said.
            const titled = findDates(item.title)[0]?.date;
            if (titled && titled !== approved) {
              const conflict = `Minute ${item.number} of ${formatDate(meetingDate)} is titled "${item.title}" but approves the minutes of the meeting held on ${formatDate(approved)}.`;
              issues.push(issue(file, 'conflicting_dates', conflict, r.source.lineStart - 1));
              drafts.push({ ...draft, conflicts: [conflict] });
            } else drafts.push(draft);
          }
        }
        break;
      }
      case 'report': {
        const parsed = parseReport(file, lines, seg.start, seg.end, pageOf);
        // A report often follows its own cover note; the note carries the meeting date, the report may not.
        const note = reports.find((r) => r.title === parsed.title && r.meetingDate);
        const report = { ...parsed, meetingDate: parsed.meetingDate ?? note?.meetingDate ?? null };
        reports.push(report);
        title = report.title;
        // A report's cover date is when it was written for, and drifts (a 5 July date on a 27 July paper):
        // it stays on the report and never makes a meeting of its own.
        break;
      }
      case 'work_programme': {
        const rows = parseWorkProgramme(file, lines, seg.start, seg.end, pageOf);
        workProgramme.push(...rows);
        for (const row of rows) {
          if (row.meetingDate) drafts.push(recordOnly(fileCommittee, row.meetingDate, 'work_programme', row.source));
        }
        break;
      }
      case 'appendix':
      case 'presentation':
      case 'plan':
      case 'other':
        break;
    }
    papers.push({ kind: seg.kind, title, meetingDate, source: span(file, seg.start, seg.end, pageOf) });
  }
  return {
    file,
    papers,
    committees: [],
    meetings: drafts.map((d) => ({ ...d, canonicalCommittee: canonicalCommittee(d.committee) })),
    agendaItems,
    minutes,
    reports,
    workProgramme,
    pages,
    issues,
  };
}

/** The document with only lines[from..to] left (the rest blank), so a reader of one paper reads that part at its own line numbers. */
function onlyLines(doc: SourceDocument, from: number, to: number): SourceDocument {
  return { ...doc, lines: doc.lines.map((l, i) => (i >= from && i <= to ? l : '')) };
}

function recordOnly(committee: string | null, date: string, evidence: MeetingEvidence, source: SourceSpan): MeetingDraft {
  return meetingRecord(committee, date, 'scheduled', evidence, source);
}

/** The committee a file is about: the known committee named most often in it. */
function mainCommittee(lines: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (!/Panel|Committee|Board/u.test(line)) continue;
    const name = findCommitteeName(line);
    if (name && isKnownCommittee(name)) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/**
 * Pages from "Page N" footers: the lines after footer N-1 up to footer N are page N. Footers that
 * drift (an appendix's own numbering) break the run, and those lines stay unknown: never guessed.
 */
function pageMap(doc: SourceDocument): (number | null)[] {
  if (doc.pages) return [...doc.pages];
  const pages: (number | null)[] = new Array<number | null>(doc.lines.length).fill(null);
  let previous: { index: number; page: number } | null = null;
  doc.lines.forEach((line, index) => {
    const m = PAGE_FOOTER.exec(line);
    if (!m) return;
    const page = Number(m[1]);
    if (previous && page === previous.page + 1) pages.fill(page, previous.index + 1, index + 1);
    else pages[index] = page;
    previous = { index, page };
  });
  return pages;
}

function issue(file: string, code: ParseIssue['code'], message: string, index: number): ParseIssue {
  return { code, message: `parse: ${file}:${index + 1}: ${message}`, file, line: index + 1 };
}

export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][(m ?? 1) - 1];
  return `${d} ${month} ${y}`;
}
