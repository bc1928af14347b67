/**
 * A seeded, deterministic generator of malformed activities: what a buggy client, a fuzzer or an
 * attacker could POST to /api/messages. Same seed, same cases, so a failure can be replayed.
 */

export interface HostileCase {
  readonly name: string;
  /** An object is sent as JSON; a string or bytes are sent as they are. */
  readonly body: object | string | Buffer;
  readonly contentType: string;
  /** True when the body is a message the bot should answer in the HTTP response (expectReplies). */
  readonly wantsReply: boolean;
}

/** mulberry32: small, fast and good enough to pick mutations reproducibly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const KB100 = 100 * 1024;

/** Texts a message could carry that are odd but still text. */
export const ODD_TEXTS: readonly string[] = [
  '\u202Ewhen is the next meeting?', // right-to-left override
  '\u2066\u2067\u2068next\u2069 meeting',
  'next\u200B meeting\u200D?\u200C\u2060', // zero-width characters
  '\uFEFFhelp',
  'lone \uD800 high surrogate',
  'lone \uDC00 low surrogate',
  '\uDFFF\uD800',
  'next\u0000meeting',
  '\u0000'.repeat(1_000),
  '\u0007\u001B[31mred\u001B[0m',
  '📅 when is the next meeting? 👩‍👩‍👧‍👦🏳️‍🌈',
  'e\u0301'.repeat(1_000),
  'Z̸̢̧̛̛̛̖̗̘̙̜̝̞̟̠̣̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡algo',
  '\r\n\r\n\t\t  \u00A0\u2028\u2029',
  '&nbsp;&nbsp;&nbsp;',
  '<at>',
  '<at></at><at>Panel Papers</at>',
  '<at>'.repeat(5_000),
  '('.repeat(5_000),
  '\\'.repeat(5_000),
  'a'.repeat(499),
  'a '.repeat(250),
  'what did the panel resolve on '.repeat(20),
  '%s%s%s%n %x',
  '{{DATE(2017-02-14T06:08:39Z, SHORT)}}',
  'Robert\'); DROP TABLE papers;--',
  '__proto__',
  'constructor prototype toString valueOf hasOwnProperty',
  '1e999 NaN Infinity -0',
  'follow ',
  'follow \u0000',
  'announce \u202E',
  'unfollow 📅',
  'subscribe\u0000',
  '?',
];

/** 100 KB texts: far over any sensible question, and over the ~80 KB Teams reply budget if echoed. */
export const HUGE_TEXTS: readonly string[] = [
  'a'.repeat(KB100),
  'next meeting '.repeat(KB100 / 13),
  '😀'.repeat(KB100 / 4),
  '\n'.repeat(KB100),
  'announce ' + 'x'.repeat(KB100),
  'follow ' + 'y'.repeat(KB100),
  'unfollow ' + 'z '.repeat(KB100 / 2),
  '<at>Panel Papers</at> ' + 'q'.repeat(KB100),
];

const WRONG_VALUES: readonly unknown[] = [null, 0, -1, 1e308, true, false, [], [1, 'two', null], {}, { a: 1 }, '', ' ', 'x'.repeat(5_000)];

const TYPES: readonly string[] = [
  'message',
  'invoke',
  'conversationUpdate',
  'installationUpdate',
  'messageReaction',
  'messageUpdate',
  'messageDelete',
  'event',
  'typing',
  'endOfConversation',
  'deleteUserData',
  'trace',
  'handoff',
  'command',
  'MESSAGE',
  'Message ',
  'nonsense',
  '__proto__',
  'constructor',
  'x'.repeat(64),
];

const CONVERSATION_IDS: readonly string[] = [
  '../../../../etc/passwd',
  '..\\..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '%252e%252e%252f',
  '/etc/passwd',
  'C:\\Windows\\System32',
  'a:chat\u0000.json',
  'a:chat/../../outside',
  '..',
  '.',
  '~',
  '19:x@thread.tacv2;messageid=1/../../',
  'a'.repeat(1_024),
  '\u202Ea:chat',
  'con',
  'NUL',
  '__proto__',
];

/** Where replies go when the body does not ask for them in the response; `stub` is a local stub connector. */
function serviceUrls(stub: string): readonly string[] {
  const { port } = new URL(stub);
  return [stub, `${stub}/../../v3`, `${stub}/x?y=z#w`, `http://user:pass@127.0.0.1:${port}`, `http://localhost:${port}`, `${stub}/%2e%2e/%2e%2e/`];
}

