import type { AnyNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { findAll, getAttributeValue } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { DateTime } from 'luxon';

/**
 * Readers for ModernGov's public pages, by the site's own URL scheme (which every ModernGov
 * install shares), never by a council's wording:
 *   mgListCommittees.aspx                 links mgCommitteeDetails.aspx?ID=<committee>
 *   ieListMeetings.aspx?CommitteeId=      links ieListDocuments.aspx?CId=<committee>&MId=<meeting>, text "15 Jan 2026 7:30 pm",
 *                                         then " - CANCELLED" or " - Agenda, Decisions, Minutes"; "Earlier meetings" is Act=earlier
 *   ieListDocuments.aspx?CId=&MId=        the meeting page: documents/<id>/<name>.pdf links (frontsheet, printed
 *                                         decisions and minutes, reports) and mgChooseDocPack.aspx?ID= (agenda packs)
 *   mgChooseDocPack.aspx?ID=              the pack itself, or a page linking documents/g<id>/… .pdf
 */

export interface PageCommittee {
  readonly id: string;
  readonly title: string;
}

export interface PageMeeting {
  readonly id: string;
  readonly committeeId: string;
  readonly date: string;
  readonly time: string | null;
  /** What the list says after the date, e.g. "CANCELLED" or "Agenda, Decisions, Minutes". */
  readonly note: string | null;
}

export interface PageLink {
  readonly title: string;
  readonly url: string;
  /** A document pack chooser, to be opened for the pack's PDF. */
  readonly pack: boolean;
}

export function readCommitteeList(html: string, pageUrl: string): PageCommittee[] {
  const seen = new Set<string>();
  return links(html, pageUrl).flatMap(({ element, url }) => {
    const id = pageIs(url, 'mgcommitteedetails.aspx') ? param(url, 'ID') : null;
    const title = visibleText(element);
    if (!id || !title || seen.has(id)) return [];
    seen.add(id);
    return [{ id, title }];
  });
}

export function readMeetingsList(html: string, pageUrl: string): { meetings: PageMeeting[]; earlier: string | null } {
  const meetings: PageMeeting[] = [];
  let earlier: string | null = null;
  for (const { element, url } of links(html, pageUrl)) {
    if (pageIs(url, 'ielistmeetings.aspx') && param(url, 'Act')?.toLowerCase() === 'earlier') earlier ??= url.href;
    if (!pageIs(url, 'ielistdocuments.aspx')) continue;
    const id = param(url, 'MId');
    const committeeId = param(url, 'CId');
    const when = readWhen(visibleText(element));
    if (!id || !committeeId || !when) continue;
    meetings.push({ id, committeeId, ...when, note: noteAfter(element) });
  }
  return { meetings, earlier };
}

/** The meeting page's documents and packs, in page order, each URL once. */
export function readMeetingPage(html: string, pageUrl: string): PageLink[] {
  const seen = new Set<string>();
  const out: PageLink[] = [];
  for (const { element, url } of links(html, pageUrl)) {
    const pack = pageIs(url, 'mgchoosedocpack.aspx');
    if (!pack && !isDocument(url)) continue;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    out.push({ title: visibleText(element) || fileTitle(url), url: url.href, pack });
  }
  return out;
}

/** The documents a pack chooser page links to. */
export function readPackChooser(html: string, pageUrl: string): PageLink[] {
  return readMeetingPage(html, pageUrl).filter((link) => !link.pack);
}

/** A committee's name as its meetings list or details page heads it, for ids given without a name. */
export function readPageHeading(html: string): string | null {
  const doc = parseDocument(html);
  const heading = findAll((e) => e.name === 'h2' && (getAttributeValue(e, 'class') ?? '').split(/\s+/u).includes('mgSubTitleTxt'), doc.children)[0];
  const text = heading ? visibleText(heading) : '';
  return text === '' ? null : text;
}

/** A published document: ModernGov serves every one under /documents/<id>/<file name>. */
export function isDocument(url: URL): boolean {
  return /\/documents\/[a-z]?\d+\//iu.test(url.pathname);
}

/** The id ModernGov gives a document in its path ("s112218", "g10230"), to tell two alike names apart. */
export function documentId(url: string): string | null {
  return new URL(url).pathname.match(/\/documents\/([a-z]?\d+)\//iu)?.[1] ?? null;
}

function links(html: string, pageUrl: string): { element: Element; url: URL }[] {
  const doc = parseDocument(html);
  return findAll((e) => e.name === 'a', doc.children).flatMap((element) => {
    const href = getAttributeValue(element, 'href');
    if (!href || href.startsWith('#') || /^(mailto|javascript):/iu.test(href)) return [];
    try {
      return [{ element, url: new URL(href, pageUrl) }];
    } catch {
      return [];
    }
  });
}

function pageIs(url: URL, page: string): boolean {
  return url.pathname.toLowerCase().endsWith(`/${page}`);
}

/** A query parameter, whatever the case of its name (ModernGov writes CId and CID). */
function param(url: URL, name: string): string | null {
  for (const [key, value] of url.searchParams) if (key.toLowerCase() === name.toLowerCase() && value.trim() !== '') return value.trim();
  return null;
}

/** A link's words as shown, without ModernGov's file-size badge and screen-reader-only extras. */
function visibleText(node: AnyNode): string {
  const words: string[] = [];
  const walk = (n: AnyNode): void => {
    if (isText(n)) words.push(n.data);
    if (!isTag(n)) return;
    const classes = (getAttributeValue(n, 'class') ?? '').split(/\s+/u);
    if (classes.includes('mgFileSize') || classes.includes('mgHide')) return;
    n.children.forEach(walk);
  };
  walk(node);
  return words.join('').replace(/\s+/gu, ' ').trim();
}

/** The text straight after a meeting link in its list row: " - CANCELLED". */
function noteAfter(link: Element): string | null {
  const parts: string[] = [];
  for (let n = link.next; n; n = n.next) parts.push(isText(n) ? n.data : visibleText(n));
  const note = parts.join('').replace(/\s+/gu, ' ').replace(/^\s*-\s*/u, '').trim();
  return note === '' ? null : note;
}

/** "15 Jan 2026 7:30 pm" → 2026-01-15 and 19:30. */
function readWhen(text: string): { date: string; time: string | null } | null {
  const match = text.match(/^(\d{1,2} [A-Za-z]{3,9} \d{4})(?:\s+(\d{1,2}:\d{2}\s*[ap]m))?/u);
  if (!match) return null;
  const day = DateTime.fromFormat(match[1]!, 'd MMM yyyy', { locale: 'en-GB' });
  const date = day.isValid ? day : DateTime.fromFormat(match[1]!, 'd MMMM yyyy', { locale: 'en-GB' });
  if (!date.isValid) return null;
  const clock = match[2] ? DateTime.fromFormat(match[2].replace(/\s+/gu, ' ').toUpperCase(), 'h:mm a', { locale: 'en-GB' }) : null;
  return { date: date.toISODate()!, time: clock?.isValid ? clock.toFormat('HH:mm') : null };
}

function fileTitle(url: URL): string {
  const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
  return name.replace(/\.[a-z0-9]+$/iu, '');
}
