import type { Meeting, Paper } from '../../model';
import type { PaperIndex } from '../../search';

/** What a reader needs to know a paper by: its own title, committee and meeting, and its structure. */
export interface PaperFacts {
  /** The title of the paper holding the cited (or first shown) line, else the first paper's title. */
  readonly title: string | null;
  readonly committee: string | null;
  readonly meeting: Meeting | null;
  /** Printed page of each line (0-based index), where known: the PDF's page, or the pack page a footer gives. */
  readonly pageOf: (line: number) => number | null;
  /** Heading level of a line that starts a paper (2) or an agenda or minute item (3). */
  readonly headingAt: ReadonlyMap<number, 2 | 3>;
  /** Whether the file's pages are the PDF's own (so the page can be rendered as published). */
  readonly pdfPages: boolean;
}

/** Read from the parser's records of one file: no line of the paper is read here. */
export function paperFacts(index: PaperIndex, file: string, atLine: number): PaperFacts {
  const { corpus } = index;
  const papers = corpus.papers.filter((p) => p.source.file === file);
  const paper = papers.find((p) => p.source.lineStart <= atLine && atLine <= p.source.lineEnd) ?? papers[0] ?? null;
  const meeting = meetingOf(index, file, paper);
  const committee = meeting?.committee ?? corpus.reports.find((r) => r.source.file === file && r.committee)?.committee ?? corpus.minutes.find((m) => m.source.file === file && m.committee)?.committee ?? null;
  const docPages = corpus.documents.find((d) => d.file === file)?.pages ?? null;
  const pdfPages = docPages !== null && docPages.some((p) => p !== null);
  const packPages = corpus.files.find((f) => f.file === file)?.pages ?? null;
  const pageOf = (line: number): number | null => (pdfPages ? docPages?.[line - 1] : packPages?.[line - 1]) ?? null;
  return { title: paper?.title ?? null, committee, meeting, pageOf, headingAt: headings(index, file, papers), pdfPages };
}

function meetingOf(index: PaperIndex, file: string, paper: Paper | null): Meeting | null {
  const { meetings } = index.corpus;
  const recorded = meetings.filter((m) => m.records.some((r) => r.source.file === file));
  if (paper?.meetingDate) return recorded.find((m) => m.date === paper.meetingDate) ?? meetings.find((m) => m.date === paper.meetingDate) ?? null;
  return recorded.length === 1 ? recorded[0]! : null;
}

function headings(index: PaperIndex, file: string, papers: readonly Paper[]): Map<number, 2 | 3> {
  const at = new Map<number, 2 | 3>();
  const { corpus } = index;
  for (const item of corpus.agendaItems) if (item.source.file === file) at.set(item.source.lineStart, 3);
  for (const minutes of corpus.minutes) {
    if (minutes.source.file !== file) continue;
    for (const item of minutes.items) at.set(item.source.lineStart, 3);
  }
  for (const paper of papers) at.set(paper.source.lineStart, 2);
  return at;
}
