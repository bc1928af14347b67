import { appendFileSync, copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { startAnnouncingBot, type AnnouncingBot } from '../helpers/startAnnouncingBot';
import { startStubConnector, type ConnectorCall, type StubConnector } from '../helpers/stubConnector';
import { channelMention, teamsMessage, USER } from '../helpers/teamsActivity';

/** The 27 July 2023 agenda pack, and a small older paper the folder starts with. */
const PACK = '000_73aa9faf505450da.txt';
const OLDER_PAPER = '003_65cc75b47768e268.txt';
const CHANNEL_ROOT = '19:channel@thread.tacv2';

type SentCard = { attachments?: { contentType: string; content: { body: { text?: string; facts?: { title: string; value: string }[] }[]; actions: Record<string, unknown>[] } }[] };

const isCard = (call: ConnectorCall): boolean =>
  call.status === 200 && (call.body as SentCard | undefined)?.attachments?.[0]?.contentType === 'application/vnd.microsoft.card.adaptive';
const isAnnouncementPost = (call: ConnectorCall): boolean => call.method === 'POST' && isCard(call);
const isAnnouncementUpdate = (call: ConnectorCall): boolean => call.method === 'PUT' && isCard(call);
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Issue 5's "done when", against the real server and botbuilder's real serialisation: the bot
 * watches a temp papers folder, and its proactive sends reach a stub Bot Connector.
 */
describe('agenda announcements', () => {
  let papersDir: string;
  let dataDir: string;
  let connector: StubConnector;
  let bot: AnnouncingBot | undefined;

  beforeAll(async () => {
    papersDir = mkdtempSync(path.join(os.tmpdir(), 'papers-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'data-'));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, OLDER_PAPER), path.join(papersDir, OLDER_PAPER));
    connector = await startStubConnector({ sequentialIds: true });
  });
  afterAll(async () => {
    await bot?.close();
    await connector.close();
    rmSync(papersDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (): Promise<AnnouncingBot> =>
    startAnnouncingBot({ papersDir, dataDir, today: '2023-07-01', announcers: [USER.aadObjectId] });

  it('refuses to subscribe a channel for someone who is not an announcer', async () => {
    bot = await start();
    const stranger = { id: '29:stranger', name: 'Someone Else', aadObjectId: '11111111-1111-1111-1111-111111111111' };
    expect(await bot.post(channelMention('subscribe', { from: stranger, serviceUrl: connector.url }))).toBe(200);
    const [reply] = await connector.waitForActivities(1);
    expect((reply?.body as { text: string }).text).toMatch(/only the scrutiny team's announcers can subscribe this channel[\s\S]*ANNOUNCERS/u);
    expect(await bot.store.listSubscriptions()).toEqual([]);
  });

  it('subscribes a channel for an announcer, without posting anything while no pack is out', async () => {
    expect(await bot!.post(channelMention('subscribe', { serviceUrl: connector.url }))).toBe(200);
    const replies = await connector.waitForActivities(2);
    expect((replies[1]?.body as { text: string }).text).toMatch(/^Subscribed\./u);
    const subscriptions = await bot!.store.listSubscriptions();
    // The channel's root, so a card starts its own post rather than replying in the thread.
    expect(subscriptions.map((s) => s.conversationId)).toEqual([CHANNEL_ROOT]);
    await sleep(400);
    expect(connector.calls.filter(isCard)).toEqual([]);
  });

  it('announces a pack dropped into the folder exactly once, with the meeting and its agenda', async () => {
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, PACK), path.join(papersDir, PACK));
    const [post] = await connector.waitForCalls(isAnnouncementPost, 1, 10_000);
    expect(post?.path).toBe(`/v3/conversations/${encodeURIComponent(CHANNEL_ROOT)}/activities`);
    const card = (post?.body as SentCard).attachments![0]!.content;
    const texts = card.body.map((b) => b.text ?? '').join('\n');
    const facts = Object.fromEntries(card.body.flatMap((b) => b.facts ?? []).map((f) => [f.title, f.value]));
    expect(texts).toContain('Children and Young People Scrutiny Panel');
    expect(facts).toMatchObject({ Date: 'Thursday 27 July 2023', Time: '6.00 pm', Venue: 'Committee Room 3 - 3rd Floor - Civic Centre', Chair: 'Qaiser Azeem' });
    expect(texts).toContain('**6** Education, Skills and Employment Strategy — Laura Collings, Head of Policy & Strategy (pages 21–50)');
    expect(card.actions[0]).toEqual({ type: 'Action.OpenUrl', title: 'Open the agenda pack', url: `http://127.0.0.1:3978/papers/${PACK}` });
    const asks = card.actions.filter((a) => a.type === 'Action.Submit');
    expect(asks).toHaveLength(3);
    expect(asks[0]).toMatchObject({ data: { msteams: { type: 'messageBack', text: 'Agenda for the meeting on 27 July 2023' } } });
    // Further scans find nothing new to say.
    await sleep(600);
    expect(connector.calls.filter(isAnnouncementPost)).toHaveLength(1);
  });

  it('updates the same message in place when the pack changes', async () => {
    const [post] = connector.calls.filter(isAnnouncementPost);
    const key = `${bot!.papers.current.corpus.meetings.find((m) => m.date === '2023-07-27')?.canonicalCommittee}|2023-07-27`;
    const activityId = (await bot!.store.findAnnouncement(key, CHANNEL_ROOT))?.activityId;
    expect(activityId).toMatch(/^activity-\d+$/u);
    appendFileSync(path.join(papersDir, PACK), '\nSupplementary: item 10 added.\n');
    const [update] = await connector.waitForCalls(isAnnouncementUpdate, 1, 10_000);
    expect(update?.path).toBe(`${post?.path}/${activityId}`);
    await sleep(600);
    expect(connector.calls.filter(isAnnouncementPost)).toHaveLength(1);
    expect(connector.calls.filter(isAnnouncementUpdate)).toHaveLength(1);
  });

  it('sends nothing more after a restart with the same DATA_DIR', async () => {
    await bot!.close();
    const before = connector.calls.length;
    bot = await start();
    await sleep(800); // start-up catch-up plus a few rescans
    expect(connector.calls.slice(before)).toEqual([]);
    expect(readdirSync(dataDir)).toContain('announcements.json');
  });

  it('posts the card on demand with `announce next meeting`', async () => {
    const before = connector.calls.filter(isCard).length;
    expect(await bot!.post(teamsMessage('announce next meeting', { serviceUrl: connector.url, conversation: { id: 'a:announce-here', conversationType: 'personal', isGroup: false, name: '' } }))).toBe(200);
    const cards = await connector.waitForCalls(isCard, before + 1);
    expect(cards.at(-1)?.path).toMatch(/^\/v3\/conversations\/a%3Aannounce-here\/activities\//u);
    expect(JSON.stringify(cards.at(-1)?.body)).toContain('Thursday 27 July 2023');
  });
});