const BAD_SERVICE_URLS: readonly string[] = ['file:///etc/passwd', 'javascript:alert(1)', 'ftp://127.0.0.1/', 'not a url', '', '//127.0.0.1:1', 'data:text/plain,hi'];

const ENTITIES: readonly unknown[] = [
  'not an array',
  [null],
  [1, 'two'],
  [{}],
  [{ type: 'mention' }],
  [{ type: 'mention', mentioned: null, text: '<at>Panel Papers</at>' }],
  [{ type: 'mention', mentioned: { id: '28:panel-papers-bot' } }],
  [{ type: 'mention', mentioned: { id: '28:panel-papers-bot' }, text: 5 }],
  [{ type: 'mention', mentioned: { id: '28:panel-papers-bot' }, text: '([' }],
  [{ type: 'mention', mentioned: { id: '28:panel-papers-bot' }, text: '' }],
  [{ type: 'mention', mentioned: 'bot', text: 'x' }],
  [{ type: 5 }],
  [{ type: 'clientInfo', locale: {}, country: [], timezone: 5 }],
];

const VALUES: readonly unknown[] = [
  null,
  'a string',
  42,
  [],
  { actionName: 'feedback' },
  { actionValue: null },
  { actionValue: { reaction: 'love', feedback: 5 } },
  { actionName: 'feedback', actionValue: { reaction: 'like', feedback: '{"feedbackText":' } },
  { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: JSON.stringify({ feedbackText: { nested: true } }) } },
  { commandId: 'searchPapers', parameters: 'x' },
  { commandId: 'searchPapers', parameters: [null, { name: 'searchQuery', value: 5 }] },
  { commandId: 'searchPapers', parameters: [{ name: 'searchQuery', value: 'x'.repeat(KB100 / 2) }] },
  { queryOptions: { skip: -1, count: 1e9 } },
];

const NAMES: readonly unknown[] = [
  'message/submitAction',
  'composeExtension/query',
  'adaptiveCard/action',
  'task/fetch',
  'task/submit',
  'signin/verifyState',
  'fileConsent/invoke',
  'actionableMessage/executeAction',
  'composeExtension/selectItem',
  'composeExtension/submitAction',
  'config/fetch',
  'healthCheck',
  'application/search',
  'nonsense',
  5,
  null,
];

/** A deeply nested array as JSON text: `depth` levels, innermost `0`. */
export function nestedArrayJson(depth: number): string {
  return `${'['.repeat(depth)}0${']'.repeat(depth)}`;
}

function nestedObject(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i += 1) value = { d: value };
  return value;
}

/** A well-formed Teams message that asks for its replies in the HTTP response. */
export function baseMessage(n: number, serviceUrl: string): Record<string, unknown> {
  return {
    type: 'message',
    id: `hostile-${n}`,
    channelId: 'msteams',
    serviceUrl,
    deliveryMode: 'expectReplies',
    from: { id: `29:hostile-${n}`, name: 'Fuzzer', aadObjectId: '00000000-0000-0000-0000-0000000000ff' },
    recipient: { id: '28:panel-papers-bot', name: 'Panel Papers' },
    conversation: { id: `a:hostile-${n}`, conversationType: 'personal', isGroup: false },
    text: 'when is the next meeting?',
    textFormat: 'plain',
    locale: 'en-GB',
  };
}

type Mutation = (activity: Record<string, unknown>, pick: <T>(values: readonly T[]) => T, stub: string) => string;

