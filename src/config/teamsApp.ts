/**
 * The settings the Teams app package is built from (`npm run manifest`). Read apart from the bot's
 * settings on purpose: the package needs the app id and the council's names and links, never the
 * client secret, so whoever builds and uploads it need not hold the secret.
 */
export interface TeamsAppSettings {
  /** MicrosoftAppId; null when empty (a local package with a placeholder id). */
  readonly appId: string | null;
  /** PUBLIC_BASE_URL, whose host becomes the manifest's valid domain; null when empty. */
  readonly publicBaseUrl: string | null;
  /** What Teams shows as the app's name (at most 30 characters). */
  readonly shortName: string;
  readonly fullName: string;
  /** The council publishing the app, and its pages: null when unset (the package is then refused). */
  readonly developerName: string | null;
  readonly websiteUrl: string | null;
  readonly privacyUrl: string | null;
  readonly termsUrl: string | null;
}

export const TEAMS_APP_SETTING_NAMES = [
  'TEAMS_APP_NAME',
  'TEAMS_APP_FULL_NAME',
  'TEAMS_APP_DEVELOPER',
  'TEAMS_APP_WEBSITE_URL',
  'TEAMS_APP_PRIVACY_URL',
  'TEAMS_APP_TERMS_URL',
] as const;

const DEFAULT_SHORT_NAME = 'Panel Papers';

export function loadTeamsAppSettings(env: Readonly<Record<string, string | undefined>> = process.env): TeamsAppSettings {
  const text = (key: string): string | null => env[key]?.trim() || null;
  const shortName = text('TEAMS_APP_NAME') ?? DEFAULT_SHORT_NAME;
  return {
    appId: text('MicrosoftAppId'),
    publicBaseUrl: text('PUBLIC_BASE_URL')?.replace(/\/+$/u, '') ?? null,
    shortName,
    fullName: text('TEAMS_APP_FULL_NAME') ?? `${shortName}: committee business from the published papers`,
    developerName: text('TEAMS_APP_DEVELOPER'),
    websiteUrl: text('TEAMS_APP_WEBSITE_URL'),
    privacyUrl: text('TEAMS_APP_PRIVACY_URL'),
    termsUrl: text('TEAMS_APP_TERMS_URL'),
  };
}
