import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { htmlToLines } from './htmlToLines';

/** Indentation a level of nesting adds. */
const INDENT = '  ';

/**
 * Converts web-service data (a ModernGov GetMeeting, GetMeetings or GetCommittees answer) to lines a
 * person can read and a citation can quote: one element a line, "name: text", children indented
 * under "name:", attributes as "name[@attribute]: value". Text that is itself HTML (the service
 * escapes agenda text and minutes as markup) is rendered to its words on one line.
 *
 * @example xmlToLines('<meeting><meetingdate>10/02/2026</meetingdate></meeting>')
 * // ['meeting:', '  meetingdate: 10/02/2026']
 */
export function xmlToLines(xml: string): string[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true });
  const lines: string[] = [];
  for (const node of doc.children) if (node.type === 'tag') element(node, '', lines);
  return lines;
}

function element(el: Element, indent: string, lines: string[]): void {
  const children = el.children.filter((c): c is Element => c.type === 'tag');
  const attributes = Object.entries(el.attribs).map(([name, value]) => `${indent}${INDENT}${el.name}[@${name}]: ${value}`);
  if (children.length === 0 && attributes.length === 0) {
    const text = textOf(el.children);
    lines.push(text ? `${indent}${el.name}: ${text}` : `${indent}${el.name}:`);
    return;
  }
  lines.push(`${indent}${el.name}:`, ...attributes);
  for (const child of children) element(child, indent + INDENT, lines);
}

/** An element's text on one line; markup inside it (decoded from the service's escaping) read as HTML. */
function textOf(nodes: readonly ChildNode[]): string {
  const raw = nodes.map((n) => (n.type === 'text' || n.type === 'cdata' ? ('data' in n ? n.data : textOf(n.children)) : '')).join('');
  const text = /<[a-z!/][^>]*>/iu.test(raw) ? htmlToLines(raw).join(' ') : raw;
  return text.replace(/\s+/gu, ' ').trim();
}
