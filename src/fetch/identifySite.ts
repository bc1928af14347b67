import { readCommitteeList } from './moderngovPages';
import { readCommittees, type ServiceCommittee } from './moderngovXml';
import { FetchError, PoliteClient, type Fetched, type PoliteClientOptions } from './PoliteClient';

/**
 * Whether an address is a ModernGov site, told by what every ModernGov install answers: its web
 * service's committee list (mgWebService.asmx/GetCommittees, XML) or, where the service is off, its
 * committees page (mgListCommittees.aspx, linking mgCommitteeDetails.aspx?ID=...). Anything else is
 * refused before a file is written: a plain web site answers every path with its own page, which
 * would otherwise be saved as committee papers.
 */
export type SiteCheck =
  | {
      readonly kind: 'moderngov';
      /** Every committee the site lists, live or not. */
      readonly committees: readonly ServiceCommittee[];
      /** Why the web service did not answer (the pages are read instead); null when it did. */
      readonly serviceProblem: string | null;
    }
  | { readonly kind: 'refused'; readonly reason: string };

/** What one request came to: the answer, or why not and whether the site answered at all. */
type Outcome = { readonly fetched: Fetched } | { readonly problem: string; readonly reached: boolean };

export async function identifyModernGovSite(client: PoliteClient, base: URL): Promise<SiteCheck> {
  const serviceUrl = new URL('mgWebService.asmx/GetCommittees?lDays=0', base).href;
  const service = await get(client, serviceUrl);
  if ('fetched' in service && isServiceXml(service.fetched)) {
    return { kind: 'moderngov', committees: readCommittees(service.fetched.body.toString('utf8')), serviceProblem: null };
  }
  const pageUrl = new URL('mgListCommittees.aspx', base).href;
  const page = await get(client, pageUrl);
  const listed = 'fetched' in page && page.fetched.status === 200 ? readCommitteeList(page.fetched.body.toString('utf8'), pageUrl) : [];
  const serviceSaid = describe(service, 'no XML');
  if (listed.length > 0) return { kind: 'moderngov', committees: listed.map((c) => ({ ...c, live: true })), serviceProblem: serviceSaid };

  const pageSaid = describe(page, 'no links to mgCommitteeDetails.aspx');
  const reachedAtAll = [service, page].some((o) => 'fetched' in o || o.reached);
  if (!reachedAtAll) return { kind: 'refused', reason: `nothing could be reached at ${base.href} (${pageSaid}); nothing was written` };
  return {
    kind: 'refused',
    reason: `${base.href} is not a ModernGov site: its web service (mgWebService.asmx) gave no committee list (${serviceSaid}) and mgListCommittees.aspx lists no committees (${pageSaid}); nothing was written. Give the site's root, the address before /mgListCommittees.aspx`,
  };
}

/** `npm run fetch-papers -- --list-committees`: the site's committees with their ids, or why there are none. */
export function listModernGovCommittees(baseUrl: string, client: PoliteClientOptions): Promise<SiteCheck> {
  return identifyModernGovSite(new PoliteClient(client), siteBase(baseUrl));
}

/** The site's address as a base for its pages: a path after the host is kept (…/moderngov/). */
export function siteBase(baseUrl: string): URL {
  return new URL(baseUrl.replace(/\/*$/u, '/'));
}

/** The web service answers XML; a site without it answers a web page (or an error) at the same path. */
export function isServiceXml(fetched: Fetched): fetched is Extract<Fetched, { status: 200 }> {
  return fetched.status === 200 && /xml/iu.test(fetched.contentType);
}

async function get(client: PoliteClient, url: string): Promise<Outcome> {
  try {
    return { fetched: await client.get(url) };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return { problem: error.reason, reached: error.status !== undefined };
  }
}

function describe(outcome: Outcome, when200: string): string {
  if ('problem' in outcome) return outcome.problem;
  if (outcome.fetched.status !== 200) return `HTTP ${outcome.fetched.status}`;
  return `HTTP 200, ${outcome.fetched.contentType || 'no content type'}, ${when200}`;
}
