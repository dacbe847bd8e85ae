/** A bad command-line argument: printed as one line naming the argument, exit code 2. */
export class CliUsageError extends Error {
  constructor(
    readonly argument: string,
    reason: string,
  ) {
    super(`${argument}: ${reason}`);
    this.name = 'CliUsageError';
  }
}

export const EXIT_OK = 0;
/** The thing checked is not valid (validate), or a verification found discrepancies. */
export const EXIT_INVALID = 1;
export const EXIT_USAGE = 2;
