import { join } from 'node:path';
import type { SourceDocument } from '../../../src/ingest';
import type { Minutes } from '../../../src/model';
import { parsePaperFile } from '../../../src/parse';
import { councilDocuments, sharedCouncil } from './readerFixtures';

jest.setTimeout(60_000);

/**
 * One behaviour on several councils' real minutes, each laid out its own way: ModernGov printed minutes
 * (Bristol), a ModernGov meeting page (Kingston), web-service XML (Manchester), minutes bound in an agenda
 * pack (Wolverhampton), Word-made parish minutes (Souldern), Markdown posts and PDFs (Ayton), Markdown posts whose first item is the attendance (Govan), and
 * a combined authority's ModernGov meeting page (WECA). Each
 * finds who attended, who sent apologies and what was decided, as the file says it.
 */
interface Case {
  readonly council: string;
  /** The folder, or null when ../shared is absent (the case then skips, saying so). */
  readonly dir: string | null;
  readonly file: string;
  readonly date: string;
  readonly member?: string;
  readonly chair?: string;
  readonly apologies?: string;
  readonly decision: string;
}

const REPO = join(__dirname, '..', '..', '..');
const CASES: readonly Case[] = [
  { council: 'wolverhampton', dir: join(REPO, 'data', 'papers'), file: '000_73aa9faf505450da', date: '2023-03-15', member: 'Adam Collinge', apologies: 'Cllr Lynne Moran', decision: 'That the minutes of the meeting held on 11 January 2023 be approved as a correct record.' },
  { council: 'bristol', dir: join(REPO, 'test', 'fixtures', 'councils', 'bristol'), file: 'bristol-2026-03-19-minutes', date: '2026-03-19', member: 'David Wilcox', chair: 'Ed Plowden', apologies: 'There were no apologies', decision: 'The minutes of the previous meeting were agreed as accurate.' },
  { council: 'kingston', dir: join(REPO, 'test', 'fixtures', 'councils', 'kingston'), file: 'kingston-2026-01-15-agenda-decisions-minutes', date: '2026-01-15', apologies: 'Apologies were received from Councillors Noel Hadjimichael, Patrick Hall and John Sweeney.', decision: 'The minutes of the meeting held on 18 November 2025 were approved as a correct record.' },
  { council: 'manchester', dir: sharedCouncil('manchester'), file: 'manchester-2026-02-10-audit-committee-getmeeting', date: '2026-02-10', member: 'Councillor Basil Curley', decision: 'To approve the minutes of the meeting held on 25 November 2025 as a correct record.' },
  { council: 'souldern', dir: sharedCouncil('souldern'), file: 'souldern-2026-03-26-parish-council-minutes', date: '2026-03-26', member: 'Rob Large', chair: 'Nick Oakhill', apologies: 'Apologies had been received from Cllr Gareth Epps, Cllr David Rogers and Cllr', decision: 'It was agreed that the PC would be in agreement to looking at the possibility of selling it in principle' },
  { council: 'souldern', dir: sharedCouncil('souldern'), file: 'souldern-2026-04-30-parish-council-minutes', date: '2026-04-30', member: 'Kate Green', chair: 'Nick Oakhill', apologies: 'Apologies had been received from C/Cllr Gareth Epps', decision: 'It was agreed that KG will liaise with the parishioner' },
  { council: 'souldern', dir: sharedCouncil('souldern'), file: 'souldern-2026-06-01-annual-meeting-minutes', date: '2026-06-01', member: 'Amanda Sharman', chair: 'Nick Oakhill', apologies: 'No apologies had been received', decision: 'HD nominated and AS seconded that Nick Oakhill be elected Chair' },
  { council: 'ayton', dir: sharedCouncil('ayton'), file: 'ayton-2026-06-02-community-council-minutes', date: '2026-06-02', member: 'James Anderson', chair: 'Alan McFadzean', apologies: 'Cllr Aileen Orr', decision: 'minutes were unanimously approved.' },
  { council: 'ayton', dir: sharedCouncil('ayton'), file: 'ayton-2025-10-07-community-council-minutes', date: '2025-10-07', member: 'Amanda Wright', chair: 'Trevor Smith', apologies: 'Alan McFadzean', decision: 'It was agreed that we would like to be involved in next years event' },
  { council: 'ayton', dir: sharedCouncil('ayton'), file: 'ayton-2021-06-03-community-council-minutes', date: '2021-06-03', member: 'Margaret Carey', chair: 'Kenny Combe', apologies: 'None received.', decision: 'The Minutes of the Meeting held via Zoom on 4 May were approved' },
  { council: 'govan', dir: sharedCouncil('govan'), file: 'govan-2025-06-02-general-meeting-minutes', date: '2025-06-02', member: 'Esme Clark', apologies: 'Marie Davidson, Betty Ross', decision: 'He had therefore written to Mike Dailly at Govan Law Centre' },
  { council: 'govan', dir: sharedCouncil('govan'), file: 'govan-2025-11-03-general-meeting-minutes', date: '2025-11-03', member: 'Danny O’Neill', chair: 'Claire Dickson', apologies: 'Dan Hutchison, Marie Davidson', decision: 'It was agreed for the secretary to write to the members of the committee' },
  { council: 'govan', dir: sharedCouncil('govan'), file: 'govan-2025-12-01-general-meeting-minutes', date: '2025-12-01', member: 'Willie Jones', chair: 'Claire Dickson', apologies: 'Stephen Dornan, Ricky Bell', decision: 'It was agreed to submit an objection in principle' },
  { council: 'govan', dir: sharedCouncil('govan'), file: 'govan-2026-03-02-general-meeting-minutes', date: '2026-03-02', member: 'Willie Jones', chair: 'Claire Dickson', apologies: 'Cllr. Dan Hutchison', decision: 'The minutes from February 2026 were approved by Willie Jones and Madeleine Skeoch.' },
  { council: 'weca', dir: sharedCouncil('weca'), file: 'weca-2026-03-27-joint-committee-agenda-minutes', date: '2026-03-27', apologies: 'Apologies for absence had been', decision: 'The minutes of the meeting held on 30 January 2026 were agreed' },
];

