/**
 * Builds the Teams app package: fills appManifest/manifest.json from the settings, validates it
 * (schema via the injected validator, icon sizes and transparency, ids matching) and writes the
 * flat zip. The schema validator is injected because @microsoft/app-manifest pulls in an
 * ESM-only dependency that jest's CommonJS runtime cannot load; scripts/manifest.ts passes it.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { AppManifest } from '@microsoft/app-manifest';
import { EXAMPLE_QUESTIONS } from '../src/bot/examples';
import type { TeamsAppSettings } from '../src/config';
import { PNG_COLOUR_TYPE_RGBA, readPngHeader } from './png';
import { writeZip } from './zip';

/** Used when MicrosoftAppId is empty (local mode): a fixed, obviously fake GUID. */
export const LOCAL_APP_ID = '00000000-0000-4000-8000-00000000c0de';
export const MANIFEST_DIR = path.resolve(__dirname, '..', 'appManifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ICONS = { color: { file: 'color.png', size: 192 }, outline: { file: 'outline.png', size: 32 } } as const;

/** The app's settings (src/config/teamsApp.ts), where the package is written, and never the client secret. */
export interface PackageSettings extends Omit<TeamsAppSettings, 'appId'> {
  readonly appId: string;
  readonly outDir?: string;
}

/** The council's own pages the manifest links, each with the setting that gives it. */
const DEVELOPER_LINKS = [
  ['websiteUrl', 'TEAMS_APP_WEBSITE_URL', "the council's page about the bot"],
  ['privacyUrl', 'TEAMS_APP_PRIVACY_URL', "the council's privacy notice for it"],
  ['termsUrl', 'TEAMS_APP_TERMS_URL', 'its terms of use'],
] as const;
/** Addresses kept for examples and documentation (RFC 2606, RFC 6761): never a council's page. */
const EXAMPLE_HOST = /(^|\.)(example\.(org|com|net)|example|test|invalid|localhost)$/iu;

export interface PackageResult {
  readonly problems: readonly string[];
  readonly manifest: AppManifest;
  /** Set only when there were no problems. */
  readonly zipPath?: string;
}

/** Schema check: an empty list when the manifest is valid. */
export type ManifestValidator = (manifest: AppManifest) => Promise<string[]>;

export async function buildAppPackage(settings: PackageSettings, validate: ManifestValidator): Promise<PackageResult> {
  const problems: string[] = [];
  if (!GUID.test(settings.appId)) problems.push(`manifest: MicrosoftAppId "${settings.appId}" is not a GUID; Teams ids must be GUIDs`);
  const developerProblems = checkDeveloper(settings);
  problems.push(...developerProblems);
  const manifest = fillTemplate(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), settings);

  const schemaErrors = await validate(manifest);
  // A developer link left empty also breaks the schema: say it once, as the setting to fix.
  const consequence = (error: string): boolean => developerProblems.length > 0 && error.startsWith('/developer/');
  problems.push(...schemaErrors.filter((e) => !consequence(e)).map((e) => `manifest: schema: ${e}`));
  problems.push(...checkIds(manifest, settings.appId));
  const icons = Object.values(ICONS).map(({ file, size }) => ({ file, size, bytes: readFileSync(path.join(MANIFEST_DIR, file)) }));
  for (const { file, size, bytes } of icons) problems.push(...checkIcon(file, bytes, size));

  if (problems.length > 0) return { problems, manifest };
  const outDir = settings.outDir ?? path.join(MANIFEST_DIR, 'build');
  mkdirSync(outDir, { recursive: true });
  const manifestJson = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  const zipPath = path.join(outDir, 'panel-papers.zip');
  writeFileSync(path.join(outDir, 'manifest.json'), manifestJson);
  writeFileSync(zipPath, writeZip([{ name: 'manifest.json', data: manifestJson }, ...icons.map(({ file, bytes }) => ({ name: file, data: bytes }))]));
  return { problems, manifest, zipPath };
}

/** The council publishing the app and its pages: set, https, and not an example address. */
function checkDeveloper(settings: PackageSettings): string[] {
  const problems: string[] = [];
  if (!settings.developerName) problems.push("manifest: TEAMS_APP_DEVELOPER is empty: set it to the council's name, which Teams shows as the app's publisher");
  for (const [field, setting, what] of DEVELOPER_LINKS) {
    const value = settings[field];
    if (!value) {
      problems.push(`manifest: ${setting} is empty: set it to ${what}, an https address`);
      continue;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(`manifest: ${setting}=${value} is not an address: set it to ${what}, an https address`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`manifest: ${setting}=${value} is not https: Teams accepts only https links`);
    else if (EXAMPLE_HOST.test(url.hostname)) problems.push(`manifest: ${setting}=${value} is an example address: set it to ${what}`);
  }
  return problems;
}

function fillTemplate(template: string, settings: PackageSettings): AppManifest {
  const base = settings.publicBaseUrl ? new URL(settings.publicBaseUrl) : null;
  const values: Record<string, string> = {
    MicrosoftAppId: settings.appId,
    PublicHost: base?.host ?? '',
    TeamsAppName: settings.shortName,
    TeamsAppFullName: settings.fullName,
    TeamsAppDeveloper: settings.developerName ?? '',
    TeamsAppWebsiteUrl: settings.websiteUrl ?? '',
    TeamsAppPrivacyUrl: settings.privacyUrl ?? '',
    TeamsAppTermsUrl: settings.termsUrl ?? '',
  };
  // Each value is escaped as the inside of a JSON string, so a name with quotes stays valid JSON.
  const filled = template.replace(/\{\{(\w+)\}\}/gu, (whole, key: string) => (key in values ? JSON.stringify(values[key]).slice(1, -1) : whole));
  const manifest = JSON.parse(filled) as AppManifest;
  // Citation links open in the browser; Teams only needs the domain when it is public.
  if (!base || ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname)) manifest.validDomains = [];
  // The menu: the template's commands, then the bot's own example questions, so the manifest and
  // the welcome message agree.
  const examples = EXAMPLE_QUESTIONS.map((q) => ({ title: q.text, description: q.description }));
  for (const list of manifest.bots?.[0]?.commandLists ?? []) list.commands = [...list.commands, ...examples];
  return manifest;
}

function checkIds(manifest: AppManifest, appId: string): string[] {
  const ids = [
    ['id', manifest.id],
    ['bots[0].botId', manifest.bots?.[0]?.botId],
    ['composeExtensions[0].botId', manifest.composeExtensions?.[0]?.botId],
  ] as const;
  return ids.filter(([, value]) => value !== appId).map(([where, value]) => `manifest: ${where} is "${String(value)}", expected MicrosoftAppId "${appId}"`);
}

export function checkIcon(file: string, bytes: Buffer, size: number): string[] {
  const header = readPngHeader(bytes);
  if (!header) return [`manifest: ${file} is not a PNG`];
  const problems: string[] = [];
  if (header.width !== size || header.height !== size) problems.push(`manifest: ${file} is ${header.width}x${header.height}; Teams needs ${size}x${size}`);
  if (file === ICONS.outline.file && header.colourType !== PNG_COLOUR_TYPE_RGBA) {
    problems.push(`manifest: ${file} has PNG colour type ${header.colourType}; the outline icon must be RGBA (type 6), white on transparent`);
  }
  return problems;
}

