import { startTestServer, type TestServer } from '../helpers/startTestServer';
import { councilIndex, sampleIndex } from '../helpers/sampleIndex';

interface Paged<T> {
  total: number;
  page: number;
  pageSize: number;
  items: T[];
}
interface Decision {
  committee: string | null;
  meetingDate: string;
  item: string;
  text: string;
  votes: { outcome: string | null; text: string }[];
  href: string;
}
interface Hit {
  title: string;
  kind: string;
  meetingDate: string | null;
  href: string;
}
interface Calendar {
  committees: { committee: string; next: { date: string; status: string; statusText: string }[]; past: { date: string; status: string; statusText: string; papers: { title: string; href: string }[] }[] }[];
}

describe('the tab in local mode (no app id)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const json = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  it('GET / answers 200 text/html naming the committee of the papers served', async () => {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await response.text();
    expect(html).toMatch(/Published papers of: <span id="committees">Children and Young People Scrutiny Panel/u);
    expect(html).toContain('<script type="module" src="/static/tab.js"></script>');
  });

  it("lists each committee's next meetings from today on and its past ones, latest first, with their papers", async () => {
    const { committees } = await json<Calendar>('/tab/api/calendar');
    expect(committees.map((c) => c.committee)).toContain('Children and Young People Scrutiny Panel');
    const panel = committees[0]!;
    expect(panel.next.every((m) => m.date >= '2023-07-20')).toBe(true);
    expect(panel.next[0]?.date).toBe('2023-07-27');
    expect(panel.past.every((m) => m.date < '2023-07-20')).toBe(true);
    expect(panel.past.map((m) => m.date)).toEqual([...panel.past.map((m) => m.date)].sort().reverse());
    const march = panel.past.find((m) => m.date === '2023-03-15');
    expect(march?.status).toBe('held');
    // A meeting gone by whose minutes the papers lack is not "scheduled" any more.
    for (const m of panel.past) expect(m.statusText).toBe(m.status === 'scheduled' ? 'no minutes yet' : m.status);
    for (const m of panel.next) expect(m.statusText).toBe(m.status);
    expect(panel.past.map((m) => m.statusText)).toContain('no minutes yet');
  });

  it('gives every resolution verbatim with its meeting and item, filtered by words and dates', async () => {
    const all = await json<Paged<Decision>>('/tab/api/decisions');
    expect(all.total).toBe(sampleIndex().corpus.resolutions.length);
    for (const d of all.items) {
      const resolution = sampleIndex().corpus.resolutions.find((r) => r.text === d.text);
      expect(resolution?.meetingDate).toBe(d.meetingDate);
    }
    const words = await json<Paged<Decision>>('/tab/api/decisions?words=exclusions%20WORK%20programme');
    expect(words.items.length).toBeGreaterThan(0);
    for (const d of words.items) for (const word of ['exclusions', 'work', 'programme']) expect(`${d.item}\n${d.text}`.toLowerCase()).toContain(word);
    expect(words.total).toBeLessThan(all.total);
    const none = await json<Paged<Decision>>('/tab/api/decisions?from=2030-01-01');
    expect(none.total).toBe(0);
    const committee = await json<Paged<Decision>>('/tab/api/decisions?committee=No%20Such%20Committee');
    expect(committee.total).toBe(0);
  });

  it('searches the papers a page at a time, with kind and date filters, each hit opening the paper view', async () => {
    const first = await json<Paged<Hit>>('/tab/api/search?words=exclusions');
    expect(first.total).toBeGreaterThan(first.pageSize);
    const second = await json<Paged<Hit>>('/tab/api/search?words=exclusions&page=1');
    expect(second.page).toBe(1);
    expect(second.items[0]?.href).not.toBe(first.items[0]?.href);
    const minutes = await json<Paged<Hit>>('/tab/api/search?words=exclusions&kind=minutes&from=2023-01-01&to=2023-12-31');
    expect(minutes.items.length).toBeGreaterThan(0);
    for (const hit of minutes.items) {
      expect(hit.kind).toBe('minutes');
      expect(hit.meetingDate! >= '2023-01-01' && hit.meetingDate! <= '2023-12-31').toBe(true);
    }
    const view = await fetch(`${server.url}${first.items[0]!.href}`);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain('<mark>');
  });

  it('reads odd filters as no filter, never as an error', async () => {
    for (const query of ['page=-1', 'page=99999', 'from=yesterday', 'words=' + 'x'.repeat(5_000), 'committee[]=a', 'words=%00']) {
      expect((await fetch(`${server.url}/tab/api/decisions?${query}`)).status).toBe(200);
      expect((await fetch(`${server.url}/tab/api/search?${query}`)).status).toBe(200);
    }
  });
});

describe("the tab's decision register over another council's printed minutes", () => {
  let server: TestServer;
  beforeAll(async () => {
    const index = await councilIndex('kingston');
    server = await startTestServer({ index });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('gives each decision its recorded votes as minuted, and filters by committee', async () => {
    const all = (await (await fetch(`${server.url}/tab/api/decisions`)).json()) as Paged<Decision>;
    const voted = all.items.filter((d) => d.votes.length > 0);
    expect(voted.length).toBeGreaterThan(0);
    for (const d of voted) for (const v of d.votes) expect(v.text.length).toBeGreaterThan(0);
    expect(voted.flatMap((d) => d.votes.map((v) => v.outcome))).toContain('CARRIED');
    const committee = voted[0]!.committee!;
    const one = (await (await fetch(`${server.url}/tab/api/decisions?committee=${encodeURIComponent(committee)}`)).json()) as Paged<Decision>;
    expect(one.total).toBeGreaterThan(0);
    for (const d of one.items) expect(d.committee).toBe(committee);
  });
});
