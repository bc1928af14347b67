import { startStubConnector, type StubConnector } from '../helpers/stubConnector';
import { fixedCases, mutatedCases, textCases, unreachableCases, type HostileCase } from './malformedActivities';
import { startHostileServer, type HostileServer, type RawResponse } from './hostileServer';

/** Statuses a hostile body may get: answered, rejected as bad, too big, wrong type or method. */
const HARMLESS = new Set([200, 202, 400, 404, 405, 413, 415]);
const SEED = 20261203;

interface Outcome {
  readonly hostile: HostileCase;
  readonly response: RawResponse;
  /** Error lines the server logged while handling this case alone. */
  readonly errors: readonly { event: string }[];
}

/** Replies from an expectReplies response, or none. */
function repliesOf(response: RawResponse): { type?: string; text?: unknown; attachments?: unknown[] }[] {
  const body = response.body as { activities?: unknown } | undefined;
  return Array.isArray(body?.activities) ? (body.activities as { type?: string; text?: unknown }[]) : [];
}

describe('hostile activities on POST /api/messages', () => {
  let server: HostileServer;
  let connector: StubConnector;
  const outcomes: Outcome[] = [];
  const unreachable: { hostile: HostileCase; response: RawResponse }[] = [];
  let cases: HostileCase[] = [];

  beforeAll(async () => {
    server = await startHostileServer();
    connector = await startStubConnector();
    cases = [...fixedCases(connector.url), ...textCases(connector.url), ...mutatedCases(220, SEED, connector.url)];
    // botbuilder retries an unreachable connector for about ten seconds: those run alongside.
    const slow = Promise.all(
      unreachableCases().map(async (hostile) => unreachable.push({ hostile, response: await server.send('POST', '/api/messages', hostile.body, hostile.contentType) })),
    );
    // One at a time: each case's log lines are its own, so a failure names the case that caused it.
    for (const hostile of cases) {
      const before = server.logs.length;
      const response = await server.send('POST', '/api/messages', hostile.body, hostile.contentType);
      const errors = server.logs
        .slice(before)
        .filter((l) => l.level === 'error' && !String(l.conversationId ?? '').startsWith('a:unreachable'))
        // A serviceUrl with a path the connector does not serve gets 404 on the send: the network, not a crash.
        .filter((l) => (l.error as { name?: string } | undefined)?.name !== 'RestError');
      outcomes.push({ hostile, response, errors });
    }
    await slow;
  }, 30_000);
  afterAll(async () => {
    await server.close();
    await connector.close();
  });

  it('sends at least 200 generated activities, reproducibly', () => {
    expect(mutatedCases(220, SEED, connector.url).map((c) => c.name)).toEqual(mutatedCases(220, SEED, connector.url).map((c) => c.name));
    expect(cases.filter((c) => c.name.startsWith('#')).length).toBeGreaterThanOrEqual(200);
    expect(cases.length).toBeGreaterThanOrEqual(290);
  });

  it('answers 200 when the serviceUrl points at nothing, after giving up on the send', () => {
    expect(unreachable.map((u) => u.response.status)).toEqual([200]);
  });

  it('never answers 5xx or an unexpected status', () => {
    const bad = outcomes.filter((o) => !HARMLESS.has(o.response.status)).map((o) => `${o.response.status} ${o.hostile.name}: ${o.response.text.slice(0, 120)}`);
    expect(bad).toEqual([]);
  });

  it('handles every case without an error inside the turn (no crash caught by the catch-all)', () => {
    const crashed = outcomes.filter((o) => o.errors.length > 0).map((o) => `${o.hostile.name}: ${JSON.stringify(o.errors[0]).slice(0, 300)}`);
    expect(crashed).toEqual([]);
  });

  it('rejects with a short reason and no internals', () => {
    const leaky = outcomes
      .filter((o) => o.response.status >= 400)
      .filter((o) => o.response.text.length > 300 || /node_modules|\bat [\w.]+ \(|TypeError|SyntaxError|stack/u.test(o.response.text))
      .map((o) => `${o.response.status} ${o.hostile.name}: ${o.response.text.slice(0, 200)}`);
    expect(leaky).toEqual([]);
  });

  it('gives every odd or 100 KB text a polite reply in the HTTP response', () => {
    const unanswered = outcomes
      .filter((o) => o.hostile.name.startsWith('text '))
      .filter((o) => o.response.status !== 200 || repliesOf(o.response).length === 0 || repliesOf(o.response).some((r) => typeof r.text !== 'string' || /something went wrong/u.test(r.text)))
      .map((o) => `${o.response.status} ${o.hostile.name}: ${o.response.text.slice(0, 160)}`);
    expect(unanswered).toEqual([]);
  });

  it('answers a message with odd fields with a reply, or 400 saying which field is wrong', () => {
    const unanswered = outcomes
      .filter((o) => o.hostile.wantsReply)
      .filter((o) =>
        o.response.status === 400
          ? !/^not a Bot Framework activity: \S+ is missing or invalid$/u.test(String((o.response.body as { error?: unknown } | undefined)?.error))
          : o.response.status !== 200 || repliesOf(o.response).length === 0,
      )
      .map((o) => `${o.response.status} ${o.hostile.name}: ${o.response.text.slice(0, 160)}`);
    expect(unanswered).toEqual([]);
  });

  it('keeps every reply within the Teams message size budget', () => {
    const huge = outcomes.flatMap((o) => repliesOf(o.response).filter((r) => JSON.stringify(r).length > 80_000).map(() => o.hostile.name));
    expect(huge).toEqual([]);
  });

  it('lets no body pollute Object.prototype', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('stays up and ready afterwards', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const answer = await server.send('POST', '/api/messages', {
      type: 'message',
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:1',
      deliveryMode: 'expectReplies',
      from: { id: '29:after' },
      recipient: { id: '28:panel-papers-bot' },
      conversation: { id: 'a:after' },
      text: 'help',
    });
    expect(answer.status).toBe(200);
    expect(repliesOf(answer)[0]?.text).toMatch(/published papers/u);
  });

  it('answers other methods on the messages route without 5xx', async () => {
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await server.send(method, '/api/messages');
      expect(response.status).toBeLessThan(500);
    }
  });
});
