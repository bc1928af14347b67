import type { Activity } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity } from 'botframework-connector';
import { ReusedClientsAuthentication } from '../../src/server/ReusedClientsAuthentication';
import { teamsMessage } from '../helpers/teamsActivity';

describe('ReusedClientsAuthentication', () => {
  // Local mode (no app id): botbuilder's anonymous claims, as in startServer without credentials.
  const authenticate = (auth: ReusedClientsAuthentication, serviceUrl = 'http://127.0.0.1:1') =>
    auth.authenticateRequest(teamsMessage('hello', { serviceUrl }) as Activity, '');

  it('gives every turn for one service URL the same connector client', async () => {
    const auth = new ReusedClientsAuthentication({});
    const first = await authenticate(auth);
    const second = await authenticate(auth);
    const client = await first.connectorFactory?.create('http://127.0.0.1:1', first.audience);
    expect(client).toBeDefined();
    expect(await second.connectorFactory?.create('http://127.0.0.1:1', second.audience)).toBe(client);
    // Proactive sends build their factory another way; they share the same clients.
    expect(await auth.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:1', first.audience)).toBe(client);
  });

  it('keeps clients for different service URLs apart', async () => {
    const auth = new ReusedClientsAuthentication({});
    const { connectorFactory, audience } = await authenticate(auth);
    const here = await connectorFactory?.create('http://127.0.0.1:1', audience);
    const there = await connectorFactory?.create('http://127.0.0.1:2', audience);
    expect(there).not.toBe(here);
  });

  it('forgets a client it could not make, so the next turn tries again', async () => {
    const auth = new ReusedClientsAuthentication({ MicrosoftAppId: 'our-app', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' });
    // Credentials for another app's id are refused by botframework-connector.
    const factory = auth.createConnectorFactory(new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: 'another-app' }], true));
    const first = factory.create('http://127.0.0.1:1');
    await expect(first).rejects.toThrow('Invalid appId.');
    const second = factory.create('http://127.0.0.1:1');
    expect(second).not.toBe(first);
    await expect(second).rejects.toThrow('Invalid appId.');
  });

  it('reuses the user token client', async () => {
    const auth = new ReusedClientsAuthentication({});
    const { claimsIdentity } = await authenticate(auth);
    expect(await auth.createUserTokenClient(claimsIdentity)).toBe(await auth.createUserTokenClient(claimsIdentity));
  });
});
