import { PaperLinks } from '../../src/bot';

const SECRET = 'test-secret-that-is-long-enough-32+';
const BASE = 'https://panel.example.org';
/** 2023-07-20 12:00 UTC. */
const NOON = Date.UTC(2023, 6, 20, 12);
const DAY = 86_400_000;

/** The query of a link as the server's query parser hands it over. */
function queryOf(link: string): Record<string, string> {
  return Object.fromEntries(new URL(link).searchParams);
}

describe('PaperLinks.open', () => {
  it('links to the cited lines, unsigned, and lets any request through', () => {
    const links = PaperLinks.open(BASE);
    expect(links.to('minutes 2023.txt', 101, 103)).toBe(`${BASE}/papers/minutes%202023.txt?lines=101-103#L101`);
    expect(links.to('pack.pdf')).toBe(`${BASE}/papers/pack.pdf`);
    expect(links.check('pack.pdf', {})).toBe('ok');
  });
});

describe('PaperLinks.signed', () => {
  const links = PaperLinks.signed(BASE, SECRET, 30, () => NOON);

  it('signs file, lines and expiry, and accepts its own link', () => {
    const link = links.to('minutes.txt', 101, 103)!;
    expect(link).toMatch(/^https:\/\/panel\.example\.org\/papers\/minutes\.txt\?lines=101-103&exp=\d+&sig=[\w-]{43}#L101$/u);
    expect(links.check('minutes.txt', queryOf(link))).toBe('ok');
    const pack = links.to('pack.pdf')!;
    expect(links.check('pack.pdf', queryOf(pack))).toBe('ok');
  });

  it('expires at the end of the UTC day 30 days on, so a day\'s links are one link', () => {
    const expires = Number(queryOf(links.to('minutes.txt', 1)!).exp);
    expect(new Date(expires * 1000).toISOString()).toBe('2023-08-20T00:00:00.000Z');
    const later = PaperLinks.signed(BASE, SECRET, 30, () => NOON + 6 * 3_600_000);
    expect(later.to('minutes.txt', 1)).toBe(links.to('minutes.txt', 1));
  });

  it('refuses a link for another paper, other lines, a moved expiry or a changed signature', () => {
    const query = queryOf(links.to('minutes.txt', 101, 103)!);
    expect(links.check('other.txt', query)).toBe('bad_signature');
    expect(links.check('minutes.txt', { ...query, lines: '1-900' })).toBe('bad_signature');
    expect(links.check('minutes.txt', { ...query, lines: undefined as unknown as string })).toBe('bad_signature');
    expect(links.check('minutes.txt', { ...query, exp: String(Number(query.exp) + 86_400) })).toBe('bad_signature');
    const sig = query.sig!;
    expect(links.check('minutes.txt', { ...query, sig: `${sig[0] === 'A' ? 'B' : 'A'}${sig.slice(1)}` })).toBe('bad_signature');
    expect(links.check('minutes.txt', { ...query, sig: sig.slice(1) })).toBe('bad_signature');
  });

  it('refuses a link signed with another secret', () => {
    const other = PaperLinks.signed(BASE, `${SECRET}-other`, 30, () => NOON);
    expect(links.check('minutes.txt', queryOf(other.to('minutes.txt', 1)!))).toBe('bad_signature');
  });

  it('refuses an unsigned request and repeated parameters', () => {
    expect(links.check('minutes.txt', {})).toBe('unsigned');
    expect(links.check('minutes.txt', { lines: '1-2' })).toBe('unsigned');
    const query = queryOf(links.to('minutes.txt', 1)!);
    expect(links.check('minutes.txt', { ...query, sig: [query.sig, query.sig] })).toBe('bad_signature');
  });

  it('refuses its own link once expired', () => {
    const link = links.to('minutes.txt', 1)!;
    const expires = Number(queryOf(link).exp) * 1000;
    expect(PaperLinks.signed(BASE, SECRET, 30, () => expires - 1).check('minutes.txt', queryOf(link))).toBe('ok');
    expect(PaperLinks.signed(BASE, SECRET, 30, () => expires).check('minutes.txt', queryOf(link))).toBe('expired');
    expect(PaperLinks.signed(BASE, SECRET, 30, () => NOON + 40 * DAY).check('minutes.txt', queryOf(link))).toBe('expired');
  });

  it('signs the original file like the whole paper, and the tab apart from any paper', () => {
    const original = new URL(links.toOriginal('minutes.txt')!);
    expect(original.pathname).toBe('/papers/minutes.txt/original');
    expect(links.check('minutes.txt', queryOf(original.toString()))).toBe('ok');
    const tab = new URL(links.toTab());
    expect(tab.pathname).toBe('/');
    expect(links.checkTab(queryOf(tab.toString()))).toBe('ok');
    // Neither opens the other: a tab link is no paper's, a paper link is not the tab's.
    expect(links.check('minutes.txt', queryOf(tab.toString()))).toBe('bad_signature');
    expect(links.checkTab(queryOf(links.to('minutes.txt')!))).toBe('bad_signature');
    expect(links.checkTab({})).toBe('unsigned');
  });

  it('has an unsigned twin for comparing cards by content', () => {
    expect(links.unsigned().to('minutes.txt', 1)).toBe(`${BASE}/papers/minutes.txt?lines=1-1#L1`);
  });
});

describe('PaperLinks.off', () => {
  it('makes no links and serves nothing', () => {
    const links = PaperLinks.off();
    expect(links.to('minutes.txt', 1)).toBeNull();
    expect(links.check('minutes.txt', {})).toBe('view_off');
  });
});