const FIELDS = ['type', 'id', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation', 'text', 'textFormat', 'locale', 'timestamp', 'replyToId', 'channelData', 'attachments', 'membersAdded', 'membersRemoved', 'name', 'value', 'entities', 'deliveryMode', 'suggestedActions', 'localTimestamp', 'action', 'relatesTo'];

const MUTATIONS: readonly Mutation[] = [
  (a, pick) => {
    const field = pick(FIELDS);
    delete a[field];
    return `without ${field}`;
  },
  (a, pick) => {
    const field = pick(FIELDS);
    const value = pick(WRONG_VALUES);
    a[field] = value;
    return `${field}=${describe(value)}`;
  },
  (a, pick) => {
    const field = pick(['from', 'recipient', 'conversation']);
    const inner = pick(['id', 'name', 'aadObjectId', 'conversationType', 'tenantId', 'isGroup', 'role']);
    const value = pick(WRONG_VALUES);
    a[field] = { ...(typeof a[field] === 'object' && a[field] !== null && !Array.isArray(a[field]) ? (a[field] as object) : {}), [inner]: value };
    return `${field}.${inner}=${describe(value)}`;
  },
  (a, pick) => {
    a.type = pick(TYPES);
    return `type=${describe(a.type)}`;
  },
  (a, pick) => {
    a.text = pick(ODD_TEXTS);
    return `odd text ${describe(a.text)}`;
  },
  (a, pick) => {
    const id = pick(CONVERSATION_IDS);
    a.conversation = { ...(a.conversation as object), id };
    return `conversation.id=${describe(id)}`;
  },
  (a, pick, stub) => {
    a.serviceUrl = pick(serviceUrls(stub));
    delete a.deliveryMode;
    return `serviceUrl=${describe(a.serviceUrl)} (replies sent there)`;
  },
  (a, pick) => {
    a.serviceUrl = pick(BAD_SERVICE_URLS);
    return `serviceUrl=${describe(a.serviceUrl)}`;
  },
  (a, pick) => {
    a.entities = pick(ENTITIES);
    return `entities=${describe(a.entities)}`;
  },
  (a, pick) => {
    a.type = 'invoke';
    a.name = pick(NAMES);
    a.value = pick(VALUES);
    return `invoke ${describe(a.name)} value=${describe(a.value)}`;
  },
  (a, pick) => {
    a.type = 'conversationUpdate';
    a.membersAdded = pick<unknown>(['x', [null], [{}], [{ id: 5 }], [{ id: '28:panel-papers-bot' }, null], { id: 'x' }]);
    return `conversationUpdate membersAdded=${describe(a.membersAdded)}`;
  },
  (a, pick) => {
    a.channelData = pick<unknown>([
      'x',
      [],
      { tenant: null },
      { team: 5, channel: [] },
      { feedbackLoop: { type: 'default' } },
      { eventType: 'teamRenamed', team: { id: null } },
      nestedObject(500),
    ]);
    return `channelData=${describe(a.channelData)}`;
  },
  (a, pick) => {
    a.attachments = pick<unknown>(['x', [null], [{ contentType: 'application/vnd.microsoft.card.adaptive', content: 'x' }], [{ contentType: 5, contentUrl: 'file:///etc/passwd' }]]);
    return `attachments=${describe(a.attachments)}`;
  },
  (a, pick, stub) => {
    a.deliveryMode = pick<unknown>(['normal', 'notification', 'ephemeral', 'stream', 'nonsense', 5, null]);
    a.serviceUrl = stub;
    return `deliveryMode=${describe(a.deliveryMode)}`;
  },
  (a, pick) => {
    const key = pick(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString']);
    a[key] = { polluted: 'yes', toString: 'x' };
    return `own ${key}`;
  },
];

function describe(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}…(${text.length})` : text;
}

/** Bodies that are not activities at all: broken JSON, wrong content types, oversized, deep. */
export function fixedCases(stub: string): HostileCase[] {
  const json = 'application/json';
  const raw = (name: string, body: string | Buffer, contentType = json): HostileCase => ({ name, body, contentType, wantsReply: false });
  const valid = JSON.stringify(baseMessage(0, stub));
  return [
    raw('empty body', ''),
    raw('lone brace', '{'),
    raw('truncated JSON', '{"type":'),
    raw('JSON null', 'null'),
    raw('JSON array', '[]'),
    raw('array of activities', `[${valid}]`),
    raw('JSON number', '42'),
    raw('JSON string', '"message"'),
    raw('JSON true', 'true'),
    raw('NaN', 'NaN'),
    raw('trailing garbage', `${valid}garbage`),
    raw('two objects', `${valid}${valid}`),
    raw('byte order mark', `\uFEFF${valid}`),
    raw('single quotes', valid.replace(/"/gu, "'")),
    raw('comments', `/* hi */${valid}`),
    raw('invalid UTF-8 bytes', Buffer.concat([Buffer.from('{"type":"message","text":"'), Buffer.from([0xff, 0xfe, 0xc0, 0x80]), Buffer.from('"}')])),
    raw('random bytes', Buffer.from(Array.from({ length: 2_048 }, (_, i) => (i * 7919) % 256))),
    raw('text/plain JSON', valid, 'text/plain'),
    raw('form encoded', `type=message&text=hi&channelId=msteams&serviceUrl=${encodeURIComponent(stub)}&conversation[id]=a`, 'application/x-www-form-urlencoded'),
    raw('multipart', '--b\r\nContent-Disposition: form-data; name="type"\r\n\r\nmessage\r\n--b--\r\n', 'multipart/form-data; boundary=b'),
    raw('XML', '<activity><type>message</type></activity>', 'application/xml'),
    raw('octet stream', valid, 'application/octet-stream'),
    raw('JSON as UTF-16 says charset', valid, 'application/json; charset=utf-16'),
    raw('unknown content type', valid, 'application/x-nonsense'),
    raw('content type with no type', valid, ';;;'),
    raw('nested arrays 1,000 deep', nestedArrayJson(1_000)),
    raw('nested arrays 100,000 deep (200 KB)', nestedArrayJson(100_000)),
    raw('activity with a 100,000-deep value', valid.replace(/\}$/u, `,"value":${nestedArrayJson(100_000)}}`)),
    raw('activity with a 10,000-deep channelData', valid.replace(/\}$/u, `,"channelData":${'{"d":'.repeat(10_000)}0${'}'.repeat(10_000)}}`)),
    raw('oversized 300 KB body', JSON.stringify({ ...baseMessage(0, stub), text: 'a'.repeat(300 * 1024) })),
    raw('oversized 5 MB body', JSON.stringify({ ...baseMessage(0, stub), channelData: { pad: 'p'.repeat(5 * 1024 * 1024) } })),
    raw('100,000 keys', `{${Array.from({ length: 20_000 }, (_, i) => `"k${i}":1`).join(',')},${valid.slice(1)}`),
    raw('duplicate keys', valid.replace(/\}$/u, ',"type":"invoke","type":"nonsense"}')),
    raw('__proto__ pollution', valid.replace(/\}$/u, ',"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}')),
    raw('activity body nested in an array of one', `[${valid}]`),
  ];
}

/**
 * `count` activities, each a valid message with one to three seeded mutations. Those that no longer
 * ask for replies in the response send them to `stub`, a local stub connector.
 */
export function mutatedCases(count: number, seed: number, stub: string): HostileCase[] {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const cases: HostileCase[] = [];
  for (let n = 1; n <= count; n += 1) {
    const activity = baseMessage(n, stub);
    const steps = 1 + Math.floor(random() * 3);
    const names: string[] = [];
    for (let s = 0; s < steps; s += 1) names.push(pick(MUTATIONS)(activity, pick, stub));
    cases.push({ name: `#${n} ${names.join(', ')}`, body: activity, contentType: 'application/json', wantsReply: wantsReply(activity) });
  }
  return cases;
}

