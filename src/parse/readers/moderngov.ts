import type { AnyNode, Element } from 'domhandler';
import { findAll, findOne } from 'domutils';
import vocabulary from '../../../data/moderngov.json';
import { type LineRange, type RenderedHtml, renderHtml, type SourceDocument } from '../../ingest';
import type { Contact, MinuteItem, Minutes, ParseIssue, SourceSpan } from '../../model';
import type { ParsedFile } from '../parsedCorpus';
import { fileFindings } from './common';

/** ModernGov's vocabulary (data/moderngov.json): page headings, labels, roles, vote phrases. */
export const MODERNGOV = vocabulary;

export type PageKind = Exclude<keyof typeof vocabulary.pageHeadings, '$comment'>;

/** A page's DOM and lines, rendered once per document however many readers ask. */
const RENDERED = new WeakMap<SourceDocument, RenderedHtml>();

export function rendered(doc: SourceDocument): RenderedHtml | null {
  if (doc.markup === undefined) return null;
  let page = RENDERED.get(doc);
  if (!page) {
    page = renderHtml(doc.markup);
    RENDERED.set(doc, page);
  }
  return page;
}

/** How labels compare: case, spacing and a trailing colon ignored. */
export function labelKey(text: string): string {
  return text.replace(/[\s\u00a0]+/gu, ' ').replace(/(?<![\s:])[\s:]+$/u, '').trim().toLowerCase();
}

export function isLabel(text: string, labels: readonly string[]): boolean {
  const key = labelKey(text);
  return labels.some((l) => labelKey(l) === key);
}

export function hasClass(el: Element, name: string): boolean {
  return (el.attribs['class'] ?? '').split(/\s+/u).includes(name);
}

export function byClass(root: AnyNode | AnyNode[], name: string): Element[] {
  return findAll((el) => hasClass(el, name), Array.isArray(root) ? root : [root]);
}

export function firstByClass(root: AnyNode | AnyNode[], name: string): Element | null {
  return findOne((el) => hasClass(el, name), Array.isArray(root) ? root : [root]);
}

/** Visible text of an element, spaces collapsed, leaving out elements `skip` says (a file size, a "View directions" link). */
export function textOf(node: AnyNode, skip: (el: Element) => boolean = () => false): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') parts.push(n.data);
    else if (n.type === 'tag' && !skip(n as Element)) {
      const el = n as Element;
      if (el.name === 'br') parts.push(' ');
      for (const c of el.children) walk(c);
    }
  };
  walk(node);
  return parts.join('').replace(/[\s\u00a0]+/gu, ' ').trim();
}

/** The page's main title, which names the kind of page: "Agenda, decisions and minutes", "Committee details". */
export function pageHeading(page: RenderedHtml): string | null {
  const h1 = firstByClass(page.document, 'mgMainTitleTxt');
  return h1 ? textOf(h1) : null;
}

/** Whether a document is a ModernGov page of this kind, by its main title. */
export function isPage(doc: SourceDocument, kind: PageKind): boolean {
  const page = rendered(doc);
  const heading = page ? pageHeading(page) : null;
  return heading !== null && isLabel(heading, vocabulary.pageHeadings[kind]);
}

/** The subtitle under the main title: a committee's name, or "<committee> - <date> <time>". */
export function subTitle(page: RenderedHtml): Element | null {
  return firstByClass(page.document, 'mgSubTitleTxt');
}

/** A SourceSpan for 0-based line indexes (HTML has no pages). */
export function lineSpan(file: string, range: LineRange): SourceSpan {
  return { file, lineStart: range.first + 1, lineEnd: range.last + 1, page: null };
}

/** The lines several elements were rendered on, first to last, or undefined when none shows text. */
export function rangeOfAll(page: RenderedHtml, elements: readonly Element[]): LineRange | undefined {
  const ranges = elements.map((e) => page.rangeOf(e)).filter((r): r is LineRange => r !== undefined);
  if (ranges.length === 0) return undefined;
  return { first: Math.min(...ranges.map((r) => r.first)), last: Math.max(...ranges.map((r) => r.last)) };
}

