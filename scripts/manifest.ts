/**
 * `npm run manifest`: validates the Teams app package offline (Teams schema v1.29 bundled in
 * @microsoft/app-manifest, icon sizes and transparency, ids matching the settings, the council's
 * name and https links that are not example addresses) and writes the flat zip to
 * appManifest/build/. Reads only the app id, PUBLIC_BASE_URL and the TEAMS_APP_* settings: the
 * client secret is not needed. Exits 1 listing every problem.
 */
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ConfigError, loadEnvFile, loadTeamsAppSettings } from '../src/config';
import { buildAppPackage, LOCAL_APP_ID } from './appPackage';

async function main(): Promise<void> {
  loadEnvFile();
  const settings = loadTeamsAppSettings();
  const result = await buildAppPackage({ ...settings, appId: settings.appId ?? LOCAL_APP_ID }, (manifest) =>
    // Offline: the package bundles the v1.29 schema named by $schema.
    AppManifestUtils.validateAgainstSchema(manifest),
  );
  if (result.problems.length > 0) {
    process.stderr.write(`${result.problems.join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  if (!settings.appId) process.stdout.write(`MicrosoftAppId is empty: using the local placeholder id ${LOCAL_APP_ID}. Set it before uploading to Teams.\n`);
  process.stdout.write(`manifest valid; wrote ${path.relative(process.cwd(), result.zipPath ?? '')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
