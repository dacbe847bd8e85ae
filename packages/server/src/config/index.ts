export {
  loadConfig,
  LOG_FORMATS,
  LOG_LEVELS,
  type Config,
  type Environment,
  type LogFormat,
  type LogLevel,
  type NoticeConfig,
} from './load-config.ts';
export { ConfigError, type ConfigIssue } from './config-error.ts';
