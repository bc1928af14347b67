import { appendFileSync, copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AiMessageEntity } from '../../src/bot/clientCitation';
import { SAMPLE_PAPERS_DIR } from '../helpers/sampleIndex';
import { startAnnouncingBot, type AnnouncingBot } from '../helpers/startAnnouncingBot';
import { startStubConnector, type ConnectorCall, type StubConnector } from '../helpers/stubConnector';
import { teamsMessage } from '../helpers/teamsActivity';

const MATCHING_PAPER = '000_73aa9faf505450da.txt'; // minutes resolving on school exclusions
const OLDER_PAPER = '003_65cc75b47768e268.txt';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const isFollowNote = (call: ConnectorCall): boolean =>
  call.method === 'POST' && call.status === 200 && String((call.body as { text?: string }).text).startsWith('New paper on a topic you follow');

describe('following a topic', () => {
  let papersDir: string;
  let dataDir: string;
  let connector: StubConnector;
  let bot: AnnouncingBot;

  beforeAll(async () => {
    papersDir = mkdtempSync(path.join(os.tmpdir(), 'papers-'));
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'data-'));
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, OLDER_PAPER), path.join(papersDir, OLDER_PAPER));
    connector = await startStubConnector({ sequentialIds: true });
    bot = await startAnnouncingBot({ papersDir, dataDir, today: '2023-07-01' });
  });
  afterAll(async () => {
    await bot.close();
    await connector.close();
    rmSync(papersDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('confirms and lists a followed topic', async () => {
    await bot.post(teamsMessage('follow Exclusions', { serviceUrl: connector.url }));
    await bot.post(teamsMessage('following', { serviceUrl: connector.url }));
    const replies = await connector.waitForActivities(2);
    expect((replies[0]?.body as { text: string }).text).toMatch(/^Following \*\*exclusions\*\*/u);
    expect((replies[1]?.body as { text: string }).text).toBe('Following: **exclusions**. Say `unfollow <topic>` to stop one.');
  });

  it('says nothing for a new paper that does not match', async () => {
    writeFileSync(path.join(papersDir, 'library-hours.txt'), 'Libraries Scrutiny Note\n\nOpening hours for the summer.\n');
    await sleep(800);
    expect(bot.papers.current.lines('library-hours.txt')).toBeDefined();
    expect(connector.calls.filter(isFollowNote)).toEqual([]);
  });

  it('sends one note with citations for a matching paper, and never again for that paper', async () => {
    copyFileSync(path.join(SAMPLE_PAPERS_DIR, MATCHING_PAPER), path.join(papersDir, MATCHING_PAPER));
    const [note] = await connector.waitForCalls(isFollowNote, 1, 10_000);
    const body = note?.body as { text: string; entities: AiMessageEntity[] };
    expect(body.text).toContain('**exclusions**: Resolution, Wednesday 15 March 2023, item 11 School Exclusion and Suspensions [1]');
    expect(body.text).toContain('Work programme: School Exclusion and Suspension (Wednesday 31 January 2024) [2]');
    expect(body.entities[0]?.citation?.map((c) => c.position)).toEqual([1, 2]);
    expect(body.entities[0]?.citation?.[0]?.appearance.url).toMatch(new RegExp(`/papers/${MATCHING_PAPER}\\?lines=`, 'u'));
    // A corrected version of the same paper is not news to this follower.
    appendFileSync(path.join(papersDir, MATCHING_PAPER), '\nCorrection.\n');
    await sleep(900);
    expect(connector.calls.filter(isFollowNote)).toHaveLength(1);
  });
});
