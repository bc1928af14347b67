import type { AgendaItem, AgreedAction, Answer, IsoDate, MinuteItem, PersonRecord, Report, Resolution, WorkProgrammeRow } from '../model';
import type { PaperIndex } from '../search';
import { answerLookups } from './answerLookups';
import { CitationList, citeLines } from './cite';
import { inRef, shortDate } from './dateRefs';
import { words } from './glossary';
import { stem } from './match';
import { citeRecord, type Presenter, presenterOf, roleHolders } from './people';
import type { Reading } from './read';

/** An action agreed, with who it falls to where the minutes give only a role ("The Deputy Director"). */
export interface LinkedAction extends AgreedAction {
  readonly holder: PersonRecord | null;
}

/** A later paper that brings the item back: an agenda item or a work programme row with its title, after the meeting. */
export type ComingBack =
  | { readonly kind: 'agenda'; readonly date: IsoDate; readonly title: string; readonly record: AgendaItem }
  | { readonly kind: 'work_programme'; readonly date: IsoDate | null; readonly title: string; readonly record: WorkProgrammeRow };

/**
 * One item of business with every record of it linked: the agenda item, its minute, its report, who
 * presented it, what was resolved, what was agreed in discussion, and when it comes back.
 */
export interface LinkedItem {
  readonly meetingDate: IsoDate;
  readonly number: string;
  readonly title: string;
  readonly agendaItem: AgendaItem | null;
  readonly minuteItem: MinuteItem | null;
  readonly report: Report | null;
  readonly presenter: Presenter | undefined;
  readonly resolutions: readonly Resolution[];
  readonly actions: readonly LinkedAction[];
  readonly comesBack: readonly ComingBack[];
}

/** Words of a title that tell items apart ("School Exclusion and Suspensions" -> exclus, suspens, school). */
function titleStems(title: string): Set<string> {
  return new Set(words(title).filter((w) => w.length > 2 && !/^\d/u.test(w) && !TITLE_GLUE.has(w)).map(stem));
}
const TITLE_GLUE = new Set(['the', 'and', 'for', 'report', 'annual', 'update', 'draft', 'review', 'meeting', 'panel', 'item']);
/** Share of the shorter title's words the other must hold to be the same subject. */
const SAME_SUBJECT = 0.6;

