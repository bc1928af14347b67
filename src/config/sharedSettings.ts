import { createHash } from 'node:crypto';
import type { SettingWarning } from './startWarnings';

/** The one StateStore method this check uses (src/state has it); config imports no stage. */
export interface SettingsRecords {
  update(collection: string, key: string, change: (current: unknown) => unknown): Promise<{ readonly before: unknown }>;
}

/** What instances sharing one database must agree on. */
export interface SharedSettings {
  readonly publicBaseUrl: string;
  /** The paper link secret; null when links are not signed (view off). */
  readonly linkSecret: string | null;
}

interface Fingerprint {
  readonly publicBaseUrl: string;
  /** A short hash of the secret, never the secret itself. */
  readonly linkSecret: string | null;
}

const COLLECTION = 'instance-settings';
const KEY = 'last-started';

/**
 * Instances behind one load balancer share DATABASE_URL; each records what it runs with at start
 * and compares it with what the instance started before it recorded. A difference is a warning,
 * not a refusal: during a rolling change of the secret or the address the instances differ for a
 * while, rightly. Different secrets make each refuse the other's links; different addresses send
 * users to one instance's own address.
 */
export async function compareSharedSettings(records: SettingsRecords, mine: SharedSettings): Promise<SettingWarning[]> {
  const fingerprint: Fingerprint = { publicBaseUrl: mine.publicBaseUrl, linkSecret: mine.linkSecret === null ? null : hashOf(mine.linkSecret) };
  const { before } = await records.update(COLLECTION, KEY, () => fingerprint);
  if (!isFingerprint(before)) return [];
  const warnings: SettingWarning[] = [];
  if (before.publicBaseUrl !== fingerprint.publicBaseUrl) {
    warnings.push({
      code: 'shared_setting_differs',
      hint: `PUBLIC_BASE_URL is ${fingerprint.publicBaseUrl} here but was ${before.publicBaseUrl} on the instance started before this one (same DATABASE_URL): give every instance the load balancer's address`,
    });
  }
  if (before.linkSecret !== fingerprint.linkSecret) {
    warnings.push({
      code: 'shared_setting_differs',
      hint: 'PAPER_LINK_SECRET (or PAPERS_VIEW) differs from the instance started before this one (same DATABASE_URL): each refuses the paper links the other signed; set the same on every instance',
    });
  }
  return warnings;
}

function hashOf(secret: string): string {
  return createHash('sha256').update(`panel-papers paper link secret\n${secret}`).digest('hex').slice(0, 16);
}

function isFingerprint(value: unknown): value is Fingerprint {
  return typeof value === 'object' && value !== null && typeof (value as Fingerprint).publicBaseUrl === 'string';
}
