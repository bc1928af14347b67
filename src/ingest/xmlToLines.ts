import type { ChildNode, Document, Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { LineRange } from './htmlToLines';

/** An XML document (a ModernGov web-service answer) rendered to lines, with its tree and each element's lines. */
export interface RenderedXml {
  readonly document: Document;
  readonly lines: string[];
  /** The lines an element is rendered on, its name line through its last descendant's. */
  readonly rangeOf: (element: Element) => LineRange | undefined;
}

/**
 * Renders XML data as indented "name: value" lines, one element a line, its attributes as
 * "name[@attribute]: value" under it, so a citation quotes a field as a reader would say it:
 *
 * @example renderXml('<meeting><meetingdate>10/02/2026</meetingdate><attendee name="Cllr A"/></meeting>').lines
 * // ['meeting:', '  meetingdate: 10/02/2026', '  attendee:', '    attendee[@name]: Cllr A']
 *
 * A value that is escaped HTML (the web service sends minutes and agenda text that way) is shown as
 * its text, whitespace collapsed, so one field is one line.
 */
export function renderXml(xml: string): RenderedXml {
  const document = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const lines: string[] = [];
  const ranges = new Map<Element, LineRange>();
  const write = (nodes: readonly ChildNode[], depth: number): void => {
    for (const node of nodes) {
      if (node.type !== 'tag') continue;
      const el = node as Element;
      const indent = '  '.repeat(depth);
      const first = lines.length;
      const children = el.children.filter((c): c is Element => c.type === 'tag');
      const value = children.length === 0 ? xmlFieldValue(el) : '';
      lines.push(`${indent}${el.name}:${value ? ` ${value}` : ''}`);
      for (const [name, raw] of Object.entries(el.attribs)) {
        const text = fieldText(raw);
        lines.push(`${indent}  ${el.name}[@${name}]:${text ? ` ${text}` : ''}`);
      }
      write(children, depth + 1);
      ranges.set(el, { first, last: lines.length - 1 });
    }
  };
  write(document.children, 0);
  return { document, lines, rangeOf: (element) => ranges.get(element) };
}

/** An element's value as its line shows it (after "name: "): escaped HTML read as its words. */
export function xmlFieldValue(el: Element): string {
  return fieldText(textContent(el));
}

/** A field's text: escaped HTML read as its words, whitespace collapsed. */
function fieldText(raw: string): string {
  const text = /[<&]/u.test(raw) ? textContent(parseDocument(raw, { decodeEntities: true })) : raw;
  return text.replace(/\s+/gu, ' ').trim();
}
