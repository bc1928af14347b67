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
import { PNG_COLOUR_TYPE_RGBA, readPngHeader } from './png';
import { writeZip } from './zip';

/** Used when MicrosoftAppId is empty (local mode): a fixed, obviously fake GUID. */
export const LOCAL_APP_ID = '00000000-0000-4000-8000-00000000c0de';
export const MANIFEST_DIR = path.resolve(__dirname, '..', 'appManifest');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;
const ICONS = { color: { file: 'color.png', size: 192 }, outline: { file: 'outline.png', size: 32 } } as const;

export interface PackageSettings {
  readonly appId: string;
  readonly publicBaseUrl: string;
  readonly outDir?: string;
}

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
  const manifest = fillTemplate(readFileSync(path.join(MANIFEST_DIR, 'manifest.json'), 'utf8'), settings);

  const schemaErrors = await validate(manifest);
  problems.push(...schemaErrors.map((e) => `manifest: schema: ${e}`));
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

function fillTemplate(template: string, settings: PackageSettings): AppManifest {
  const { hostname, host } = new URL(settings.publicBaseUrl);
  const filled = template.replaceAll('{{MicrosoftAppId}}', settings.appId).replaceAll('{{PublicHost}}', host);
  const manifest = JSON.parse(filled) as AppManifest;
  // Citation links open in the browser; Teams only needs the domain when it is public.
  if (['localhost', '127.0.0.1', '[::1]'].includes(hostname)) manifest.validDomains = [];
  // The prompts come from the bot's own examples so the manifest and welcome message agree.
  const commands = EXAMPLE_QUESTIONS.map((q) => ({ title: q.text, description: q.description }));
  const bot = manifest.bots?.[0];
  if (bot) bot.commandLists = (['personal', 'team', 'groupChat'] as const).map((scope) => ({ scopes: [scope], commands }));
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

