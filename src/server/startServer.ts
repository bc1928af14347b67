import type { AddressInfo } from 'node:net';
import {
  CloudAdapter,
  type ActivityHandler,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import restify from 'restify';
import type { Logger } from '../bot/logger';
import type { PaperLinks } from '../bot/paperLink';
import { createOnTurnError } from '../bot/onTurnError';
import type { PaperIndex } from '../search';
import { toIndexSource, type PaperIndexSource } from '../watch';
import { checkActivityBody } from './activityBody';
import { captureResponse } from './captureResponse';
import { patchEntityMapper } from './patchEntityMapper';
import { ReusedClientsAuthentication } from './ReusedClientsAuthentication';
import { registerPaperRoutes } from './paperView/paperRoutes';
import { registerStaticFiles } from './staticFiles';
import { registerTabRoutes } from './tab/tabRoutes';
import { TeamsSsoVerifier } from './tab/teamsSso';
import { DEFAULT_REQUEST_TIMEOUTS, limitRequestTime, type RequestTimeouts } from './requestTimeouts';

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
  /** The papers folder: the paper view offers each paper's original file from it (regular files only). */
  readonly papersDir?: string;
  /** Today's date, YYYY-MM-DD (Europe/London, or AS_OF_DATE): the tab's next and past meetings. */
  readonly today?: () => string;
  /** Where Entra's token signing keys are (tests: a loopback server); default Entra's own. */
  readonly ssoKeysUrl?: string;
  /** The URL a paper was fetched from (its ModernGov page or document), offered as its original. */
  readonly publishedUrl?: (file: string) => string | null;
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

  registerStaticFiles(server);
  registerPaperRoutes(server, { papers, paperLinks: options.paperLinks, logger, papersDir: options.papersDir, publishedUrl: options.publishedUrl });
  registerTabRoutes(server, { papers, paperLinks: options.paperLinks, logger, today: options.today ?? (() => new Date().toISOString().slice(0, 10)), sso: ssoVerifier(options) });

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

/** With an app id, the tab's data needs a Teams SSO token for this app (or a signed tab link). */
function ssoVerifier(options: ServerOptions): TeamsSsoVerifier | null {
  if (!options.auth) return null;
  const publicHost = URL.canParse(options.paperLinks.baseUrl) ? new URL(options.paperLinks.baseUrl).host : '';
  return new TeamsSsoVerifier({ appId: options.auth.appId, tenantId: options.auth.tenantId, publicHost, ...(options.ssoKeysUrl ? { keysUrl: options.ssoKeysUrl } : {}) });
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
