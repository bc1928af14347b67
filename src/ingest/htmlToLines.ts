import { DomHandler, type ChildNode, type Document, type Element } from 'domhandler';
import { Parser } from 'htmlparser2';

/** An element's rendered lines: 0-based indexes into the page's lines, first and last inclusive. */
export interface LineRange {
  readonly first: number;
  readonly last: number;
}

/** A page rendered to lines, with its DOM and where each element's text landed. */
export interface RenderedHtml {
  readonly document: Document;
  readonly lines: string[];
  /** The lines an element's visible text is on; undefined for an element that shows no text. */
  readonly rangeOf: (element: Element) => LineRange | undefined;
}

/**
 * Converts an HTML page (a ModernGov meeting, committee or minutes page) to the lines of text a
 * reader sees, shaped like a plain-text rendering of the page: headings and paragraphs on lines of
 * their own with a blank line between blocks, list items as "- text", a table row as one line
 * with its cells joined by tabs, scripts, styles and the head left out, entities decoded.
 *
 * @example htmlToLines('<p>Minutes &ndash; 4 October 2023</p><table><tr><td>1</td><td>Apologies</td></tr></table>')
 * // ['Minutes – 4 October 2023', '', '1\tApologies']
 */
export function htmlToLines(html: string): string[] {
  return renderHtml(html).lines;
}

/**
 * Deeper than this, elements are nested by a broken or hostile page (council pages nest a few dozen
 * deep; 1.2 MB of unclosed inline tags nest 250,000 deep). htmlparser2 keeps its open elements with
 * Array.unshift, so each level costs as much as all those above it: 100,000 nested divs took 8 s
 * to parse, unclosed tags minutes. Such a page is refused, not parsed.
 */
export const MAX_HTML_DEPTH = 2_000;

/** A page nesting elements deeper than MAX_HTML_DEPTH. */
export class HtmlTooDeepError extends Error {
  constructor() {
    super(`its HTML nests elements more than ${MAX_HTML_DEPTH.toLocaleString('en-GB')} deep`);
    this.name = 'HtmlTooDeepError';
  }
}

/** htmlparser2's DOM builder, stopping the parse at the first element nested too deep. */
class DepthLimitedHandler extends DomHandler {
  override onopentag(name: string, attribs: Record<string, string>): void {
    if (this.tagStack.length > MAX_HTML_DEPTH) throw new HtmlTooDeepError();
    super.onopentag(name, attribs);
  }
}

/**
 * Parses a page with a real HTML parser and renders it as `htmlToLines` does, remembering each
 * element's first and last line so a reader that finds an element cites exactly its lines.
 * @throws HtmlTooDeepError for a page nested deeper than MAX_HTML_DEPTH
 */
export function renderHtml(html: string): RenderedHtml {
  const handler = new DepthLimitedHandler();
  new Parser(handler, { decodeEntities: true }).end(html);
  const document = handler.root;
  const writer = new LineWriter();
  writer.children(document.children);
  const lines = writer.finish();
  const ranges = writer.ranges;
  return { document, lines, rangeOf: (element) => ranges.get(element) };
}

/** Elements whose content is never shown as text. */
const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'iframe', 'object', 'title']);
/** Blocks with a blank line before and after them. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'section', 'article', 'li']);
/** Blocks that start and end a line. */
const LINE_TAGS = new Set(['div', 'tr', 'dt', 'dd', 'caption', 'hr', 'address', 'header', 'footer', 'nav', 'main', 'aside', 'form', 'fieldset', 'figure', 'figcaption', 'body', 'html']);
const CELL_TAGS = new Set(['td', 'th']);
/** HTML collapses runs of spaces and newlines to one space (`<pre>` is rare on council pages and not kept). */
const HTML_WHITESPACE = /[ \t\n\r\f\u00a0]+/gu;

/** Breaks waiting for the next text, weakest first; a stronger one wins. */
const BREAKS = ['none', 'space', 'tab', 'line', 'paragraph'] as const;
type Break = (typeof BREAKS)[number];

