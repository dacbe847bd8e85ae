import type { MedicalDeps } from './medical-deps.ts';
import { settleClaims, type ClaimOutcome, type ClaimSubmission } from './settle-claims.ts';

/*
 * Group commit for real-time settlement (docs/RULES.md 16.3): claims that arrive while a batch is being
 * written wait for the next one, and each batch settles in one transaction, in arrival order. One claim
 * alone is a batch of one and waits for nothing; under load the fixed cost of a transaction (the locks, the
 * commit, the journal's chain head) is shared by every claim in it. Each caller still gets its own answer.
 */

export interface ClaimBatcher {
  submit(submission: ClaimSubmission): Promise<ClaimOutcome>;
  /** Resolves when every claim submitted so far has its answer. */
  drain(): Promise<void>;
}

interface Waiting {
  submission: ClaimSubmission;
  resolve: (outcome: ClaimOutcome) => void;
  reject: (error: unknown) => void;
}

export function createClaimBatcher(deps: MedicalDeps, maxBatch = 256): ClaimBatcher {
  const queue: Waiting[] = [];
  let running: Promise<void> | null = null;

  async function run(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.splice(0, maxBatch);
      try {
        const outcomes = await settleClaims(
          deps,
          batch.map((waiting) => waiting.submission),
        );
        batch.forEach((waiting, index) => waiting.resolve(outcomes[index]!));
      } catch (error) {
        // The batch failed as a whole (another server wrote one of its keys meanwhile, the connection
        // dropped): every claim is tried alone, so that one claim's trouble stays its own.
        if (batch.length === 1) {
          batch[0]!.reject(error);
          continue;
        }
        for (const waiting of batch) {
          try {
            waiting.resolve((await settleClaims(deps, [waiting.submission]))[0]!);
          } catch (alone) {
            waiting.reject(alone);
          }
        }
      }
      // Let the callers just answered send their next claims, so that they join the next batch.
      await new Promise<void>((resume) => setImmediate(resume));
    }
  }

  function schedule(): void {
    if (running) return;
    running = new Promise<void>((done) => setImmediate(done)).then(run).finally(() => {
      running = null;
      // A claim queued after the loop found the queue empty, before this: it starts the next run.
      if (queue.length > 0) schedule();
    });
  }

  return {
    submit(submission) {
      return new Promise<ClaimOutcome>((resolve, reject) => {
        queue.push({ submission, resolve, reject });
        schedule();
      });
    },
    async drain() {
      while (running) await running;
    },
  };
}
