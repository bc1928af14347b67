import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Who may open the read-only paper view (/papers/:file):
 * - `open`: anyone who can reach the port (local mode: no app id, loopback only);
 * - `signed`: only through a link the bot made, signed and not yet expired (an app id is set);
 * - `off`: nobody; the bot sends no links (PAPERS_VIEW=off).
 */
export type PaperViewAccess = 'open' | 'signed' | 'off';

/** Why a request for the paper view was refused, or `ok`. */
export type PaperLinkCheck = 'ok' | 'view_off' | 'unsigned' | 'bad_signature' | 'expired';

const DAY_SECONDS = 86_400;
/** Base64url HMAC-SHA256: 43 characters. Anything else is refused before any comparison. */
const SIGNATURE = /^[A-Za-z0-9_-]{43}$/u;
const EXPIRY = /^\d{1,12}$/u;

interface Signing {
  readonly secret: string;
  readonly days: number;
  /** Milliseconds since 1970, as Date.now(); tests pass a fixed clock. */
  readonly now: () => number;
}

/**
 * Makes the links to the paper view the bot sends, and checks them when the server is asked for a
 * paper. A signed link carries `exp` (Unix seconds) and `sig`, the HMAC-SHA256 of the file, the
 * line range and the expiry under PAPER_LINK_SECRET, so a link can't be made for another paper,
 * widened to other lines, or kept working past its expiry.
 */
export class PaperLinks {
  private constructor(
    /** Public base URL of this server, no trailing slash. */
    readonly baseUrl: string,
    readonly access: PaperViewAccess,
    private readonly signing: Signing | null,
  ) {}

  /** Unsigned links; the view serves any paper in the index (local mode, tests). */
  static open(baseUrl: string): PaperLinks {
    return new PaperLinks(baseUrl, 'open', null);
  }

  /** Links valid for `days`; the view serves only a paper asked for by such a link. */
  static signed(baseUrl: string, secret: string, days: number, now: () => number = Date.now): PaperLinks {
    if (secret.length === 0) throw new Error('PaperLinks.signed: the secret is empty');
    return new PaperLinks(baseUrl, 'signed', { secret, days, now });
  }

  /** No view and no links. */
  static off(): PaperLinks {
    return new PaperLinks('', 'off', null);
  }

  /** The same links without signatures, to compare cards by their content (see Announcer). */
  unsigned(): PaperLinks {
    return this.access === 'signed' ? PaperLinks.open(this.baseUrl) : this;
  }

  /** Link to the paper view, opened at the cited lines; null when the view is off. */
  to(file: string, lineStart?: number, lineEnd?: number): string | null {
    if (this.access === 'off') return null;
    const lines = lineStart === undefined ? '' : `${lineStart}-${lineEnd ?? lineStart}`;
    const search = this.search(lines === '' ? {} : { lines }, (secret, expires) => sign(secret, file, lines, expires));
    return `${this.baseUrl}/papers/${encodeURIComponent(file)}${search}${lineStart === undefined ? '' : `#L${lineStart}`}`;
  }

  /**
   * Link to the file as published (`/papers/:file/original`), signed like a link to the whole paper:
   * the view offers it under any valid link, since the original is the document the citation names.
   */
  toOriginal(file: string): string | null {
    if (this.access === 'off') return null;
    return `${this.baseUrl}/papers/${encodeURIComponent(file)}/original${this.search({}, (secret, expires) => sign(secret, file, '', expires))}`;
  }

  /**
   * Link to the tab page (`/`) outside Teams: signed over its own two fields, which no paper link's
   * three ever equal, so a paper link can't open the tab's data nor a tab link a paper.
   */
  toTab(): string {
    return `${this.baseUrl}/${this.search({}, signTab)}`;
  }

  /** Whether a request carries a valid tab link's `exp` and `sig` (always 'ok' when links are not signed). */
  checkTab(query: Readonly<Record<string, unknown>> | undefined): PaperLinkCheck {
    if (!this.signing) return 'ok';
    const { exp, sig } = query ?? {};
    if (exp === undefined && sig === undefined) return 'unsigned';
    if (typeof exp !== 'string' || typeof sig !== 'string' || !EXPIRY.test(exp) || !SIGNATURE.test(sig)) return 'bad_signature';
    if (!timingSafeEqual(Buffer.from(signTab(this.signing.secret, Number(exp))), Buffer.from(sig))) return 'bad_signature';
    return Number(exp) * 1000 <= this.signing.now() ? 'expired' : 'ok';
  }

  /** Whether a request for `file` with this query (`lines`, `exp`, `sig`) may be served. */
  check(file: string, query: Readonly<Record<string, unknown>> | undefined): PaperLinkCheck {
    if (this.access === 'off') return 'view_off';
    if (!this.signing) return 'ok';
    const { lines = '', exp, sig } = query ?? {};
    if (exp === undefined && sig === undefined) return 'unsigned';
    // A repeated parameter arrives as an array: never what the bot sent.
    if (typeof lines !== 'string' || typeof exp !== 'string' || typeof sig !== 'string') return 'bad_signature';
    if (!EXPIRY.test(exp) || !SIGNATURE.test(sig)) return 'bad_signature';
    const expected = Buffer.from(sign(this.signing.secret, file, lines, Number(exp)));
    // Constant time: how much of a guessed signature matched must not show in the response time.
    if (!timingSafeEqual(expected, Buffer.from(sig))) return 'bad_signature';
    return Number(exp) * 1000 <= this.signing.now() ? 'expired' : 'ok';
  }

  /** `?lines=...&exp=...&sig=...` (exp and sig only when links are signed), or '' for no parameters. */
  private search(params: Record<string, string>, signature: (secret: string, expires: number) => string): string {
    const query = new URLSearchParams(params);
    if (this.signing) {
      const expires = this.expiry(this.signing);
      query.set('exp', String(expires));
      query.set('sig', signature(this.signing.secret, expires));
    }
    return query.size > 0 ? `?${query.toString()}` : '';
  }

  /**
   * The end of the UTC day `days` from now: every link made on one day is the same link, so an
   * announcement card's hash stays put and a cited paper's address is stable within the day.
   */
  private expiry(signing: Signing): number {
    const now = Math.floor(signing.now() / 1000);
    return (Math.floor(now / DAY_SECONDS) + signing.days + 1) * DAY_SECONDS;
  }
}

/** JSON of two fields: never the JSON of a paper link's three. */
function signTab(secret: string, expires: number): string {
  return createHmac('sha256', secret).update(JSON.stringify(['tab', expires])).digest('base64url');
}

/** JSON of the three fields: no file name can make two different links sign the same text. */
function sign(secret: string, file: string, lines: string, expires: number): string {
  return createHmac('sha256', secret).update(JSON.stringify([file, lines, expires])).digest('base64url');
}
