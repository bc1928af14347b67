import { startHostileServer, type HostileServer, type RawResponse } from './hostileServer';

const KB100 = 100 * 1024;

function activity(fields: Record<string, unknown>): Record<string, unknown> {
  return {
    type: 'invoke',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:1',
    replyToId: 'reply-1',
    from: { id: '29:invoker' },
    recipient: { id: '28:panel-papers-bot' },
    conversation: { id: 'a:invokes' },
    ...fields,
  };
}

/** Feedback values of every wrong shape: Teams sends `{ actionName, actionValue: { reaction, feedback } }`. */
const FEEDBACK_VALUES: readonly unknown[] = [
  undefined,
  null,
  'like',
  42,
  [],
  [{ actionValue: { reaction: 'like' } }],
  {},
  { actionName: 'feedback' },
  { actionName: 'other', actionValue: { reaction: 'like' } },
  { actionValue: null },
  { actionValue: 'like' },
  { actionValue: { reaction: 'love' } },
  { actionValue: { reaction: ['like'] } },
  { actionValue: { reaction: null } },
  { actionValue: { reaction: 'LIKE' } },
  { actionValue: { reaction: 'like', feedback: 5 } },
  { actionValue: { reaction: 'like', feedback: { feedbackText: 'x' } } },
  { actionValue: { reaction: 'dislike', feedback: '{"feedbackText":' } },
  { actionValue: { reaction: 'dislike', feedback: '{"feedbackText":{"nested":true}}' } },
  { actionValue: { reaction: 'dislike', feedback: '{"feedbackText":null}' } },
  { actionValue: { reaction: 'dislike', feedback: 'null' } },
  { actionValue: { reaction: 'dislike', feedback: '[1,2,3]' } },
  { actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'x'.repeat(KB100) }) } },
  { actionValue: { reaction: 'dislike', feedback: 'x'.repeat(KB100) } },
  { actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: '**bold** [a](javascript:alert(1)) \u202E\u0000' }) } },
  { actionValue: { reaction: 'like', feedback: '{"__proto__":{"polluted":"yes"},"feedbackText":"ok"}' } },
];

/** Message-extension query values of every wrong shape. */
const QUERY_VALUES: readonly unknown[] = [
  undefined,
  null,
  'exclusions',
  [],
  {},
  { parameters: null },
  { parameters: 'exclusions' },
  { parameters: [null] },
  { parameters: [1, 'two'] },
  { parameters: [{ name: 'searchQuery' }] },
  { parameters: [{ name: 'searchQuery', value: null }] },
  { parameters: [{ name: 'searchQuery', value: 5 }] },
  { parameters: [{ name: 'searchQuery', value: ['exclusions'] }] },
  { parameters: [{ name: 'searchQuery', value: { toString: 'exclusions' } }] },
  { parameters: [{ name: 'searchQuery', value: 'x'.repeat(KB100 / 2) }] },
  { parameters: [{ name: 'searchQuery', value: '' }] },
  { parameters: [{ name: 'searchQuery', value: '\u0000\u202E' }] },
  { parameters: [{ name: 'initialRun', value: 'true' }] },
  { commandId: 5, parameters: [{ name: 'searchQuery', value: 'exclusions' }], queryOptions: { skip: -1, count: 1e9 } },
];

/** Invokes the manifest never offers, with values botbuilder would parse (and trip on). */
const OTHER_INVOKES: readonly Record<string, unknown>[] = [
  { name: 'adaptiveCard/action', value: null },
  { name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 5 } } },
  { name: 'adaptiveCard/action', value: { action: 'x', trigger: 'manual' } },
  { name: 'application/search', value: { kind: 'search', queryText: 5 } },
  { name: 'application/search', value: 'x' },
  { name: 'task/fetch', value: { data: { type: 'task/fetch' } } },
  { name: 'task/submit', value: null },
  { name: 'composeExtension/submitAction', value: 'a string' },
  { name: 'composeExtension/submitAction', value: { botMessagePreviewAction: 'send' } },
  { name: 'composeExtension/selectItem', value: null },
  { name: 'composeExtension/queryLink', value: { url: 'javascript:alert(1)' } },
  { name: 'config/fetch', value: [] },
  { name: 'fileConsent/invoke', value: { action: 'accept' } },
  { name: 'signin/verifyState', value: { state: 5 } },
  { name: 'signin/tokenExchange', value: null },
  { name: 'healthCheck', value: {} },
  { name: 'nonsense', value: {} },
  { value: { data: 'Action.Submit without a name' } },
  { name: '', value: {} },
];

describe('bad invoke values and card submits', () => {
  let server: HostileServer;

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
  });

  async function post(body: Record<string, unknown>): Promise<{ response: RawResponse; errors: unknown[] }> {
    const before = server.logs.length;
    const response = await server.send('POST', '/api/messages', body);
    return { response, errors: server.logs.slice(before).filter((l) => l.level === 'error') };
  }

  it.each(FEEDBACK_VALUES.map((v, i) => [i, v] as const))('answers feedback value #%i with 200 {} or 400 {error}', async (_i, value) => {
    const { response, errors } = await post(activity({ name: 'message/submitAction', ...(value === undefined ? {} : { value }) }));
    expect(errors).toEqual([]);
    if (response.status === 200) expect(response.body).toEqual({});
    else expect(response).toMatchObject({ status: 400, body: { error: expect.any(String) } });
  });

  it('records a 100 KB feedback text clipped, not whole', async () => {
    const { response } = await post(activity({ name: 'message/submitAction', value: { actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: 'y'.repeat(KB100) }) } } }));
    expect(response.status).toBe(200);
    expect(server.feedback.records.at(-1)).toMatchObject({ reaction: 'dislike', text: 'y'.repeat(2_000) });
  });

  it.each(QUERY_VALUES.map((v, i) => [i, v] as const))('answers search query value #%i with a result or a message', async (_i, value) => {
    const { response, errors } = await post(activity({ name: 'composeExtension/query', ...(value === undefined ? {} : { value }) }));
    expect(errors).toEqual([]);
    expect(response.status).toBe(200);
    const result = (response.body as { composeExtension?: { type?: string; text?: string } }).composeExtension;
    expect(['result', 'message']).toContain(result?.type);
    if (result?.type === 'message') expect(result.text).toMatch(/^(Type a topic|Sorry|Nothing in the papers)/u);
  });

  it.each(OTHER_INVOKES.map((v, i) => [i, v] as const))('answers unsupported invoke #%i with 400 and a short reason', async (_i, fields) => {
    const { response, errors } = await post(activity(fields));
    expect(errors).toEqual([]);
    expect(response).toMatchObject({ status: 400, body: { error: 'this bot does not handle that request' } });
  });

  it.each([null, {}, { action: 'submit' }, 'a string', [1], { feedback: { reaction: 'like' } }])('gives a card submit (a message with value %j and no text) a polite reply', async (value) => {
    const { response, errors } = await post({ ...activity({ type: 'message', deliveryMode: 'expectReplies', value }), type: 'message' });
    expect(errors).toEqual([]);
    expect(response.status).toBe(200);
    const [reply] = (response.body as { activities: { text: string }[] }).activities;
    expect(reply?.text).toMatch(/^Please type a question/u);
  });
});