/** Whether two titles name one subject: most of the shorter one's words in the other. */
export function sameSubject(a: string, b: string): boolean {
  const x = titleStems(a);
  const y = titleStems(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return false;
  const shared = [...small].filter((s) => large.has(s)).length;
  return shared >= Math.min(2, small.size) && shared / small.size >= SAME_SUBJECT;
}

/** Links an agenda or minute item to its other records (see LinkedItem). */
export function linkItem(index: PaperIndex, item: AgendaItem | MinuteItem): LinkedItem {
  const { corpus } = index;
  const same = (date: IsoDate, number: string, title: string): boolean => date === item.meetingDate && (number === item.number || sameSubject(title, item.title));
  const isMinute = 'resolutions' in item;
  const agendaItem = isMinute ? (corpus.agendaItems.find((a) => same(a.meetingDate, a.number, a.title) && sameSubject(a.title, item.title)) ?? corpus.agendaItems.find((a) => same(a.meetingDate, a.number, a.title)) ?? null) : item;
  const minuteRef = isMinute ? undefined : answerLookups(index).minuteItems.find((r) => same(r.item.meetingDate, r.item.number, r.item.title) && sameSubject(r.item.title, item.title));
  const minuteItem = isMinute ? item : (minuteRef?.item ?? null);
  const report = corpus.reports.find((r) => r.meetingDate !== null && Math.abs(Date.parse(r.meetingDate) - Date.parse(item.meetingDate)) <= REPORT_DAYS_BEFORE * DAY_MS && sameSubject(r.title, item.title)) ?? null;
  const actions = (minuteItem?.actions ?? []).map((a) => ({ ...a, holder: holderOf(index, a, minuteItem!) }));
  return {
    meetingDate: item.meetingDate,
    number: item.number,
    title: item.title,
    agendaItem,
    minuteItem,
    report,
    presenter: presenterOf(index, minuteItem ?? item) ?? (agendaItem ? presenterOf(index, agendaItem) : undefined),
    resolutions: minuteItem?.resolutions ?? [],
    actions,
    comesBack: comingBack(index, item.meetingDate, item.title),
  };
}

/** A report is dated by its cover, a few weeks before the meeting at most, or the meeting's own date. */
const REPORT_DAYS_BEFORE = 45;
const DAY_MS = 24 * 3600 * 1000;

/**
 * "The Deputy Director of Education to share ...": who held the role then; null for the panel or a named
 * person. Where the role fits several people ("the Deputy Director"), the one the item itself names wins,
 * then one at that meeting.
 */
function holderOf(index: PaperIndex, a: AgreedAction, item: MinuteItem): PersonRecord | null {
  const who = a.who?.replace(/^The\s+/u, '') ?? '';
  if (!who || /^(?:panel|committee|board|group)$/iu.test(who) || !/^The\s/u.test(a.who ?? '')) return null;
  const holders = roleHolders(index, words(who), a.meetingDate);
  const named = holders.find((h) => item.body.includes(h.record.name));
  const there = holders.find((h) => h.record.meetingDate === a.meetingDate);
  return (named ?? there ?? holders[0])?.record ?? null;
}

/** Later agenda items and work programme rows on the same subject, soonest first. */
function comingBack(index: PaperIndex, after: IsoDate, title: string): ComingBack[] {
  const agenda: ComingBack[] = index.corpus.agendaItems
    .filter((a) => a.meetingDate > after && sameSubject(a.title, title))
    .map((a) => ({ kind: 'agenda', date: a.meetingDate, title: a.title, record: a }));
  const rows: ComingBack[] = index.corpus.workProgramme
    .filter((r) => (r.meetingDate === null || r.meetingDate > after) && sameSubject(r.item, title))
    .map((r) => ({ kind: 'work_programme', date: r.meetingDate, title: r.item, record: r }));
  const seen = new Set<string>();
  return [...agenda, ...rows]
    .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
    .filter((c) => {
      const key = `${c.date}|${c.kind}`;
      return !seen.has(key) && seen.add(key);
    });
}

/** Words that ask about actions or a return, not the item's subject. */
const ASKING = /^(?:actions?|agreed|agree|what|were|was|when|coming|come|comes|back|return|returning|returns|due|next|follow|up|followups?|tasks?|promised|committed)$/u;

/** The minute item a question is about: the best title match, within the dates it names, newest first on a tie. */
export function minuteItemAsked(index: PaperIndex, u: Reading): MinuteItem | undefined {
  const typed = u.typed.filter((t) => !ASKING.test(t));
  const topic = u.topic.filter((t) => !ASKING.test(t));
  const look = answerLookups(index);
  const scored = [...look.itemTitles.match(topic, typed)]
    .map(([k, m]) => ({ item: look.minuteItems[k]!.item, m }))
    .filter(({ item, m }) => m.coverage >= 0.5 && (u.dates.length === 0 || u.dates.some((d) => inRef(item.meetingDate, d))))
    .sort((a, b) => b.m.coverage - a.m.coverage || b.m.hits - a.m.hits || b.item.meetingDate.localeCompare(a.item.meetingDate));
  return scored[0]?.item;
}

/** "What actions were agreed on exclusions": the tasks the minutes record, each cited, with who they fall to. */
export function answerAgreedActions(index: PaperIndex, u: Reading): Answer | null {
  const item = minuteItemAsked(index, u);
  if (!item) return null;
  const linked = linkItem(index, item);
  if (linked.actions.length === 0) return null;
  const cites = new CitationList();
  const title = `Minutes - ${shortDate(item.meetingDate)}, item ${item.number} ${item.title}`;
  const lines = linked.actions.map((a) => `- "${a.text}" ${cites.add(citeLines(index, a.source.file, a.source.lineStart, a.source.lineEnd, title, a.meetingDate, a.source.page))}${heldBy(index, a, cites)}`);
  return { kind: 'resolution', text: `On ${shortDate(item.meetingDate)} (item ${item.number}, ${item.title}) the minutes record these actions:\n${lines.join('\n')}`, citations: cites.items, followUps: [] };
}

/** "When is it coming back": the later meeting the papers put it on, else what the minutes agreed about its return. */
export function answerComingBack(index: PaperIndex, u: Reading): Answer | null {
  const item = minuteItemAsked(index, u);
  if (!item) return null;
  const linked = linkItem(index, item);
  const returns = linked.actions.filter((a) => a.returns);
  if (linked.comesBack.length === 0 && returns.length === 0) return null;
  const cites = new CitationList();
  const parts: string[] = [];
  for (const c of linked.comesBack.slice(0, 2)) {
    const s = c.record.source;
    const label = c.kind === 'agenda' ? `Agenda - ${shortDate(c.date)}, item ${c.record.number}` : `Work programme - ${c.title}`;
    const cite = cites.add(citeLines(index, s.file, s.lineStart, s.lineEnd, label, c.date, s.page));
    parts.push(c.kind === 'agenda' ? `"${c.title}" is on the agenda for ${shortDate(c.date)} ${cite}.` : `"${c.title}" is on the work programme${c.date ? ` for ${shortDate(c.date)}` : ' (no date set)'} ${cite}.`);
  }
  const title = `Minutes - ${shortDate(item.meetingDate)}, item ${item.number} ${item.title}`;
  for (const a of returns.slice(0, 3)) {
    parts.push(`On ${shortDate(a.meetingDate)}: "${a.text}" ${cites.add(citeLines(index, a.source.file, a.source.lineStart, a.source.lineEnd, title, a.meetingDate, a.source.page))}${heldBy(index, a, cites)}`);
  }
  return { kind: 'schedule', text: parts.join('\n\n'), citations: cites.items, followUps: [] };
}

function heldBy(index: PaperIndex, a: LinkedAction, cites: CitationList): string {
  return a.holder ? ` (${a.who?.replace(/^The\s+/u, 'the ')}: ${a.holder.name} ${cites.add(citeRecord(index, a.holder))})` : '';
}
