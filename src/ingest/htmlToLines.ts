/**
 * Converts an HTML page (a ModernGov minutes or agenda page) to the lines of text a reader sees,
 * shaped like our text papers: one line per block, a blank line between paragraphs, table cells
 * joined by tabs. Not a full HTML parser: enough for council pages, which are well-formed enough.
 *
 * @example htmlToLines('<p>Minutes &ndash; 4 October 2023</p><table><tr><td>1</td><td>Apologies</td></tr></table>')
 * // ['Minutes – 4 October 2023', '', '1\tApologies']
 */
export function htmlToLines(html: string): string[] {
  const writer = new LineWriter();
  const visible = html.replace(COMMENT, ' ').replace(HIDDEN_ELEMENT, ' ').replace(DECLARATION, ' ');
  let at = 0;
  for (const tag of visible.matchAll(TAG)) {
    writer.text(visible.slice(at, tag.index));
    writer.tag(tag[2]!.toLowerCase(), tag[1] === '/');
    at = tag.index + tag[0].length;
  }
  writer.text(visible.slice(at));
  return writer.lines();
}

/** `<!-- ... -->`, including the conditional comments ModernGov uses for old browsers. */
const COMMENT = /<!--[\s\S]*?-->/gu;
/** Elements whose content is never shown as text: `<script>...</script>`, `<style>`, the `<head>`. */
const HIDDEN_ELEMENT = /<(script|style|noscript|template|head|svg|iframe|object)\b[^>]*>[\s\S]*?<\/\1\s*>/giu;
/** `<!DOCTYPE html>`, `<![CDATA[...]]>`, `<?xml ...?>`. */
const DECLARATION = /<![^>]*>|<\?[^>]*>/gu;
/** An opening or closing tag; attribute values may contain `>`: `<a title="a > b">`. */
const TAG = /<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>/gu;
/** HTML collapses runs of spaces and newlines to one space (`<pre>` is rare on council pages and not kept). */
const HTML_WHITESPACE = /[ \t\n\r\f]+/gu;
const ENTITY = /&(#[xX][0-9a-fA-F]{1,6}|#\d{1,7}|[a-zA-Z][a-zA-Z0-9]{1,31});/gu;

/** Blocks that end a paragraph (a blank line after them) or just a line. */
const PARAGRAPH_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'ul', 'ol', 'dl', 'blockquote', 'pre', 'section', 'article']);
const LINE_TAGS = new Set(['div', 'li', 'tr', 'dt', 'dd', 'caption', 'hr', 'address', 'header', 'footer', 'nav', 'main', 'aside', 'form', 'fieldset', 'figure', 'figcaption', 'title', 'body', 'html']);
const CELL_TAGS = new Set(['td', 'th']);

/** The entities council pages use; anything else is left as written rather than guessed. */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', ensp: ' ', emsp: ' ', thinsp: ' ',
  ndash: '–', mdash: '—', hyphen: '-', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  hellip: '…', bull: '•', middot: '·', pound: '£', euro: '€', cent: '¢', copy: '©', reg: '®', trade: '™',
  deg: '°', sect: '§', para: '¶', frac12: '½', frac14: '¼', frac34: '¾', times: '×', divide: '÷', plusmn: '±',
  eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ccedil: 'ç',
  ouml: 'ö', uuml: 'ü', auml: 'ä', shy: '',
};

/** Breaks waiting for the next text, weakest first; a stronger one wins. */
const BREAKS = ['none', 'space', 'tab', 'line', 'paragraph'] as const;
type Break = (typeof BREAKS)[number];

/** Writes text with breaks decided lazily, so `<td><p>1</p></td>` gives "1", not a blank line and a tab. */
class LineWriter {
  #out = '';
  #lineHasText = false;
  #pending: Break = 'none';
  /** A cell opened and nothing written since: blocks at the start of a cell don't break its row. */
  #cellJustOpened = false;

  text(raw: string): void {
    // Non-breaking spaces become plain ones: text papers have no use for them, and search should see one space.
    const text = decodeEntities(raw.replace(HTML_WHITESPACE, ' ')).replace(/[ \u00a0]+/gu, ' ');
    if (text.trim() === '') {
      if (text !== '') this.#want('space');
      return;
    }
    if (/^\s/u.test(text)) this.#want('space');
    this.#flush();
    this.#out += text.trim();
    this.#lineHasText = true;
    this.#cellJustOpened = false;
    if (/\s$/u.test(text)) this.#want('space');
  }

  tag(name: string, closing: boolean): void {
    if (name === 'br') {
      this.#out += '\n';
      this.#lineHasText = false;
      this.#pending = 'none';
    } else if (CELL_TAGS.has(name)) {
      // Whatever a cell's own blocks asked for ends with the cell; the next cell is a tab away.
      if (closing) this.#pending = 'none';
      else {
        this.#want('tab');
        this.#cellJustOpened = true;
      }
    } else if (this.#cellJustOpened && name !== 'tr' && name !== 'table') {
      return;
    } else if (PARAGRAPH_TAGS.has(name)) this.#want('paragraph');
    else if (LINE_TAGS.has(name)) this.#want('line');
  }

  lines(): string[] {
    const lines = this.#out.split('\n').map((line) => line.trimEnd());
    const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
    while (kept[0] === '') kept.shift();
    while (kept.at(-1) === '') kept.pop();
    return kept;
  }

  #want(next: Break): void {
    if (BREAKS.indexOf(next) > BREAKS.indexOf(this.#pending)) this.#pending = next;
  }

  #flush(): void {
    const pending = this.#pending;
    this.#pending = 'none';
    if (pending === 'paragraph' && this.#out !== '') this.#out += this.#lineHasText ? '\n\n' : '\n';
    else if (!this.#lineHasText) return;
    else if (pending === 'line') this.#out += '\n';
    else if (pending === 'tab') this.#out += '\t';
    else if (pending === 'space') this.#out += ' ';
    if (pending === 'line' || pending === 'paragraph') this.#lineHasText = false;
  }
}

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
    }
    return NAMED_ENTITIES[body] ?? NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}
