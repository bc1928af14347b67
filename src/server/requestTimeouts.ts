import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type restify from 'restify';
import type { Logger } from '../bot/logger';

export interface RequestTimeouts {
  /** From a connection opening (or its previous request ending) to its request's headers, complete. */
  readonly headersMs: number;
  /** From a request's headers to the last byte of its body. */
  readonly bodyMs: number;
}

/** Microsoft's connector sends an activity in well under a second; these only stop clients that dribble. */
export const DEFAULT_REQUEST_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, bodyMs: 30_000 };

/**
 * Closes connections that send their headers or body too slowly, so a client dribbling a byte at a
 * time cannot hold sockets and memory open indefinitely. Node's own headersTimeout and requestTimeout
 * are set too, but Node checks them only every 30 s; these timers are exact.
 */
export function limitRequestTime(server: restify.Server, timeouts: RequestTimeouts, logger: Logger): void {
  const http: Server = server.server;
  http.headersTimeout = timeouts.headersMs;
  http.requestTimeout = timeouts.headersMs + timeouts.bodyMs;
  const waiting = new WeakMap<Socket, NodeJS.Timeout>();
  const awaitHeaders = (socket: Socket): void => {
    const timer = setTimeout(() => {
      if (socket.destroyed) return;
      logger.warn('request_headers_timeout', { remoteAddress: socket.remoteAddress ?? null, ms: timeouts.headersMs });
      socket.destroy();
    }, timeouts.headersMs);
    timer.unref();
    waiting.set(socket, timer);
  };
  http.on('connection', awaitHeaders);
  http.on('request', (req, res) => {
    clearTimeout(waiting.get(req.socket));
    const timer = setTimeout(() => {
      if (req.complete) return;
      logger.warn('request_body_timeout', { method: req.method, path: req.url?.slice(0, 200) ?? null, ms: timeouts.bodyMs });
      req.socket.destroy();
    }, timeouts.bodyMs);
    timer.unref();
    // A kept-alive connection waits for its next request's headers, on the same terms as a new one.
    res.once('finish', () => {
      clearTimeout(timer);
      if (!req.socket.destroyed) awaitHeaders(req.socket);
    });
    res.once('close', () => clearTimeout(timer));
  });
}
