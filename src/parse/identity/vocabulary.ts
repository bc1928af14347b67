import data from '../../../data/identity.json';
import type { DocumentKind } from '../../model';

/** The wording files are identified by (data/identity.json), compiled once. Case-insensitive unless said. */
const re = (pattern: string, flags = 'iu'): RegExp => new RegExp(pattern, flags);

export interface KindPattern {
  readonly kind: DocumentKind;
  readonly pattern: RegExp;
}

const kinds = (entries: readonly { kind: string; pattern: string }[]): KindPattern[] =>
  entries.map((e) => ({ kind: e.kind as DocumentKind, pattern: re(e.pattern) }));

export const IDENTITY_VOCABULARY = {
  bodyWords: new Set(data.bodyWords),
  leadIns: kinds(data.leadIns),
  cutAfterName: data.cutAfterName.map((p) => re(p)),
  leadingWords: data.leadingWords.map((p) => re(p)),
  notName: re(data.notNames.map((p) => `(?:${p})`).join('|')),
  committeeLabel: re(`^\\s*(?:${data.labels.committee.join('|')})\\s*[:\\-–]\\s*(.+)$`),
  dateLabel: re(`^\\s*(?:${data.labels.date.join('|')})\\s*[:\\-–]\\s*(.+)$`),
  notMeetingDate: re(data.notMeetingDates),
  kinds: kinds(data.kinds),
  layoutKinds: data.layoutKinds as Readonly<Record<string, DocumentKind>>,
  paperKinds: data.paperKinds as Readonly<Record<string, DocumentKind>>,
  markupTitles: kinds(data.markupTitles),
  fileNames: kinds(data.fileNames),
  fileNameKindWords: data.fileNameKindWords.map((e) => ({ kind: e.kind as DocumentKind, words: e.words })),
  councilName: re(data.councilName),
  bareName: re(data.bareNames),
  meetingOnly: re(data.meetingOnly),
  acronyms: new Set(data.acronyms),
} as const;
