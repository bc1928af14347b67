/** A line range from `?lines=120-130`, 1-based and inclusive. */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** Reads `120-130` or `120`; anything else (or an absurd range) highlights nothing. */
export function parseLineRange(value: unknown): LineRange | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,7})(?:-(\d{1,7}))?$/u.exec(value);
  if (!match?.[1]) return undefined;
  const start = Number(match[1]);
  const end = match[2] ? Number(match[2]) : start;
  return start >= 1 && end >= start ? { start, end } : undefined;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

// "Page 12" footers in PDF-to-text conversions mark where a pack page ends.
const PAGE_FOOTER = /^\s*Page\s+(\d{1,4})\s*$/iu;

/**
 * A read-only HTML view of one paper: one anchor per line (#L123), the cited range highlighted,
 * and a page anchor (#page-12) at the first line of each page when the paper says where pages are.
 */
export function renderPaper(file: string, lines: readonly string[], range: LineRange | undefined, pages?: readonly (number | null)[] | null): string {
  const pageStarts = findPageStarts(lines, pages);
  const rows = lines.map((line, i) => {
    const n = i + 1;
    const page = pageStarts.get(n);
    const marked = range && n >= range.start && n <= range.end ? ' class="hl"' : '';
    const pageAnchor = page === undefined ? '' : `<span id="page-${page}" class="page">Page ${page}</span>`;
    return `${pageAnchor}<div id="L${n}"${marked}><a href="#L${n}">${n}</a><span>${escapeHtml(line) || '&#8203;'}</span></div>`;
  });
  const title = escapeHtml(file);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title} · Panel Papers</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#242424}
header{position:sticky;top:0;background:#f5f5f5;padding:.6em 1em;border-bottom:1px solid #ddd}
main{font-family:ui-monospace,Consolas,monospace;white-space:pre-wrap;padding:.5em 0}
main div{display:flex;padding:0 1em}main div a{flex:0 0 4em;color:#888;text-decoration:none;user-select:none}
main div span{flex:1;overflow-wrap:anywhere}.hl{background:#fff3b0}
.page{display:block;margin:1em 0 .2em;padding:0 1em;color:#5b5fc7;font-family:system-ui,sans-serif;font-weight:600}
</style></head>
<body><header><strong>${title}</strong>${range ? ` · lines ${range.start}-${range.end} highlighted` : ''} · read-only copy of a published paper</header>
<main>
${rows.join('\n')}
</main></body></html>
`;
}

/** A short plain page for a refused paper link (403): the reason, nothing about the paper. */
export function refusalPage(reason: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Link not valid · Panel Papers</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2em;color:#242424"><p>${escapeHtml(reason)}</p></body></html>
`;
}

function findPageStarts(lines: readonly string[], pages?: readonly (number | null)[] | null): Map<number, number> {
  const starts = new Map<number, number>();
  if (pages && pages.some((p) => p !== null)) {
    let previous: number | null = null;
    pages.forEach((page, i) => {
      if (page !== null && page !== previous) starts.set(i + 1, page);
      previous = page;
    });
    return starts;
  }
  // Text conversions: a "Page N" footer ends page N. Footers are sparse, so page N is known to
  // start after the previous footer only when that footer was N-1; else anchor at the footer.
  let previous: { page: number; line: number } | null = null;
  lines.forEach((line, i) => {
    const match = PAGE_FOOTER.exec(line);
    if (!match?.[1]) return;
    const page = Number(match[1]);
    const start = previous && previous.page === page - 1 ? previous.line + 1 : i + 1;
    if (![...starts.values()].includes(page)) starts.set(start, page);
    previous = { page, line: i + 1 };
  });
  return starts;
}
