import { startHostileServer, type HostileServer } from './hostileServer';

/** One user following topic after topic: capped, with a polite reply, and `following` stays short. */
describe('follows per user', () => {
  let server: HostileServer;

  beforeAll(async () => {
    server = await startHostileServer();
  });
  afterAll(async () => {
    await server.close();
  });

  const text = (replies: unknown[]): string => (replies[0] as { text: string }).text;

  it('stops at the cap with a polite reply, keeping the follows made', async () => {
    for (let n = 1; n <= 50; n += 1) expect(text(await server.ask(`follow topic number ${n} ${'x'.repeat(40)}`, 'a:follower'))).toMatch(/^Following \*\*/u);
    const refused = text(await server.ask('follow one topic too many', 'a:follower'));
    expect(refused).toMatch(/^Sorry, this chat already follows 50 topics.*`unfollow <topic>`/u);
    expect(text(await server.ask('follow topic number 7 ' + 'x'.repeat(40), 'a:follower'))).toMatch(/^Already following/u);
    const following = text(await server.ask('following', 'a:follower'));
    expect(following.match(/\*\*topic number/gu)).toHaveLength(50);
    expect(following).not.toContain('one topic too many');
    expect(following.length).toBeLessThan(6_000);
    expect(text(await server.ask('unfollow topic number 1 ' + 'x'.repeat(40), 'a:follower'))).toMatch(/^Stopped following/u);
    expect(text(await server.ask('follow one topic too many', 'a:follower'))).toMatch(/^Following \*\*one topic too many/u);
  }, 30_000);
});
