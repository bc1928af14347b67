import { misspeltSettings } from './settingNames';

/**
 * What a bot reachable from Teams (an app id is set) must not run without, because the local
 * defaults would serve it wrongly and silently: the bundled sample papers instead of the council's,
 * and citation links to http://localhost that no Teams user can open. One line a problem, each with
 * its fix; a misspelt key that was meant for the missing setting is named.
 */
export function productionProblems(settings: ProductionSettings, env: Readonly<Record<string, string | undefined>>, known: readonly string[]): string[] {
  if (!settings.appId) return [];
  const present = Object.keys(env).filter((key) => env[key]?.trim());
  const misspelt = misspeltSettings(present, known);
  const meant = (name: string): string => {
    const keys = misspelt.filter((m) => m.likely === name).map((m) => m.key);
    return keys.length > 0 ? ` (${keys.join(', ')} is set: did you mean ${name}?)` : '';
  };
  const problems: string[] = [];
  if (!settings.papersDir) {
    problems.push(`MicrosoftAppId is set but PAPERS_DIR is empty: the bot would answer from the bundled sample papers; set PAPERS_DIR to the council's papers folder${meant('PAPERS_DIR')}`);
  }
  if (!settings.publicBaseUrl) {
    problems.push(`MicrosoftAppId is set but PUBLIC_BASE_URL is empty: every paper link would point at this machine's own address; set PUBLIC_BASE_URL to the HTTPS address Teams users reach, e.g. https://panelpapers.council.gov.uk${meant('PUBLIC_BASE_URL')}`);
  }
  // Instances sharing one database serve each other's users: a link signed by one is opened from
  // another, so they must sign with the same secret (a generated one differs per instance).
  if (settings.sharedState && settings.paperView !== 'off' && !settings.paperLinkSecret) {
    problems.push('DATABASE_URL is set (two or more instances) but PAPER_LINK_SECRET is empty: each instance would sign paper links with its own secret and refuse the others\'; set the same PAPER_LINK_SECRET on every instance (`openssl rand -base64 32`)');
  }
  return problems;
}

export interface ProductionSettings {
  readonly appId: string | undefined;
  readonly papersDir: string | undefined;
  readonly publicBaseUrl: string | undefined;
  readonly sharedState: boolean;
  readonly paperView: 'on' | 'off' | undefined;
  readonly paperLinkSecret: string | undefined;
}
