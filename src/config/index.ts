export { ConfigError, loadConfig, loadEnvFile, REPO_ROOT, SETTING_NAMES } from './config';
export type { BotAuth, Config, FetchingConfig, LogLevel } from './config';
export { startWarnings, type SettingWarning } from './startWarnings';
export { loadTeamsAppSettings, TEAMS_APP_SETTING_NAMES, type TeamsAppSettings } from './teamsApp';
export { makeToday } from './today';
export { compareSharedSettings, type SettingsRecords, type SharedSettings } from './sharedSettings';
