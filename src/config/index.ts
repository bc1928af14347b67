export { ConfigError, loadConfig, REPO_ROOT } from './config';
export type { BotAuth, Config, LogLevel } from './config';
export { makeToday } from './today';
