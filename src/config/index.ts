export { ConfigError, loadConfig, loadEnvFile, REPO_ROOT } from './config';
export type { BotAuth, Config, FetchingConfig, LogLevel } from './config';
export { makeToday } from './today';