/** Whitespace-free text: a decision quoted over several lines is still its lines' words. */
const squash = (text: string): string => text.replace(/\s+/gu, '');

describe.each(CASES)('$council minutes of $date', (c) => {
  let doc: SourceDocument | undefined;
  let minutes: Minutes | undefined;
  beforeAll(async () => {
    if (!c.dir) return;
    doc = (await councilDocuments(c.dir, c.file))[0];
    minutes = doc ? parsePaperFile(doc).minutes.find((m) => m.meetingDate === c.date) : undefined;
  });
  const test = c.dir ? it : it.skip;
  if (!c.dir) it(`skips: ../shared/councils/${c.council}/papers is absent`, () => undefined);

  test('finds the minutes of the meeting', () => {
    expect(minutes).toBeDefined();
  });

  test('finds who attended', () => {
    if (c.member) expect(minutes?.members).toContain(c.member);
    if (c.chair) expect(minutes?.chair).toBe(c.chair);
  });

  test('finds the apologies as the minutes give them', () => {
    if (c.apologies) expect(minutes?.apologies?.text).toContain(c.apologies);
  });

  test('finds the decision, quoted from the lines it cites', () => {
    const resolutions = minutes?.items.flatMap((i) => i.resolutions) ?? [];
    const found = resolutions.find((r) => squash(r.text).includes(squash(c.decision)));
    expect(found?.text).toBeDefined();
    // Every line of every decision is (part of) one of its cited lines, word for word: a citation never
    // misquotes. Page furniture between them (a running footer) is left out, never made up.
    for (const r of resolutions) {
      const cited = doc!.lines.slice(r.source.lineStart - 1, r.source.lineEnd);
      const misquoted = r.text.split('\n').filter((line) => !cited.some((l) => l.includes(line.trim())));
      expect(misquoted).toEqual([]);
    }
  });
});
