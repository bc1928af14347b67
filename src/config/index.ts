export { ConfigError, loadConfig, loadEnvFile, REPO_ROOT } from './config';
export type { BotAuth, Config, LogLevel } from './config';
export { makeToday } from './today';