/** Every odd and 100 KB text, once each, as the text of a well-formed message. */
export function textCases(stub: string): HostileCase[] {
  return [...ODD_TEXTS, ...HUGE_TEXTS].map((text, i) => ({
    name: `text ${describe(text)}`,
    body: { ...baseMessage(10_000 + i, stub), text },
    contentType: 'application/json',
    wantsReply: true,
  }));
}

/**
 * A message whose replies go to a serviceUrl nobody answers: botbuilder retries for about ten seconds
 * before giving up, so it runs side by side with the rest (one is enough: the others reach a stub).
 */
export function unreachableCases(): HostileCase[] {
  return ['http://127.0.0.1:1'].map((serviceUrl, i) => {
    const { deliveryMode: _inResponse, ...activity } = baseMessage(20_000 + i, serviceUrl);
    // The conversation id marks their log lines, which arrive while other cases run.
    const body = { ...activity, conversation: { id: `a:unreachable-${i}`, conversationType: 'personal' } };
    return { name: `unreachable serviceUrl ${serviceUrl}`, body, contentType: 'application/json', wantsReply: false };
  });
}

/** A message whose shape a real channel could send, delivered in the HTTP response. */
function wantsReply(a: Record<string, unknown>): boolean {
  const obj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  return (
    a.type === 'message' &&
    a.deliveryMode === 'expectReplies' &&
    typeof a.text === 'string' &&
    a.channelId === 'msteams' &&
    obj(a.conversation) &&
    typeof a.conversation.id === 'string' &&
    a.conversation.id !== '' &&
    typeof a.serviceUrl === 'string' &&
    /^https?:\/\/\S+$/u.test(a.serviceUrl) &&
    obj(a.from) &&
    typeof a.from.id === 'string' &&
    obj(a.recipient) &&
    typeof a.recipient.id === 'string'
  );
}
