import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  type ActivityHandler,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../bot/logger';
import type { PaperLinkCheck, PaperLinks } from '../bot/paperLink';
import { createOnTurnError } from '../bot/onTurnError';
import type { PaperIndex } from '../search';
import { toIndexSource, type PaperIndexSource } from '../watch';
import { checkActivityBody } from './activityBody';
import { captureResponse } from './captureResponse';
import { patchEntityMapper } from './patchEntityMapper';
import { ReusedClientsAuthentication } from './ReusedClientsAuthentication';
import { DEFAULT_REQUEST_TIMEOUTS, limitRequestTime, type RequestTimeouts } from './requestTimeouts';
import { parseLineRange, refusalPage, renderPaper } from './renderPaper';

/** Real activities are a few KB; restify's bodyParser has no limit of its own (5 MB parsed in full). */
export const MAX_BODY_BYTES = 256 * 1024;

export interface ServerAuth {
  readonly appId: string;
  readonly appPassword: string;
  readonly appType: string;
  readonly tenantId: string;
}

export interface ServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Bot Framework credentials; null is local mode, auth off. */
  readonly auth: ServerAuth | null;
  readonly bot: ActivityHandler;
  /** Built before the server starts: it never answers from a half-loaded corpus. A holder may swap it later. */
  readonly index: PaperIndex | PaperIndexSource;
  readonly logger: Logger;
  /** Who may open /papers/:file: the same PaperLinks the bot makes its links with. */
  readonly paperLinks: PaperLinks;
  readonly maxBodyBytes?: number;
  /** How long a client may take to send a request's headers and body (tests shorten them). */
  readonly requestTimeouts?: RequestTimeouts;
}

export interface RunningServer {
  /** e.g. http://127.0.0.1:3978 */
  readonly url: string;
  /** For proactive messages (announcements). */
  readonly adapter: CloudAdapter;
  close(): Promise<void>;
}

/** Registers every route, then listens. The index is already built when this is called. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const { auth, bot, logger } = options;
  const papers = toIndexSource(options.index);
  patchEntityMapper();
  const adapter = new CloudAdapter(new ReusedClientsAuthentication(toAuthOptions(auth)));
  adapter.onTurnError = createOnTurnError(logger);

  const server = restify.createServer({ name: 'panel-papers', handleUncaughtExceptions: false });
  limitRequestTime(server, options.requestTimeouts ?? DEFAULT_REQUEST_TIMEOUTS, logger);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: options.maxBodyBytes ?? MAX_BODY_BYTES, mapParams: false }));
  server.on('restifyError', (req: restify.Request, _res: restify.Response, err: Error & { statusCode?: number }, callback: () => void) => {
    logger.warn('http_error', { method: req.method, path: req.path(), status: err.statusCode ?? 500, error: err.message });
    callback();
  });

  server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
    const check = checkActivityBody(req.body);
    if (!check.ok) {
      res.send(400, { error: check.reason });
      return;
    }
    if (auth && !req.header('authorization')) {
      res.send(401, { error: 'unauthorized' });
      return;
    }
    const captured = captureResponse();
    let turnStarted = false;
    try {
      await adapter.process(req, captured, async (context) => {
        turnStarted = true;
        await bot.run(context);
      });
    } catch (error) {
      logger.error('adapter_failed', { error });
      captured.status(500);
    }
    // With auth on, a failure before the turn started is a token that could not be validated
    // (forged, expired, or its signing keys unreachable): the caller is not authenticated.
    const unauthenticated = captured.statusCode === 401 || captured.statusCode === 403 || (auth !== null && !turnStarted && captured.statusCode >= 500);
    if (unauthenticated) {
      logger.warn('auth_rejected', { status: captured.statusCode, reason: String(captured.body) });
      res.send(401, { error: 'unauthorized' });
    } else if (captured.statusCode >= 500) {
      logger.error('activity_failed', { status: captured.statusCode, reason: String(captured.body) });
      res.send(500, { error: 'internal error' });
    } else {
      res.send(captured.statusCode, captured.body ?? {});
    }
  });

  // Liveness: the process answers. Readiness (/healthz): it has papers to answer from; a load balancer
  // sends no users to an instance whose papers folder is empty (e.g. before the first fetch).
  server.get('/livez', async (_req: restify.Request, res: restify.Response) => {
    res.send(200, { status: 'ok' });
  });
  server.get('/healthz', async (_req: restify.Request, res: restify.Response) => {
    const { stats } = papers.current;
    if (stats.files === 0) res.send(503, { status: 'no_papers', ...stats });
    else res.send(200, { status: 'ok', ...stats });
  });

  server.get('/papers/:file', async (req: restify.Request, res: restify.Response) => {
    // Only files in the index are served, by lookup, never by path: no traversal is possible.
    const file = typeof req.params?.file === 'string' ? req.params.file : '';
    const check = options.paperLinks.check(file, req.query as Record<string, unknown> | undefined);
    if (check === 'view_off') {
      res.send(404, { error: 'no such paper' });
      return;
    }
    if (check !== 'ok') {
      // Logged without the signature: the line says why, not what was tried.
      logger.warn('paper_link_refused', { file, reason: check });
      sendPage(res, 403, refusalPage(REFUSALS[check]));
      return;
    }
    // One read per request: a swap mid-request must not pair one index's lines with another's pages.
    const index = papers.current;
    const lines = index.lines(file);
    if (!lines) {
      res.send(404, { error: 'no such paper' });
      return;
    }
    const pages = index.corpus.documents.find((d) => d.file === file)?.pages ?? null;
    sendPage(res, 200, renderPaper(file, lines.slice(), parseLineRange(req.query?.lines), pages));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info('server_started', { url, mode: auth ? 'authenticated' : 'local (auth off, loopback only)', ...papers.current.stats });
  return {
    url,
    adapter,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
      }),
  };
}

/** What a refused paper link says, in the reader's terms. */
const REFUSALS: Record<Exclude<PaperLinkCheck, 'ok' | 'view_off'>, string> = {
  unsigned: 'This paper opens only from a link the Panel Papers bot sent you.',
  bad_signature: 'This link is not one the Panel Papers bot sent, or it has been changed.',
  expired: 'This link has expired. Ask the Panel Papers bot again for a fresh link.',
};

function sendPage(res: restify.Response, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-content-type-options': 'nosniff',
    // Signed links are personal to a chat: keep them out of shared caches and referrers.
    'cache-control': 'private, no-store',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function toAuthOptions(auth: ServerAuth | null): ConfigurationBotFrameworkAuthenticationOptions {
  if (!auth) return {};
  return {
    MicrosoftAppId: auth.appId,
    MicrosoftAppPassword: auth.appPassword,
    MicrosoftAppType: auth.appType,
    MicrosoftAppTenantId: auth.tenantId,
  };
}
