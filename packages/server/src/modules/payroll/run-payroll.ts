import { performance } from 'node:perf_hooks';
import {
  chinaDateOf,
  PAYING_BANK_CODES,
  parsePeriod,
  parseRegionCode,
  periodToIndex,
  postBenefitPayroll,
  postRecoveryClaim,
  postUnemploymentMedicalPremiums,
  regionCodePrefix,
  type Fund,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { insertPostings } from '../ledger/index.ts';
import { insertRunFiles, selectLastLineId, selectRunFiles } from './bank-files.repository.ts';
import { issueBankFiles, reissueReturnedLines } from './issue-bank-files.ts';
import {
  fileKey,
  insertMonthLines,
  insertOneTimeLines,
  selectChunkTotals,
  selectOneTimeTotals,
  type LineTotals,
  type TotalsByFile,
} from './lines.repository.ts';
import type { PayrollDeps } from './payroll-deps.ts';
import { payBackNewAwards } from './pay-back-new-awards.ts';
import { releaseWithheldMonths } from './release-withheld-months.ts';
import { selectFundsToPay, selectRollExtent } from './roll.repository.ts';
import { insertRun, selectRun, selectRunById, updateRun, type RunRow } from './runs.repository.ts';
import { settleAdjustments } from './settle-adjustments.ts';
import { insertChunkPremiums, type PremiumRule } from './premiums.repository.ts';
import { insertAdvanceClaims, type AdvanceStep } from './advance-claims.repository.ts';

/** Awards per transaction: large enough that a million take a few dozen commits, small enough to resume. */
export const PAYROLL_CHUNK_ROLLS = 50_000;

export interface PayrollProgress {
  runId: number;
  step: RunRow['step'];
  rollsTotal: number;
  linesPaid: number;
  linesWithheld: number;
  paidFen: number;
}

export interface PayrollRunInput {
  regionCode: string;
  period: string;
  startedBy: string;
  chunkRolls?: number;
  onProgress?: (progress: PayrollProgress) => void;
  /** Called once the run's row exists (new or resumed), before any work: the job runner answers with it. */
  onClaimed?: (runId: number) => void;
  /** Seconds each step took (the benchmark reports them). */
  onStepDone?: (step: 'release' | 'lines' | 'one-time' | 'reissue' | 'bank-files', seconds: number) => void;
  /** Tests: stop (throw) after this many chunks have committed, as a killed process would. */
  stopAfterChunks?: number;
}

export interface PayrollRunResult extends PayrollProgress {
  /** False when the month had been paid already: nothing was done again. */
  ran: boolean;
}

/**
 * A region's monthly payroll (docs/RULES.md 14.14), set-based and in chunks, each chunk one transaction:
 * the awards' lines written by one INSERT ... SELECT, the arrears and recoveries waiting for them netted in,
 * and the chunk's posting to the pension fund (the pooling fund's expense and the draw on the personal
 * accounts, owed to the payees). Then the one-time payments, then one bank file per paying bank.
 *
 * The run row records the step and the last award done in the same transactions, so a run killed half-way
 * resumes where it stopped when started again, and a month already paid is not paid again.
 */
export async function runPayroll(deps: PayrollDeps, input: PayrollRunInput): Promise<PayrollRunResult> {
  const regionCode = parseRegionCode(input.regionCode, 'regionCode');
  const period = parsePeriod(input.period, 'period');
  const chunkRolls = input.chunkRolls ?? PAYROLL_CHUNK_ROLLS;
  const prefix = regionCodePrefix(regionCode);
  const today = chinaDateOf(deps.clock.now());
  if (periodToIndex(period) > periodToIndex(today.slice(0, 7)) + 1)
    throw new AppError(
      ErrorCode.VALIDATION,
      `period: ${period} is more than a month ahead of today (${today})`,
      {
        field: 'period',
        detailCode: 'period-in-future',
      },
    );

  let run = await claimRun(deps, regionCode, period, input.startedBy);
  input.onClaimed?.(Number(run.id));
  if (run.status === 'done') return { ...progressOf(run), ran: false };
  const runId = Number(run.id);
  const runFiles = await selectRunFiles(deps.db, runId);
  const files = new Map(runFiles.map((file) => [fileKey(file.fund, file.bank_code), Number(file.id)]));
  const fundOfFile = new Map(runFiles.map((file) => [Number(file.id), file.fund]));
  const post = (trx: Kysely<Database>, eventKey: string, byFile: TotalsByFile) =>
    postByFund(trx, { eventKey, regionCode, businessDate: today, now: deps.clock.now() }, byFile, fundOfFile);
  const report = () => input.onProgress?.(progressOf(run));

  let stepStarted = performance.now();
  const stepDone = (step: Parameters<NonNullable<PayrollRunInput['onStepDone']>>[0]) => {
    const at = performance.now();
    input.onStepDone?.(step, (at - stepStarted) / 1000);
    stepStarted = at;
  };
  // The unemployment fund pays the medical premiums of the months of benefit it pays (docs/RULES.md 15.21),
  // where the region has unemployment awards and a rule for them.
  const premiumRule =
    fundOfFile.size && [...fundOfFile.values()].includes('unemployment')
      ? await premiumRuleOf(deps, regionCode, period)
      : null;
  // What the work-injury fund pays for an uninsured employer is claimed from it as it is paid (15.22): the
  // expense is the employer's, owed to the fund.
  const claimAdvances = async (trx: Kysely<Database>, step: AdvanceStep, key: string) => {
    const recordedAt = deps.clock.now().toISOString();
    const claimedFen = await insertAdvanceClaims(trx, runId, step, recordedAt);
    await insertPostings(
      trx,
      postRecoveryClaim(
        { eventKey: `employer-advances:${key}`, businessDate: today, regionCode },
        'work_injury',
        { pooledFen: claimedFen, accountFen: 0 },
      ),
      recordedAt,
    );
  };
  if (run.step === 'lines') {
    await releaseWithheldMonths(deps, prefix);
    await payBackNewAwards(deps, { runId, regionPrefix: prefix, period });
    stepDone('release');
    let chunks = 0;
    while (Number(run.cursor_id) < Number(run.max_roll_id)) {
      const afterId = Number(run.cursor_id);
      const throughId = Math.min(afterId + chunkRolls, Number(run.max_roll_id));
      run = await deps.db.transaction().execute(async (trx) => {
        await insertMonthLines(trx, {
          runId,
          period,
          periodIndex: periodToIndex(period),
          regionPrefix: prefix,
          afterId,
          throughId,
          files,
        });
        await settleAdjustments({ ...deps, db: trx }, { runId, period, afterId, throughId });
        await claimAdvances(trx, { kind: 'month', afterId, throughId }, `${runId}:${throughId}`);
        if (premiumRule) {
          const premiumsFen = await insertChunkPremiums(
            trx,
            { runId, period, afterId, throughId },
            premiumRule,
          );
          await insertPostings(
            trx,
            postUnemploymentMedicalPremiums(
              { eventKey: `payroll-premiums:${runId}:${throughId}`, businessDate: today, regionCode },
              premiumsFen,
            ),
            deps.clock.now().toISOString(),
          );
        }
        const totals = await post(
          trx,
          `payroll:${runId}:${throughId}`,
          await selectChunkTotals(trx, runId, afterId, throughId, period),
        );
        const next = {
          cursor_id: throughId,
          lines_paid: run.lines_paid + totals.paid,
          lines_withheld: run.lines_withheld + totals.withheld,
          paid_fen: Number(run.paid_fen) + totals.pooledFen + totals.accountFen - totals.recoveredFen,
          heartbeat_at: deps.clock.now().toISOString(),
          ...(throughId >= Number(run.max_roll_id) ? { step: 'one-time' as const } : {}),
        };
        await updateRun(trx, runId, next);
        return { ...run, ...next };
      });
      report();
      chunks += 1;
      if (input.stopAfterChunks !== undefined && chunks >= input.stopAfterChunks)
        throw new Error(`payroll run ${runId}: stopped after ${chunks} chunks (as asked)`);
    }
    if (run.step === 'lines') {
      await updateRun(deps.db, runId, { step: 'one-time' });
      run = { ...run, step: 'one-time' };
    }
    stepDone('lines');
  }

  if (run.step === 'one-time') {
    run = await deps.db.transaction().execute(async (trx) => {
      await insertOneTimeLines(trx, { runId, period, regionPrefix: prefix, files });
      await claimAdvances(trx, { kind: 'one-time' }, `${runId}:one-time`);
      const totals = await post(trx, `payroll:${runId}:one-time`, await selectOneTimeTotals(trx, runId));
      const next = {
        step: 'bank-files' as const,
        lines_paid: run.lines_paid + totals.paid,
        paid_fen: Number(run.paid_fen) + totals.pooledFen + totals.accountFen - totals.recoveredFen,
      };
      await updateRun(trx, runId, next);
      return { ...run, ...next };
    });
    report();
    stepDone('one-time');
  }

  if (run.step === 'bank-files') {
    await reissueReturnedLines(deps, prefix, files);
    stepDone('reissue');
    await issueBankFiles(deps, { runId, regionCode, today, firstLineId: Number(run.first_line_id ?? 0) });
    stepDone('bank-files');
    const finished = deps.clock.now().toISOString();
    await updateRun(deps.db, runId, {
      step: 'done',
      status: 'done',
      finished_at: finished,
      heartbeat_at: finished,
    });
    run = { ...run, step: 'done', status: 'done', finished_at: finished };
    report();
  }
  return { ...progressOf(run), ran: true };
}

function progressOf(run: RunRow): PayrollProgress {
  return {
    runId: Number(run.id),
    step: run.step,
    rollsTotal: run.rolls_total,
    linesPaid: run.lines_paid,
    linesWithheld: run.lines_withheld,
    paidFen: Number(run.paid_fen),
  };
}

/**
 * Posts what lines pay to the funds that pay them: each file is one fund's, so the totals of its files are
 * that fund's (withheld lines pay nothing). Returns the totals of all the funds together, for the run's row.
 */
async function postByFund(
  trx: Kysely<Database>,
  context: { eventKey: string; regionCode: string; businessDate: string; now: Date },
  byFile: TotalsByFile,
  fundOfFile: ReadonlyMap<number, Fund>,
): Promise<LineTotals> {
  const byFund = new Map<Fund, LineTotals>();
  const all = emptyTotals();
  for (const [fileId, totals] of byFile) {
    addTotals(all, totals);
    if (fileId === null) continue;
    const fund = fundOfFile.get(fileId);
    if (!fund) throw new Error(`payroll line paid by file ${fileId}, not a file of this run`);
    addTotals(byFund.get(fund) ?? byFund.set(fund, emptyTotals()).get(fund)!, totals);
  }
  for (const [fund, totals] of [...byFund].sort(([a], [b]) => a.localeCompare(b)))
    await insertPostings(
      trx,
      postBenefitPayroll(
        {
          // The pension fund keeps the key it always had, so a run resumed across this change posts once.
          eventKey: fund === 'pension' ? context.eventKey : `${context.eventKey}:${fund}`,
          businessDate: context.businessDate,
          regionCode: context.regionCode,
        },
        fund,
        totals,
      ),
      context.now.toISOString(),
    );
  return all;
}

async function premiumRuleOf(
  deps: PayrollDeps,
  regionCode: string,
  period: string,
): Promise<PremiumRule | null> {
  const found = (await deps.policy.loadBook()).find('unemployment.medicalPremium', { regionCode, period });
  return found ? (found.value as unknown as PremiumRule) : null;
}

function emptyTotals(): LineTotals {
  return { pooledFen: 0, accountFen: 0, recoveredFen: 0, paid: 0, withheld: 0 };
}

function addTotals(into: LineTotals, totals: LineTotals): void {
  into.pooledFen += totals.pooledFen;
  into.accountFen += totals.accountFen;
  into.recoveredFen += totals.recoveredFen;
  into.paid += totals.paid;
  into.withheld += totals.withheld;
}

/**
 * The run of the region's month: a new one with its bank files, or the one started before (to resume or,
 * when done, to leave alone). Two starts at once meet at the unique index; the second takes the first's row.
 */
async function claimRun(
  deps: PayrollDeps,
  regionCode: string,
  period: string,
  startedBy: string,
): Promise<RunRow> {
  const existing = await selectRun(deps.db, regionCode, period);
  if (existing) {
    if (existing.status !== 'done')
      await updateRun(deps.db, Number(existing.id), {
        status: 'running',
        error: null,
        heartbeat_at: deps.clock.now().toISOString(),
      });
    return (await selectRunById(deps.db, Number(existing.id)))!;
  }
  const extent = await selectRollExtent(deps.db, regionCodePrefix(regionCode));
  try {
    const id = await deps.db.transaction().execute(async (trx) => {
      const at = deps.clock.now().toISOString();
      // Every line the run writes comes after this one: its bank files are read in one pass from here.
      const firstLineId = (await selectLastLineId(trx)) + 1;
      const runId = await insertRun(trx, {
        first_line_id: firstLineId,
        region_code: regionCode,
        period,
        status: 'running',
        step: 'lines',
        max_roll_id: extent.maxId,
        rolls_total: extent.count,
        started_by: startedBy,
        started_at: at,
        heartbeat_at: at,
      });
      // A file per paying bank for each fund with something to pay in the region (the pension fund's always).
      const funds = await selectFundsToPay(trx, regionCodePrefix(regionCode));
      await insertRunFiles(
        trx,
        runId,
        funds.flatMap((fund) =>
          PAYING_BANK_CODES.map((bankCode) => ({
            fund,
            bankCode,
            fileName:
              fund === 'pension'
                ? `payroll-${regionCode}-${period}-${bankCode}.csv`
                : `payroll-${regionCode}-${period}-${fund}-${bankCode}.csv`,
          })),
        ),
      );
      return runId;
    });
    return (await selectRunById(deps.db, id))!;
  } catch (error) {
    const winner = await selectRun(deps.db, regionCode, period);
    if (!winner) throw error;
    return winner;
  }
}