/** The non-blank lines of a range, verbatim: what a citation of that range quotes. */
export function linesIn(doc: SourceDocument, range: LineRange): string[] {
  return doc.lines.slice(range.first, range.last + 1).filter((l) => l.trim() !== '');
}

/** A paragraph that starts with a label span ("Venue: ", "Contact: "), for the first label that has one. */
export function labelled(page: RenderedHtml, labels: readonly string[]): { paragraph: Element; label: Element } | null {
  for (const label of byClass(page.document, 'mgLabel')) {
    if (isLabel(textOf(label), labels) && label.parent?.type === 'tag') return { paragraph: label.parent as Element, label };
  }
  return null;
}

/** The value after a label: the paragraph's text without its label and without links like "View directions". */
export function labelledValue(page: RenderedHtml, labels: readonly string[]): { text: string; paragraph: Element } | null {
  const found = labelled(page, labels);
  if (!found) return null;
  const ignored = vocabulary.meetingPage.linkTextsIgnored;
  const text = textOf(found.paragraph, (el) => el === found.label || (el.name === 'a' && isLabel(textOf(el), ignored)));
  return { text, paragraph: found.paragraph };
}

const EMAIL = /(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+/u;
const PHONE = /\+?\d[\d ]{7,}\d/u;

/** "Sam Porter Tel: 01632 960123 / Email: sam.porter@example.gov.uk" as a name, phone and email. */
export function parseContact(text: string): Contact | null {
  const email = EMAIL.exec(text)?.[0] ?? null;
  const phone = PHONE.exec(text)?.[0]?.trim() ?? null;
  const cut = [/\b(?:Tel|Telephone|Phone|Email|E-mail)\b/iu.exec(text)?.index, phone ? text.indexOf(phone) : undefined, email ? text.indexOf(email) : undefined]
    .filter((i): i is number => i !== undefined && i >= 0);
  const name = text.slice(0, cut.length > 0 ? Math.min(...cut) : text.length).replace(/(?<![\s.,:;/-])[\s.,:;/-]+$/u, '').trim();
  if (!name && !email && !phone) return null;
  return { name, phone, email };
}

/** The sections of a page's content: each h2.mgSectionTitle with the elements up to the next one. */
export function sections(page: RenderedHtml): { title: string; heading: Element; body: Element[] }[] {
  const out: { title: string; heading: Element; body: Element[] }[] = [];
  for (const heading of byClass(page.document, 'mgSectionTitle')) {
    if (heading.name === 'caption') continue;
    const body: Element[] = [];
    for (let n = heading.next; n; n = n.next) {
      if (n.type !== 'tag') continue;
      const el = n as Element;
      if (hasClass(el, 'mgSectionTitle') || /^h[1-3]$/u.test(el.name)) break;
      body.push(el);
    }
    out.push({ title: textOf(heading), heading, body });
  }
  return out;
}

/** An empty result for a page that could be recognised but not read, with the issue that says why. */
export function unreadable(doc: SourceDocument, code: ParseIssue['code'], message: string): Omit<ParsedFile, 'layout' | 'identity'> {
  return fileFindings(doc, { issues: [{ code, message: `parse: ${doc.file}: ${message}`, file: doc.file, line: null }] });
}

/** A committee member's name as a list writes it, without "Councillor" and bracketed roles. */
export function memberName(text: string): string {
  return text
    .replace(/\([^)]*\)/gu, ' ')
    .replace(/^\s*(?:Councillor|Cllr\.?|Co-opted Member|Mr|Mrs|Ms|Miss)\s+/iu, '')
    .replace(/[\s\u00a0]+/gu, ' ')
    .trim();
}



/** Minutes as a page records them: items, and apologies, declarations and who attended where it says. */
export function pageMinutes(
  meetingDate: string,
  committee: string | null,
  items: readonly MinuteItem[],
  source: SourceSpan,
  known: Partial<Pick<Minutes, 'apologies' | 'declarations' | 'chair' | 'viceChair' | 'members'>> = {},
): Minutes {
  return { meetingDate, committee, chair: null, viceChair: null, members: [], coopted: [], inAttendance: [], employees: [], apologies: null, declarations: null, ...known, items, source };
}
