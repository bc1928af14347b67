import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { PaperLinks } from '../../src/bot';
import { startTestServer, type TestServer } from '../helpers/startTestServer';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const TENANT = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';
const SECRET = 'tab-auth-test-secret-long-enough-32';
const DATA = ['/tab/api/calendar', '/tab/api/decisions', '/tab/api/search?words=exclusions'];

/** An RS256 JWT, as Entra would sign it. */
function jwt(key: KeyObject, kid: string, claims: Record<string, unknown>): string {
  const part = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(claims)}`;
  return `${head}.${createSign('RSA-SHA256').update(head).sign(key).toString('base64url')}`;
}

describe('the tab with an app id set: its data only for Teams SSO or a signed tab link', () => {
  const entra = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const forger = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const links = PaperLinks.signed('https://panel.example.org', SECRET, 30);
  const now = Math.floor(Date.now() / 1000);
  const claims = { aud: `api://panel.example.org/${APP_ID}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, tid: TENANT, exp: now + 3600, nbf: now - 60 };
  let keys: http.Server;
  let server: TestServer;

  beforeAll(async () => {
    // Entra's key endpoint, on loopback: only the real key is published.
    const jwk = { ...entra.publicKey.export({ format: 'jwk' }), kid: 'real-kid', use: 'sig' };
    keys = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => keys.listen(0, '127.0.0.1', resolve));
    const keysUrl = `http://127.0.0.1:${(keys.address() as AddressInfo).port}/keys`;
    server = await startTestServer({ auth: { appId: APP_ID, appPassword: 'x', appType: 'SingleTenant', tenantId: TENANT }, paperLinks: links, ssoKeysUrl: keysUrl });
  });
  afterAll(async () => {
    await server?.close();
    await new Promise((resolve) => keys?.close(resolve));
  });

  const get = (path: string, token?: string): Promise<Response> => fetch(`${server.url}${path}`, token === undefined ? {} : { headers: { authorization: token } });

  it('still answers GET / with the page naming the committee (no paper text in it)', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toContain('Children and Young People Scrutiny Panel');
  });

  it.each(DATA)('answers 401 to %s with no token and no signature', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(401);
    expect(await response.text()).not.toMatch(/resolved|exclusion/iu);
  });

  const forged: [string, () => string][] = [
    ['a token signed with another key', () => `Bearer ${jwt(forger.privateKey, 'real-kid', claims)}`],
    ['a token for another app', () => `Bearer ${jwt(entra.privateKey, 'real-kid', { ...claims, aud: 'api://panel.example.org/other' })}`],
    ['a token from another tenant', () => `Bearer ${jwt(entra.privateKey, 'real-kid', { ...claims, tid: 'other', iss: 'https://login.microsoftonline.com/other/v2.0' })}`],
    ['an expired token', () => `Bearer ${jwt(entra.privateKey, 'real-kid', { ...claims, exp: now - 3600 })}`],
    ['an unknown key id', () => `Bearer ${jwt(entra.privateKey, 'other-kid', claims)}`],
    ['an unsigned token (alg none)', () => `Bearer ${Buffer.from('{"alg":"none","kid":"real-kid"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.x`],
    ['garbage', () => 'Bearer not.a.token'],
    ['a Basic header', () => 'Basic dXNlcjpwYXNz'],
  ];
  it.each(forged)('answers 401 to %s', async (_case, token) => {
    for (const path of DATA) expect((await get(path, token())).status).toBe(401);
  });

  it('answers 401 to a forged, expired or borrowed signature', async () => {
    const tab = new URL(links.toTab());
    const sig = tab.searchParams.get('sig')!;
    const changed = `${tab.search.replace(/sig=./u, sig.startsWith('A') ? 'sig=B' : 'sig=A')}`;
    expect((await get(`/tab/api/calendar${changed}`)).status).toBe(401);
    const old = new URL(PaperLinks.signed('https://panel.example.org', SECRET, 30, () => Date.now() - 40 * 86_400_000).toTab());
    expect((await get(`/tab/api/calendar${old.search}`)).status).toBe(401);
    // A paper link's exp and sig open that paper, not the tab's data.
    const paper = new URL(links.to('000_73aa9faf505450da.txt')!);
    expect((await get(`/tab/api/calendar${paper.search}`)).status).toBe(401);
  });

  it("serves the data to Entra's token for this app, and to a signed tab link", async () => {
    const token = `Bearer ${jwt(entra.privateKey, 'real-kid', claims)}`;
    for (const path of DATA) expect((await get(path, token)).status).toBe(200);
    const appIdAudience = `Bearer ${jwt(entra.privateKey, 'real-kid', { ...claims, aud: APP_ID })}`;
    expect((await get('/tab/api/calendar', appIdAudience)).status).toBe(200);
    const tab = new URL(links.toTab());
    const body = (await (await get(`/tab/api/decisions${tab.search}&words=exclusions`)).json()) as { items: { href: string }[] };
    expect(body.items[0]?.href).toMatch(/^\/papers\/[^?]+\?lines=\d+-\d+&exp=\d+&sig=[\w-]{43}#L\d+$/u);
    expect((await get(body.items[0]!.href.replace(/#.*$/u, ''))).status).toBe(200);
  });
});
