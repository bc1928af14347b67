import type restify from 'restify';
import type { Logger } from '../../bot/logger';
import type { PaperLinks } from '../../bot/paperLink';
import type { PaperIndexSource } from '../../watch';
import { sendHtml } from '../paperView/paperRoutes';
import { partOf } from '../paperView/viewWindow';
import { relativeLink } from '../relativeLink';
import { calendar, committeesServed, decisions, paperKinds, searchPapers, type TabLinks } from './tabData';
import { tabConfigurePage, tabPage } from './tabPage';
import type { TeamsSsoVerifier } from './teamsSso';

export interface TabRoutesOptions {
  readonly papers: PaperIndexSource;
  readonly paperLinks: PaperLinks;
  readonly logger: Logger;
  /** Today's date, YYYY-MM-DD: what is next and what is past. */
  readonly today: () => string;
  /** Null in local mode (no app id): the data is open, as the paper view is. */
  readonly sso: TeamsSsoVerifier | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/u;
const MAX_WORDS_CHARS = 200;

/**
 * The tab for officers and the scrutiny team (GET /, the channel tab's /tab/configure) and its data
 * (/tab/api/...). The page names only the committees; everything from the papers comes from the data
 * endpoints, which with an app id set need a Teams SSO token or a signed tab link.
 */
export function registerTabRoutes(server: restify.Server, options: TabRoutesOptions): void {
  const { papers, paperLinks, logger } = options;

  server.get('/', async (_req: restify.Request, res: restify.Response) => {
    const index = papers.current;
    sendHtml(res, 200, tabPage(committeesServed(index), paperKinds(index)), true);
  });
  server.get('/tab/configure', async (_req: restify.Request, res: restify.Response) => {
    sendHtml(res, 200, tabConfigurePage(), true);
  });

  /** Registers a data endpoint behind the tab's check; `read` gets the query and a link maker. */
  const data = (route: string, read: (query: Record<string, unknown>, links: TabLinks) => unknown): void => {
    server.get(route, async (req: restify.Request, res: restify.Response) => {
      const query = (req.query ?? {}) as Record<string, unknown>;
      if (!(await allowed(req, query, options))) {
        logger.warn('tab_refused', { path: route });
        res.send(401, { error: 'unauthorized: open the tab in Teams, or from a link the Panel Papers bot sent' });
        return;
      }
      res.header('cache-control', 'private, no-store');
      res.send(200, read(query, tabLinks(paperLinks)));
    });
  };

  data('/tab/api/calendar', (_query, links) => ({ committees: calendar(papers.current, options.today(), links) }));
  data('/tab/api/decisions', (query, links) =>
    decisions(papers.current, { committee: text(query.committee), from: date(query.from), to: date(query.to), words: text(query.words), page: pageOf(query.page) }, links),
  );
  data('/tab/api/search', (query, links) =>
    searchPapers(
      papers.current,
      { words: text(query.words) ?? '', committee: text(query.committee), kind: text(query.kind), from: date(query.from), to: date(query.to), page: pageOf(query.page) },
      links,
    ),
  );
}

function tabLinks(paperLinks: PaperLinks): TabLinks {
  return {
    toLines: (file, lineStart, lineEnd) => relativeLink(paperLinks.to(file, lineStart, lineEnd)),
    toPaper: (file, line) => {
      const link = relativeLink(paperLinks.to(file));
      if (!link) return null;
      const url = new URL(link, 'http://local');
      url.searchParams.set('part', String(partOf(line)));
      return `${url.pathname}${url.search}#L${line}`;
    },
  };
}

/** Local mode: open. With an app id: a valid Teams SSO token, or a valid signed tab link's exp and sig. */
async function allowed(req: restify.Request, query: Record<string, unknown>, options: TabRoutesOptions): Promise<boolean> {
  if (!options.sso) return true;
  if (options.paperLinks.access === 'signed' && options.paperLinks.checkTab(query) === 'ok') return true;
  return options.sso.verify(req.header('authorization'));
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, MAX_WORDS_CHARS) : undefined;
}

function date(value: unknown): string | undefined {
  return typeof value === 'string' && DATE.test(value) ? value : undefined;
}

function pageOf(value: unknown): number | undefined {
  return typeof value === 'string' && /^\d{1,5}$/u.test(value) ? Number(value) : undefined;
}