/** Writes text with breaks decided lazily, so `<td><p>1</p></td>` gives "1", not a blank line and a tab. */
class LineWriter {
  readonly ranges = new Map<Element, { first: number; last: number }>();
  #lines: string[] = [];
  #line = '';
  #pending: Break = 'none';
  /** A cell opened and nothing written since: blocks at the start of a cell don't break its row. */
  #cellJustOpened = false;
  /** "- " waiting for a list item's first text. */
  #bullet = false;
  /** The line of each piece of text written, in order: an element's range is the pieces written while it was open. */
  #marks: number[] = [];

  /**
   * Walks the tree with a stack of its own, not by recursion: a page of 100,000 nested elements
   * (or unclosed inline tags, which nest as deep) must not overflow the call stack. Each element
   * costs the same however deep it is.
   */
  children(nodes: readonly ChildNode[]): void {
    const stack: { readonly el: Element | null; readonly name: string; readonly nodes: readonly ChildNode[]; next: number; readonly mark: number }[] = [
      { el: null, name: '', nodes, next: 0, mark: 0 },
    ];
    while (stack.length > 0) {
      const frame = stack.at(-1)!;
      const node = frame.nodes[frame.next++];
      if (node === undefined) {
        stack.pop();
        if (frame.el) this.#close(frame.el, frame.name, frame.mark);
        continue;
      }
      if (node.type === 'text') this.#text(node.data);
      else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
        const el = node as Element;
        const name = el.name.toLowerCase();
        if (this.#open(name)) stack.push({ el, name, nodes: el.children, next: 0, mark: this.#marks.length });
      }
    }
  }

  finish(): string[] {
    this.#endLine();
    while (this.#lines.at(-1) === '') this.#lines.pop();
    return this.#lines;
  }

  /** An element's start; false when its content is not walked (hidden, or a `<br>`). */
  #open(name: string): boolean {
    if (HIDDEN_TAGS.has(name)) return false;
    if (name === 'br') {
      this.#endLine(true);
      this.#pending = 'none';
      return false;
    }
    this.#tag(name, false);
    return true;
  }

  /** An element's end: it showed text on the lines of the pieces written since it opened. */
  #close(el: Element, name: string, mark: number): void {
    if (this.#marks.length > mark) this.ranges.set(el, { first: this.#marks[mark]!, last: this.#marks.at(-1)! });
    this.#tag(name, true);
  }

  #tag(name: string, closing: boolean): void {
    if (CELL_TAGS.has(name)) {
      // Whatever a cell's own blocks asked for ends with the cell; the next cell is a tab away.
      if (closing) this.#pending = 'none';
      else {
        this.#want('tab');
        this.#cellJustOpened = true;
      }
      return;
    }
    if (name === 'li' && !closing) this.#bullet = true;
    if (this.#cellJustOpened && name !== 'tr' && name !== 'table') return;
    if (PARAGRAPH_TAGS.has(name)) this.#want('paragraph');
    else if (LINE_TAGS.has(name)) this.#want('line');
  }

  #text(raw: string): void {
    const text = raw.replace(HTML_WHITESPACE, ' ');
    if (text.trim() === '') {
      if (text !== '') this.#want('space');
      return;
    }
    if (text.startsWith(' ')) this.#want('space');
    this.#flush();
    if (this.#bullet) {
      this.#line += '- ';
      this.#bullet = false;
    }
    this.#line += text.trim();
    this.#cellJustOpened = false;
    this.#mark();
    if (text.endsWith(' ')) this.#want('space');
  }

  /** Text shown on the current line. */
  #mark(): void {
    this.#marks.push(this.#lines.length);
  }

  #want(next: Break): void {
    if (BREAKS.indexOf(next) > BREAKS.indexOf(this.#pending)) this.#pending = next;
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = 'none';
    if (pending === 'paragraph') {
      this.#endLine();
      if (this.#lines.length > 0 && this.#lines.at(-1) !== '') this.#lines.push('');
    } else if (pending === 'line') this.#endLine();
    else if (this.#line === '') return;
    else if (pending === 'tab') this.#line += '\t';
    else if (pending === 'space') this.#line += ' ';
  }

  /** Ends the current line; an empty one (a `<br>` on its own) is kept only as a single blank between lines. */
  #endLine(keepEmpty = false): void {
    const line = this.#line.trimEnd();
    this.#line = '';
    if (line !== '') this.#lines.push(line);
    else if (keepEmpty && this.#lines.length > 0 && this.#lines.at(-1) !== '') this.#lines.push('');
  }
}
