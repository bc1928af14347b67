import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type UserTokenClient,
} from 'botframework-connector';

/** Clients kept per kind; Teams uses a handful of service URLs, but in local mode any caller can name one. */
const MAX_REUSED_CLIENTS = 64;

/**
 * CloudAdapter builds a ConnectorClient and a UserTokenClient, each with its own HTTP pipeline,
 * for every activity: measured at about 0.25 ms of CPU and 110 KB of garbage a turn. The clients
 * hold no per-turn state (tokens live in botframework-connector's global token cache), so one per
 * app id, service URL and audience serves every turn.
 */
export class ReusedClientsAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly userTokens = new Map<string, Promise<UserTokenClient>>();

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: new ReusedConnectorFactory(appIdOf(result.claimsIdentity), result.connectorFactory, this.connectors) };
  }

  /** Proactive messages (announcements) get their factory here. */
  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new ReusedConnectorFactory(appIdOf(claimsIdentity), super.createConnectorFactory(claimsIdentity), this.connectors);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return remember(this.userTokens, appIdOf(claimsIdentity), () => super.createUserTokenClient(claimsIdentity));
  }
}

/** Hands out the client made earlier for the same app id, service URL and audience. */
class ReusedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string,
    private readonly factory: ConnectorFactory,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return remember(this.clients, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.factory.create(serviceUrl, audience));
  }
}

/** The app id botframework-connector makes a turn's clients for (as its internal getAppId does). */
function appIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}

function remember<T>(cache: Map<string, Promise<T>>, key: string, create: () => Promise<T>): Promise<T> {
  const known = cache.get(key);
  if (known) return known;
  if (cache.size >= MAX_REUSED_CLIENTS) cache.clear();
  const created = create();
  cache.set(key, created);
  // A failed creation is forgotten so the next turn tries again; the caller sees the failure through `created`.
  void created.catch(() => {
    if (cache.get(key) === created) cache.delete(key);
  });
  return created;
}
