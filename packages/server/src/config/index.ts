export { loadConfig, LOG_LEVELS, type Config, type Environment, type LogLevel } from './load-config.ts';
export { ConfigError, type ConfigIssue } from './config-error.ts';
