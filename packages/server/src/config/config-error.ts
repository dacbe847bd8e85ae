export interface ConfigIssue {
  /** The environment variable at fault, e.g. "PORT". */
  readonly variable: string;
  readonly reason: string;
}

/** Bad configuration: thrown once at start-up, listing every bad variable at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    super(`Invalid configuration: ${issues.map((it) => `${it.variable}: ${it.reason}`).join('; ')}`);
    this.issues = Object.freeze([...issues]);
  }
}
