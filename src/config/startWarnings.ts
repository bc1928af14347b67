import type { Config } from './config';
import { misspeltSettings } from './settingNames';

/** Something in the settings that does not stop the bot but should be fixed: logged at warn at start. */
export interface SettingWarning {
  /** The log event, e.g. setting_misspelt. */
  readonly code: string;
  readonly hint: string;
}

/**
 * Warnings for settings that are allowed but probably wrong: a key that looks like one of ours but
 * is not (it is ignored, so the setting it meant keeps its default), and, in Teams, announcements
 * that anyone may manage.
 */
export function startWarnings(config: Config, env: Readonly<Record<string, string | undefined>>, known: readonly string[]): SettingWarning[] {
  const warnings: SettingWarning[] = misspeltSettings(Object.keys(env), known).map(({ key, likely }) => ({
    code: 'setting_misspelt',
    hint: `${key} is not a setting and is ignored: did you mean ${likely}?`,
  }));
  if (config.auth && config.announcers.length === 0) {
    warnings.push({
      code: 'announcers_empty',
      hint: 'ANNOUNCERS is empty: anyone in a channel or group chat can subscribe it to announcements and post them; set the Entra object ids of the officers who may',
    });
  }
  return warnings;
}
