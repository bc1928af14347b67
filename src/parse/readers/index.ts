import type { SourceDocument } from '../../ingest';
import type { ParsedFile } from '../parsedCorpus';
import { committeeDetailsReader } from './committeeDetails';
import { committeeStructureReader } from './committeeStructure';
import { decisionDetailsReader } from './decisionDetails';
import { meetingPageReader } from './meetingPage';
import { meetingsListReader } from './meetingsList';
import { moderngovServiceReader } from './moderngovService';
import { AGENDA_SHEET } from './agendaSheet';
import { DECISION_NOTICE } from './decisionNotice';
import { FORWARD_PLAN } from './forwardPlan';
import { PRINTED_MINUTES } from './printedMinutes';
import { REPORT_COVER } from './reportCover';

/**
 * A reader for one layout councils publish (a ModernGov meeting page, printed minutes, a forward
 * plan, ...). It is chosen by what a document looks like, never by which council wrote it.
 */
export interface PaperReader {
  /** The layout's name, shown by `npm run papers` and kept on the parsed file. */
  readonly layout: string;
  /** Whether the document has this layout. Cheap: the first lines, the markup's landmarks. */
  readonly recognises: (doc: SourceDocument) => boolean;
  /** Reads the document. Pure; what it cannot read becomes a ParseIssue, never an exception it means. */
  readonly read: (doc: SourceDocument) => Omit<ParsedFile, 'layout' | 'identity'>;
}

/**
 * Readers in the order they are tried; the first that recognises a document reads it. The agenda
 * pack reader (front sheets, agendas, minutes and reports bound in one file) is the fallback and
 * is not listed here: it reads whatever no other reader claims.
 */
export const READERS: readonly PaperReader[] = [
  // ModernGov pages, known by their markup's main title.
  meetingPageReader,
  meetingsListReader,
  committeeDetailsReader,
  committeeStructureReader,
  decisionDetailsReader,
  // ModernGov web-service answers (XML), known by their root element.
  moderngovServiceReader,
  // Standalone PDFs and their text, known by their headings and labels.
  PRINTED_MINUTES,
  DECISION_NOTICE,
  FORWARD_PLAN,
  REPORT_COVER,
  AGENDA_SHEET,
];
