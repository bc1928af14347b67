import type { FileIdentity, IsoDate, Meeting, MinuteItem, Minutes, Resolution } from '../model';
import type { PaperIndex, Passage } from '../search';
import { inRef, type DateRef } from './dateRefs';
import { peopleDirectory } from './people';
import { vocabulary } from './spelling';
import { StemPostings } from './stemPostings';

/** A minute item with the minutes it belongs to, in the corpus's order (minutes, then their items). */
export interface MinuteItemRef {
  readonly item: MinuteItem;
  readonly minutes: Minutes;
  /** The item's first "Resolved:" decision, if it has one. */
  readonly labelled: Resolution | undefined;
}

/**
 * What the answer engine looks up on every question, worked out once per index: stem postings of each
 * record text it matches questions against, and maps in place of scans. An index is read-only once
 * built, so nothing here goes stale. Every list is in the corpus's own order, and each map keeps the
 * first record a linear `find` would have returned, so answers are the same as scanning.
 */
export interface AnswerLookups {
  readonly minuteItems: readonly MinuteItemRef[];
  /** Per resolution (by position in `corpus.resolutions`): the position in `minuteItems` of the item it was made under. */
  readonly resolutionItem: readonly (number | undefined)[];
  readonly panelMeetings: readonly Meeting[];
  /** The first and last dates of meetings with papers (of any committee), for "not found" answers. */
  readonly papersSpan: { readonly first: IsoDate; readonly last: IsoDate } | null;
  readonly pagesByFile: ReadonlyMap<string, readonly (number | null)[]>;
  /** Per file, its agenda packs' front sheets (first line, meeting date) in line order: the pack a line is in. */
  readonly packsByFile: ReadonlyMap<string, readonly { readonly line: number; readonly date: IsoDate }[]>;
  /** Passages by their paper's meeting date (passages of undated papers left out). */
  readonly passagesByDate: ReadonlyMap<IsoDate, readonly Passage[]>;
  /** Each file's identity (its committee, meetings and kind), where the parser read one. */
  readonly identities: ReadonlyMap<string, FileIdentity>;
  readonly resolutionTitles: StemPostings;
  readonly resolutionTexts: StemPostings;
  /** Item title and decision together: `${itemTitle} ${text}`. */
  readonly resolutionDecisions: StemPostings;
  readonly itemTitles: StemPostings;
  readonly itemBodies: StemPostings;
  /** Per minute item, its first labelled decision's wording ('' without one). */
  readonly itemDecisions: StemPostings;
  readonly agendaTitles: StemPostings;
  readonly rowItems: StemPostings;
  /** A work-programme row's item and description together. */
  readonly rowTexts: StemPostings;
  readonly reportTitles: StemPostings;
  /** A report's title and cabinet member together. */
  readonly reportTitlesWithCabinetMember: StemPostings;
  /** Per file, its reports' numbered section headings ("3.0 Cohort Information") in line order. */
  readonly sectionsByFile: ReadonlyMap<string, readonly { readonly line: number; readonly end: number; readonly title: string }[]>;
}

const built = new WeakMap<PaperIndex, AnswerLookups>();

/** The index's lookups, built on first use (about a second at 100 MB of text). */
export function answerLookups(index: PaperIndex): AnswerLookups {
  let lookups = built.get(index);
  if (!lookups) {
    lookups = buildLookups(index);
    built.set(index, lookups);
  }
  return lookups;
}

/**
 * Builds the answer engine's lookups now rather than on the first question, so no user waits for them:
 * call it once after loading the index.
 */
export function prepareAnswers(index: PaperIndex): void {
  answerLookups(index);
  vocabulary(index);
  peopleDirectory(index);
}

/**
 * prepareAnswers for an index changed while the bot serves: each part in its own turn of the event
 * loop, so a health check or a question waits for one part, not for all three.
 */
