import type { Meeting } from '../../model';
import { escapeHtml, inlineHtml } from './inlineText';
import type { LineRange } from './lineRange';
import type { PaperFacts } from './paperFacts';
import { VIEW_LIMITS, type ViewWindow } from './viewWindow';

const MAX_HEADING_CHARS = 200;

/** Where the paper can be read as published. */
export interface OriginalLink {
  readonly href: string;
  /** "on the council's website" (ModernGov) or "the file as published" (served from the papers folder). */
  readonly where: 'website' | 'file';
}

export interface PaperPage {
  readonly file: string;
  /** The shown lines, `window.first` to `window.last`. */
  readonly lines: readonly string[];
  readonly window: ViewWindow;
  readonly range: LineRange | undefined;
  readonly facts: PaperFacts;
  readonly original: OriginalLink | null;
  /** The cited PDF page, rendered in the browser from the original file (pdf.js), when there is one. */
  readonly pdfPage: { readonly page: number; readonly fileHref: string } | null;
  /** Link to another part of a whole-paper view (same signature); null when parts are not offered. */
  readonly partHref: ((part: number) => string) | null;
}

/**
 * The paper view: the paper's own title, committee and meeting; its lines as text with headings where
 * the parser found papers and items, blank lines as paragraph breaks (not numbered rows), the cited
 * lines in <mark>; a link to the original; for a PDF, the cited page as published above the text.
 */
export function renderPaperPage(view: PaperPage): string {
  const { facts, range, window } = view;
  const title = facts.title ?? view.file;
  const meeting = facts.meeting;
  const cited = range ? `lines ${range.start}–${Math.min(range.end, window.last)}` : null;
  const body = renderLines(view);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} · Panel Papers</title>
<link rel="stylesheet" href="/static/paper.css">
</head>
<body>
<header class="paper-head">
<p class="crumbs">${escapeHtml([facts.committee, meeting ? meetingLabel(meeting) : null].filter(Boolean).join(' · ') || 'Published paper')}</p>
<h1>${escapeHtml(title)}</h1>
<p class="meta">${cited ? `<a href="#L${range!.start}">The cited ${cited}</a> are marked. ` : ''}${facts.pageOf(range?.start ?? window.first) !== null ? `Page ${facts.pageOf(range?.start ?? window.first)}. ` : ''}${originalHtml(view.original)}</p>
</header>
<main id="main">
${view.pdfPage ? pdfPageHtml(view, title) : ''}
<section aria-labelledby="text-h" class="text">
<h2 id="text-h" class="visually-hidden">Text of the paper, ${window.last >= window.first ? `lines ${window.first} to ${window.last}` : 'empty'}</h2>
${body}
</section>
${partsNav(view)}
</main>
<footer><p>Read-only copy of a published paper, shown by Panel Papers. File: ${escapeHtml(view.file)}.</p></footer>
${view.pdfPage ? '<script type="module" src="/static/paper-pdf.js"></script>' : ''}
</body></html>
`;
}

function meetingLabel(meeting: Meeting): string {
  const date = new Date(`${meeting.date}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return `meeting of ${date}${meeting.status === 'scheduled' ? '' : ` (${meeting.status})`}`;
}

function originalHtml(original: OriginalLink | null): string {
  if (!original) return '';
  const label = original.where === 'website' ? 'Open the original on the council’s website' : 'Open the original document';
  return `<a class="original" href="${escapeHtml(original.href)}" rel="noopener noreferrer">${label}</a>`;
}

function pdfPageHtml(view: PaperPage, title: string): string {
  const { page, fileHref } = view.pdfPage!;
  const citedText = view.range ? view.lines.slice(view.range.start - view.window.first, view.range.end - view.window.first + 1).join('\n') : '';
  return `<section aria-labelledby="pdf-h" class="pdf">
<h2 id="pdf-h">Page ${page} as published</h2>
<div class="pdf-page" id="pdf-page" data-file="${escapeHtml(fileHref)}" data-page="${page}" data-cited="${escapeHtml(citedText.slice(0, 20_000))}">
<canvas role="img" aria-label="Page ${page} of ${escapeHtml(title)}, as published"></canvas><div class="textLayer"></div>
</div>
<p class="pdf-status" role="status" aria-live="polite">Loading page ${page}…</p>
</section>`;
}

/** One row per line with text; a blank line becomes space above the next row, never a numbered empty row. */
function renderLines(view: PaperPage): string {
  const { window, range, facts } = view;
  const rows: string[] = [];
  let gap = false;
  let heading: 2 | 3 | undefined;
  for (let n = window.first; n <= window.last; n++) {
    const raw = view.lines[n - window.first] ?? '';
    heading = facts.headingAt.get(n) ?? heading;
    if (raw.trim() === '') {
      gap = rows.length > 0;
      continue;
    }
    const cut = raw.length > VIEW_LIMITS.lineChars;
    const text = inlineHtml(cut ? raw.slice(0, VIEW_LIMITS.lineChars) : raw) + (cut ? ` <span class="cut">[line cut: ${raw.length.toLocaleString('en-GB')} characters]</span>` : '');
    const isCited = range !== undefined && n >= range.start && n <= range.end;
    const content = isCited ? `<mark>${text}</mark>` : text;
    const number = `<a class="n" href="#L${n}" aria-label="Line ${n}">${n}</a>`;
    const classes = [gap ? 'gap' : '', isCited ? 'cited' : ''].filter(Boolean).join(' ');
    const attrs = `id="L${n}"${classes ? ` class="${classes}"` : ''}`;
    // A paper that opens with a paragraph gets no heading: a heading is a short line.
    if (heading && raw.length > MAX_HEADING_CHARS) heading = undefined;
    rows.push(heading ? `<h${heading} ${attrs}>${number}<span>${content}</span></h${heading}>` : `<p ${attrs}>${number}<span>${content}</span></p>`);
    heading = undefined;
    gap = false;
  }
  return rows.length > 0 ? rows.join('\n') : '<p>This part of the paper has no text.</p>';
}

function partsNav(view: PaperPage): string {
  const { window, partHref } = view;
  if (window.part === null || window.parts <= 1 || !partHref) return '';
  const links: string[] = [];
  if (window.part > 0) links.push(`<a href="${escapeHtml(partHref(window.part - 1))}" rel="prev">Earlier lines</a>`);
  links.push(`<span>Part ${window.part + 1} of ${window.parts}</span>`);
  if (window.part < window.parts - 1) links.push(`<a href="${escapeHtml(partHref(window.part + 1))}" rel="next">Later lines</a>`);
  return `<nav aria-label="Parts of the paper" class="parts">${links.join(' ')}</nav>`;
}

/** A short plain page for a refused paper link (403): the reason, nothing about the paper. */
export function refusalPage(reason: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Link not valid · Panel Papers</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2em;color:#242424"><main><p>${escapeHtml(reason)}</p></main></body></html>
`;
}
