/**
 * `npm run manifest`: validates the Teams app package offline (Teams schema v1.29 bundled in
 * @microsoft/app-manifest, icon sizes and transparency, ids matching the settings) and writes
 * the flat zip to appManifest/build/. Exits 1 listing every problem.
 */
import path from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { ConfigError, loadConfig } from '../src/config';
import { buildAppPackage, LOCAL_APP_ID } from './appPackage';

async function main(): Promise<void> {
  const config = loadConfig();
  const result = await buildAppPackage({ appId: config.auth?.appId ?? LOCAL_APP_ID, publicBaseUrl: config.publicBaseUrl }, (manifest) =>
    // Offline: the package bundles the v1.29 schema named by $schema.
    AppManifestUtils.validateAgainstSchema(manifest),
  );
  if (result.problems.length > 0) {
    process.stderr.write(`${result.problems.join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  if (!config.auth) process.stdout.write(`MicrosoftAppId is empty: using the local placeholder id ${LOCAL_APP_ID}. Set it before uploading to Teams.\n`);
  process.stdout.write(`manifest valid; wrote ${path.relative(process.cwd(), result.zipPath ?? '')}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
