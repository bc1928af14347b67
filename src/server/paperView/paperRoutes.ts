import { createReadStream } from 'node:fs';
import { lstat, realpath } from 'node:fs/promises';
import { extname, join, sep } from 'node:path';
import type restify from 'restify';
import type { Logger } from '../../bot/logger';
import type { PaperLinkCheck, PaperLinks } from '../../bot/paperLink';
import type { PaperIndexSource } from '../../watch';
import { relativeLink } from '../relativeLink';
import { parseLineRange } from './lineRange';
import { paperFacts } from './paperFacts';
import { refusalPage, renderPaperPage, type OriginalLink } from './renderPaperPage';
import { viewWindow } from './viewWindow';

export interface PaperRoutesOptions {
  readonly papers: PaperIndexSource;
  readonly paperLinks: PaperLinks;
  readonly logger: Logger;
  /** The papers folder, to send a paper's original file; absent: no original file is offered. */
  readonly papersDir?: string;
  /** The URL a paper was fetched from (ModernGov), when it was. */
  readonly publishedUrl?: (file: string) => string | null;
}

/** What a refused paper link says, in the reader's terms. */
const REFUSALS: Record<Exclude<PaperLinkCheck, 'ok' | 'view_off'>, string> = {
  unsigned: 'This paper opens only from a link the Panel Papers bot sent you.',
  bad_signature: 'This link is not one the Panel Papers bot sent, or it has been changed.',
  expired: 'This link has expired. Ask the Panel Papers bot again for a fresh link.',
};

const ORIGINAL_TYPES: Readonly<Record<string, string>> = {
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  // A council's HTML page is sent as text: served from our origin, its scripts would run as ours.
  '.html': 'text/plain; charset=utf-8',
  '.htm': 'text/plain; charset=utf-8',
};

/** GET /papers/:file (the paper view) and GET /papers/:file/original (the file as published). */
export function registerPaperRoutes(server: restify.Server, options: PaperRoutesOptions): void {
  const { papers, paperLinks, logger } = options;

  /** Only files in the index are served, by lookup, never by path: no traversal is possible. */
  const admit = (req: restify.Request, res: restify.Response): string | null => {
    const file = typeof req.params?.file === 'string' ? req.params.file : '';
    const check = paperLinks.check(file, req.query as Record<string, unknown> | undefined);
    if (check === 'view_off') {
      res.send(404, { error: 'no such paper' });
      return null;
    }
    if (check !== 'ok') {
      // Logged without the signature: the line says why, not what was tried.
      logger.warn('paper_link_refused', { file, reason: check });
      sendHtml(res, 403, refusalPage(REFUSALS[check]));
      return null;
    }
    return file;
  };

  server.get('/papers/:file', async (req: restify.Request, res: restify.Response) => {
    const file = admit(req, res);
    if (file === null) return;
    // One read per request: a swap mid-request must not pair one index's lines with another's records.
    const index = papers.current;
    const text = index.lines(file);
    if (!text) {
      res.send(404, { error: 'no such paper' });
      return;
    }
    const range = parseLineRange(req.query?.lines);
    const window = viewWindow(text.length, range, req.query?.part);
    const facts = paperFacts(index, file, range?.start ?? window.first);
    const original = originalOf(file, options);
    const citedPage = facts.pdfPages ? facts.pageOf(range?.start ?? window.first) : null;
    const fileLink = relativeLink(paperLinks.toOriginal(file));
    const pdfPage = citedPage !== null && fileLink && options.papersDir ? { page: citedPage, fileHref: fileLink } : null;
    const html = renderPaperPage({
      file,
      lines: text.slice(window.first - 1, window.last),
      window,
      range,
      facts,
      original,
      pdfPage,
      // Parts only for a link to the whole paper: a link signed for lines shows their neighbourhood only.
      partHref: range ? null : (part) => withPart(req, part),
    });
    sendHtml(res, 200, html, pdfPage !== null);
  });

  server.get('/papers/:file/original', async (req: restify.Request, res: restify.Response) => {
    // Only a link to the whole paper opens its file: a link signed for lines carries `lines`.
    if (req.query?.lines !== undefined) {
      sendHtml(res, 403, refusalPage(REFUSALS.bad_signature));
      return;
    }
    const file = admit(req, res);
    if (file === null) return;
    const type = ORIGINAL_TYPES[extname(file).toLowerCase()];
    const path = type && papers.current.lines(file) && options.papersDir ? await regularFileIn(options.papersDir, file) : null;
    if (!path || !type) {
      res.send(404, { error: 'no such paper' });
      return;
    }
    res.writeHead(200, {
      'content-type': type,
      'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(file)}`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; sandbox",
    });
    createReadStream(path)
      .on('error', (error) => {
        logger.warn('paper_original_failed', { file, error: error.message });
        res.destroy();
      })
      .pipe(res);
  });
}

/** The ModernGov page or document it was fetched from, else the file itself through its own signed link. */
function originalOf(file: string, options: PaperRoutesOptions): OriginalLink | null {
  const published = options.publishedUrl?.(file) ?? null;
  if (published) return { href: published, where: 'website' };
  const link = options.papersDir ? relativeLink(options.paperLinks.toOriginal(file)) : null;
  return link ? { href: link, where: 'file' } : null;
}

/**
 * The file's path when it is a regular file inside the folder (not a symlink, not resolving outside
 * it), else null: a papers folder may hold a link to the bot's own settings.
 */
async function regularFileIn(dir: string, file: string): Promise<string | null> {
  try {
    const path = join(dir, file);
    const [stat, real, realDir] = await Promise.all([lstat(path), realpath(path), realpath(dir)]);
    return stat.isFile() && real.startsWith(realDir + sep) ? real : null;
  } catch {
    return null;
  }
}


function withPart(req: restify.Request, part: number): string {
  const url = new URL(req.url ?? '/', 'http://local');
  url.searchParams.set('part', String(part));
  return `${url.pathname}${url.search}`;
}

export function sendHtml(res: restify.Response, status: number, html: string, scripts = false): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': scripts ? PAGE_WITH_SCRIPTS_CSP : "default-src 'none'; style-src 'self' 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    // Signed links are personal to a chat: keep them out of shared caches and referrers.
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

/** Our scripts only, from this server; pdf.js draws on canvases and makes its worker from our file. */
export const PAGE_WITH_SCRIPTS_CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data: blob:; connect-src 'self'; worker-src 'self' blob:; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.cloud.microsoft https://*.office.com";