export async function prepareAnswersInTurns(index: PaperIndex): Promise<void> {
  for (const prepare of [answerLookups, vocabulary, peopleDirectory]) {
    prepare(index);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function buildLookups(index: PaperIndex): AnswerLookups {
  const { corpus } = index;
  const minuteItems = corpus.minutes.flatMap((minutes) => minutes.items.map((item) => ({ item, minutes, labelled: item.resolutions.find((x) => x.labelled) })));
  // A resolution's item is the one it was made under: a decision notice and the printed minutes of one
  // meeting number the same subject differently, so the number alone would find the other's item.
  const itemOf = new Map(minuteItems.flatMap((ref, k) => ref.item.resolutions.map((r) => [r, k] as const)));
  const resolutionItem = corpus.resolutions.map((r) => itemOf.get(r));
  // ParsedFile gains `identity` with the parser's identity step (src/model/identity.ts); until then no
  // file has one and only the papers' own dates date a passage.
  const identities = new Map<string, FileIdentity>();
  for (const f of corpus.files) {
    const identity = (f as { readonly identity?: FileIdentity }).identity;
    if (identity) identities.set(f.file, identity);
  }
  const passagesByDate = new Map<IsoDate, Passage[]>();
  for (const p of index.passages) {
    // A paper the parser dated no meeting for is of its file's meeting, when the file is of one meeting.
    const meetings = identities.get(p.source.file)?.meetingDates ?? [];
    const date = p.meetingDate ?? (meetings.length === 1 ? meetings[0]! : null);
    if (date === null) continue;
    const list = passagesByDate.get(date);
    if (list) list.push(p);
    else passagesByDate.set(date, [p]);
  }
  const dated = corpus.meetings.filter((m) => m.hasPapers).map((m) => m.date).sort();
  const pagesByFile = new Map<string, readonly (number | null)[]>();
  for (const f of corpus.files) if (!pagesByFile.has(f.file)) pagesByFile.set(f.file, f.pages);
  const packsByFile = new Map<string, { line: number; date: IsoDate }[]>();
  for (const m of corpus.meetings) {
    for (const r of m.records) {
      if (r.evidence !== 'front_sheet') continue;
      const list = packsByFile.get(r.source.file) ?? [];
      list.push({ line: r.source.lineStart, date: m.date });
      packsByFile.set(r.source.file, list);
    }
  }
  for (const list of packsByFile.values()) list.sort((a, b) => a.line - b.line);
  const sectionsByFile = new Map<string, { line: number; end: number; title: string }[]>();
  for (const report of corpus.reports) {
    const list = sectionsByFile.get(report.source.file) ?? [];
    report.sections.forEach((s, k) => list.push({ line: s.source.lineStart, end: report.sections[k + 1]?.source.lineStart ?? report.source.lineEnd + 1, title: s.title }));
    sectionsByFile.set(report.source.file, list);
  }
  for (const list of sectionsByFile.values()) list.sort((a, b) => a.line - b.line);
  return {
    identities,
    sectionsByFile,
    packsByFile,
    minuteItems,
    resolutionItem,
    panelMeetings: findPanelMeetings(index),
    papersSpan: dated.length > 0 ? { first: dated[0]!, last: dated[dated.length - 1]! } : null,
    pagesByFile,
    passagesByDate,
    resolutionTitles: new StemPostings(corpus.resolutions.map((r) => r.itemTitle)),
    resolutionTexts: new StemPostings(corpus.resolutions.map((r) => r.text)),
    resolutionDecisions: new StemPostings(corpus.resolutions.map((r) => `${r.itemTitle} ${r.text}`)),
    itemTitles: new StemPostings(minuteItems.map((x) => x.item.title)),
    itemBodies: new StemPostings(minuteItems.map((x) => x.item.body)),
    itemDecisions: new StemPostings(minuteItems.map((x) => x.labelled?.text ?? '')),
    agendaTitles: new StemPostings(corpus.agendaItems.map((i) => i.title)),
    rowItems: new StemPostings(corpus.workProgramme.map((r) => r.item)),
    rowTexts: new StemPostings(corpus.workProgramme.map((r) => `${r.item} ${r.description ?? ''}`)),
    reportTitles: new StemPostings(corpus.reports.map((r) => `${r.title} `)),
    reportTitlesWithCabinetMember: new StemPostings(corpus.reports.map((r) => `${r.title} ${r.cabinetMember}`)),
  };
}

/** The date of the meeting a passage was written for: its own, else that of the agenda pack it is in. */
export function passageDate(index: PaperIndex, p: Passage): IsoDate | null {
  if (p.meetingDate) return p.meetingDate;
  const packs = answerLookups(index).packsByFile.get(p.source.file) ?? [];
  let date: IsoDate | null = null;
  for (const pack of packs) if (pack.line <= p.source.lineStart) date = pack.date;
  return date;
}

/**
 * The heading of the report section a passage sits in ("Cohort Information"), or '' outside one: a
 * figure under "3.0 Cohort Information" is about the cohort though its own lines never say so.
 */
export function sectionTitle(index: PaperIndex, p: Passage): string {
  const sections = answerLookups(index).sectionsByFile.get(p.source.file) ?? [];
  for (const s of sections) if (s.line <= p.source.lineStart && p.source.lineStart < s.end) return s.title;
  return '';
}

/** The day asked, or the last day with papers when asked after it: the papers know no later day. */
export function papersNow(index: PaperIndex, asOf: IsoDate): IsoDate {
  const latest = answerLookups(index).papersSpan?.last ?? asOf;
  return latest < asOf ? latest : asOf;
}

/**
 * The passages of papers for meetings in any of `dates`, for `searchAmong`: the same hits as
 * `searchPassages` with a date filter, without testing every passage the query matches.
 */
export function passagesOn(index: PaperIndex, dates: readonly DateRef[]): Passage[] {
  const found: Passage[] = [];
  for (const [date, passages] of answerLookups(index).passagesByDate) {
    if (dates.some((d) => inRef(date, d))) for (const p of passages) found.push(p);
  }
  return found;
}

/** The panel's own meetings (not e.g. a review group's), in date order: the committee with the most records. */
function findPanelMeetings(index: PaperIndex): Meeting[] {
  const counts = new Map<string, number>();
  for (const m of index.corpus.meetings) counts.set(m.canonicalCommittee, (counts.get(m.canonicalCommittee) ?? 0) + m.records.length);
  const panel = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  return index.corpus.meetings.filter((m) => m.canonicalCommittee === panel);
}
