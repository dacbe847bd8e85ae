export {
  loadConfig,
  LOG_FORMATS,
  LOG_LEVELS,
  type Config,
  type Environment,
  type LogFormat,
  type LogLevel,
} from './load-config.ts';
export { ConfigError, type ConfigIssue } from './config-error.ts';
