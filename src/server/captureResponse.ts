/**
 * What CloudAdapter writes, held back so startServer can decide what the client sees:
 * botbuilder puts internal error text in 401/500 bodies, and that must not leave the process.
 */
export interface CapturedResponse {
  readonly socket: undefined;
  statusCode: number;
  body: unknown;
  status(code: number): void;
  header(name: string, value: unknown): void;
  send(body?: unknown): void;
  end(): void;
}

export function captureResponse(): CapturedResponse {
  const captured: CapturedResponse = {
    socket: undefined,
    statusCode: 200,
    body: undefined,
    status(code) {
      captured.statusCode = code;
    },
    header() {
      // Headers from botbuilder are not needed: we always answer JSON.
    },
    send(body) {
      captured.body = body;
    },
    end() {
      // Nothing to flush: startServer writes the real response.
    },
  };
  return captured;
}
