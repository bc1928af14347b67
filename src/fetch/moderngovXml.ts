import type { Element } from 'domhandler';
import { findAll, findOne, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';

/**
 * Readers for ModernGov's web service (`mgWebService.asmx/<Operation>` answered over plain GET),
 * in the shapes its public clients read:
 *   GetCommittees  → <committees><committee><committeeid/><committeetitle/><committeedeleted/><committeeexpired/>…
 *   GetMeetings    → <getmeetings><meetingscount/><meetings><meeting><meetingid/><meetingdate>dd/mm/yyyy</meetingdate>
 *                    <meetingtime/><meetingstatus/>…
 *   GetMeeting     → <meeting><meetingid/><meetingdate/>…<agendaitems><agendaitem><agendaitemtitle/>
 *                    <linkeddocuments><linkeddoc><attachmentid/><title/><url/><isrestricted/>…
 * Element names are matched without regard to case, and anything unexpected is skipped, not fatal.
 */

export interface ServiceCommittee {
  readonly id: string;
  readonly title: string;
  /** Deleted or expired committees are still listed; a name chosen by the user prefers a live one. */
  readonly live: boolean;
}

export interface ServiceMeeting {
  readonly id: string;
  readonly date: string;
  readonly time: string | null;
  /** The service's own words, e.g. "Confirmed", "Cancelled", "Confirmed; Budget Council". */
  readonly status: string | null;
}

export interface LinkedDocument {
  readonly title: string;
  readonly url: string;
  /** The agenda item it belongs to, when it has one. */
  readonly item: string | null;
}

export function readCommittees(xml: string): ServiceCommittee[] {
  return elements(xml, 'committee').flatMap((c) => {
    const id = field(c, 'committeeid');
    const title = field(c, 'committeetitle');
    if (!id || !title) return [];
    const live = !isTrue(field(c, 'committeedeleted')) && !isTrue(field(c, 'committeeexpired'));
    return [{ id, title, live }];
  });
}

export function readMeetings(xml: string): ServiceMeeting[] {
  return elements(xml, 'meeting').flatMap((m) => {
    const id = field(m, 'meetingid');
    const date = ukDateToIso(field(m, 'meetingdate'));
    if (!id || !date) return [];
    return [{ id, date, time: field(m, 'meetingtime'), status: field(m, 'meetingstatus') }];
  });
}

/** A meeting's linked documents, restricted (exempt) ones left out, each URL once. */
export function readLinkedDocuments(xml: string): LinkedDocument[] {
  const seen = new Set<string>();
  const out: LinkedDocument[] = [];
  for (const item of elements(xml, 'agendaitem')) {
    const itemTitle = field(item, 'agendaitemtitle');
    for (const doc of findAll((e) => e.name.toLowerCase() === 'linkeddoc', item.children)) {
      const url = field(doc, 'url');
      if (!url || isTrue(field(doc, 'isrestricted')) || seen.has(url)) continue;
      seen.add(url);
      out.push({ title: field(doc, 'title') ?? '', url, item: itemTitle });
    }
  }
  return out;
}

function elements(xml: string, name: string): Element[] {
  const doc = parseDocument(xml, { xmlMode: true });
  return findAll((e) => e.name.toLowerCase() === name, doc.children);
}

/** A direct child's text, trimmed; null when absent or empty. */
function field(parent: Element, name: string): string | null {
  const child = findOne((e) => e.name.toLowerCase() === name, parent.children, false);
  if (!child) return null;
  // The service HTML-escapes text before XML-escaping it ("Fees &amp;amp; Charges"): decode once more.
  const text = textContent(parseDocument(textContent(child))).replace(/\s+/gu, ' ').trim();
  return text === '' ? null : text;
}

function isTrue(value: string | null): boolean {
  return value?.toLowerCase() === 'true';
}

/** "04/03/2026" (ModernGov's dd/mm/yyyy, perhaps with a time after it) → "2026-03-04". */
export function ukDateToIso(text: string | null): string | null {
  const match = text?.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})/u);
  if (!match) return null;
  const [, day, month, year] = match;
  const iso = `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
  return Number.isNaN(Date.parse(iso)) ? null : iso;
}

/** 2026-03-04 → "04/03/2026", as the service's sFromDate and sToDate take it. */
export function isoToUkDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}/${month}/${year}`;
}
