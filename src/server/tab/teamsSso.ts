import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

/**
 * Checks the SSO token Teams gives a tab (`microsoftTeams.authentication.getAuthToken()`): an Entra ID
 * access token for this app, RS256-signed with one of Entra's published keys. Every failure is just
 * `false`: the caller answers 401 and never says which check failed.
 */
export interface TeamsSsoOptions {
  readonly appId: string;
  /** Single-tenant: only this tenant's tokens; empty accepts any tenant's token for this app. */
  readonly tenantId: string;
  /** Host of PUBLIC_BASE_URL: the tab's Application ID URI is api://<host>/<appId>. */
  readonly publicHost: string;
  /** Entra's signing keys (JWKS); tests point it at a loopback server. */
  readonly keysUrl?: string;
  readonly now?: () => number;
}

const SKEW_SECONDS = 300;
const KEYS_TTL_MS = 3_600_000;
const KEYS_TIMEOUT_MS = 5_000;
/** A real token is 1-3 kB; anything longer is refused before it is parsed. */
const MAX_TOKEN_CHARS = 16_384;
const JWT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/u;

export class TeamsSsoVerifier {
  private keys: { at: number; byKid: Map<string, KeyObject> } | null = null;
  private loading: Promise<Map<string, KeyObject>> | null = null;

  constructor(private readonly options: TeamsSsoOptions) {}

  /** Whether `authorization` (the header) carries a valid token for this app. */
  async verify(authorization: string | undefined): Promise<boolean> {
    try {
      const token = /^Bearer (\S+)$/u.exec(authorization ?? '')?.[1];
      if (!token || token.length > MAX_TOKEN_CHARS || !JWT.test(token)) return false;
      const [head, body, signature] = token.split('.') as [string, string, string];
      const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as { alg?: unknown; kid?: unknown };
      if (header.alg !== 'RS256' || typeof header.kid !== 'string') return false;
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Record<string, unknown>;
      if (!this.claimsValid(claims)) return false;
      const key = (await this.signingKeys()).get(header.kid);
      return key !== undefined && verify('RSA-SHA256', Buffer.from(`${head}.${body}`), key, Buffer.from(signature, 'base64url'));
    } catch {
      return false;
    }
  }

  private claimsValid(claims: Record<string, unknown>): boolean {
    const { appId, tenantId, publicHost } = this.options;
    const now = Math.floor((this.options.now ?? Date.now)() / 1000);
    const { aud, iss, tid, exp, nbf } = claims;
    if (typeof exp !== 'number' || exp + SKEW_SECONDS < now) return false;
    if (typeof nbf === 'number' && nbf - SKEW_SECONDS > now) return false;
    if (aud !== appId && aud !== `api://${publicHost}/${appId}`) return false;
    if (typeof tid !== 'string' || (tenantId !== '' && tid !== tenantId)) return false;
    return iss === `https://login.microsoftonline.com/${tid}/v2.0` || iss === `https://sts.windows.net/${tid}/`;
  }

  private async signingKeys(): Promise<Map<string, KeyObject>> {
    if (this.keys && Date.now() - this.keys.at < KEYS_TTL_MS) return this.keys.byKid;
    // One fetch at a time: a burst of tab requests after the keys expire shares it.
    this.loading ??= this.fetchKeys().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async fetchKeys(): Promise<Map<string, KeyObject>> {
    const url = this.options.keysUrl ?? `https://login.microsoftonline.com/${this.options.tenantId || 'common'}/discovery/v2.0/keys`;
    const response = await fetch(url, { signal: AbortSignal.timeout(KEYS_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`signing keys: HTTP ${response.status}`);
    const { keys } = (await response.json()) as { keys?: (JsonWebKey & { kid?: string })[] };
    const byKid = new Map<string, KeyObject>();
    for (const jwk of (keys ?? []).slice(0, 100)) {
      if (jwk.kty === 'RSA' && typeof jwk.kid === 'string') byKid.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }));
    }
    this.keys = { at: Date.now(), byKid };
    return byKid;
  }
}
