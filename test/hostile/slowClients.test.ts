import net from 'node:net';
import { startHostileServer, type HostileServer } from './hostileServer';

/**
 * Clients that send a request a byte at a time: each connection is closed once its headers or body
 * are late, and the bot answers everyone else meanwhile. Timeouts are shortened for the test.
 */
const TIMEOUTS = { headersMs: 300, bodyMs: 500 };

/** Opens a connection, writes `start`, then a byte every 100 ms; resolves with how long until the server closed it. */
function dribble(url: string, start: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const opened = Date.now();
    const socket = net.connect(Number(port), hostname, () => socket.write(start));
    const drip = setInterval(() => socket.writable && socket.write('a'), 100);
    const giveUp = setTimeout(() => {
      clearInterval(drip);
      socket.destroy();
      reject(new Error('the server kept a dribbling connection open for 5 s'));
    }, 5_000);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(drip);
      clearTimeout(giveUp);
      resolve(Date.now() - opened);
    });
  });
}

describe('slow clients', () => {
  let server: HostileServer;

  beforeAll(async () => {
    server = await startHostileServer({ requestTimeouts: TIMEOUTS });
  });
  afterAll(async () => {
    await server.close();
  });

  it('closes a connection whose headers never finish', async () => {
    const closedAfter = dribble(server.url, 'POST /api/messages HTTP/1.1\r\nHost: x\r\nX-Slow: ');
    await expect(closedAfter).resolves.toBeLessThan(2_000);
  });

  it('closes a connection whose body never finishes, answering others meanwhile', async () => {
    const closedAfter = dribble(server.url, 'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"type":"');
    const livez = await server.send('GET', '/livez');
    expect(livez.status).toBe(200);
    await expect(closedAfter).resolves.toBeLessThan(2_000);
    expect(server.logs.some((l) => l.event === 'request_body_timeout')).toBe(true);
  });
});
