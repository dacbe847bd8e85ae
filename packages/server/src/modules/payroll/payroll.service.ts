import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import type { BankReturnSummary } from './import-bank-return.ts';
import { importBankReturn } from './import-bank-return.ts';
import { createPayrollJobRunner } from './payroll-jobs.ts';
import type { PayrollDeps } from './payroll-deps.ts';
import { awardsOnRoll } from './enrol-award.ts';
import type { PayrollRunView, PensionPaymentsView, BankFileView } from './payroll.schemas.ts';
import { readPensionPayments } from './read-payments.ts';
import { getPayrollRun, listPayrollRuns, readBankFile, regionOfBankFile, regionOfRun } from './read-runs.ts';
import { runPayroll, type PayrollRunInput, type PayrollRunResult } from './run-payroll.ts';
import { selectRollsOfPerson } from './roll.repository.ts';

/** The payroll as the app holds it (app.payroll). */
import {
  employerAdvances,
  recordAdvanceRepayment,
  type AdvanceRepaymentInput,
  type EmployerAdvances,
} from './advances.ts';

export interface PayrollService {
  /** Runs the month to the end in this call (the CLI, the demo, tests). */
  run(input: PayrollRunInput): Promise<PayrollRunResult>;
  /** Starts the month in the background (the API); progress is read with `get`. */
  start(
    input: { regionCode: string; period: string },
    startedBy: string,
  ): Promise<{ run: PayrollRunView; started: boolean }>;
  get(runId: number): Promise<PayrollRunView>;
  list(filter: { regionCode: string; beforeId?: number; limit: number }): Promise<PayrollRunView[]>;
  readBankFile(fileId: number): Promise<{ file: BankFileView; regionCode: string; bytes: Buffer }>;
  importBankReturn(input: {
    bankFileId: number;
    content: string;
    importedBy: string;
  }): Promise<BankReturnSummary>;
  paymentsOf(personId: number): Promise<PensionPaymentsView>;
  /** Whether the person has an award on the payroll (the survival verification pages ask). */
  hasAwards(personId: number, db?: Kysely<Database>): Promise<boolean>;
  /** The person's awards on the payroll: the months each runs, and the month it stopped after. */
  awardsOnRoll(personId: number, db?: Kysely<Database>): ReturnType<typeof awardsOnRoll>;
  /** What the work-injury fund advanced for an uninsured employer, and what it repaid (15.22). */
  employerAdvances(employerId: number): Promise<EmployerAdvances>;
  recordAdvanceRepayment(
    employerId: number,
    input: AdvanceRepaymentInput,
    recordedBy: string,
  ): Promise<{ advances: EmployerAdvances; replayed: boolean }>;
  regionOfRun(runId: number): Promise<string | undefined>;
  regionOfBankFile(fileId: number): Promise<string | undefined>;
  /** Waits for the runs started in the background. */
  drain(): Promise<void>;
}

export function createPayrollService(deps: PayrollDeps): PayrollService {
  const jobs = createPayrollJobRunner(deps);
  return {
    run: (input) => runPayroll(deps, input),
    start: (input, startedBy) => jobs.start(input, startedBy),
    get: (runId) => getPayrollRun(deps, runId),
    list: (filter) => listPayrollRuns(deps, filter),
    readBankFile: (fileId) => readBankFile(deps, fileId),
    importBankReturn: (input) => importBankReturn(deps, input),
    paymentsOf: (personId) => readPensionPayments(deps, personId),
    hasAwards: async (personId, db) => (await selectRollsOfPerson(db ?? deps.db, personId)).length > 0,
    awardsOnRoll: (personId, db) => awardsOnRoll(db ?? deps.db, personId),
    employerAdvances: (employerId) => employerAdvances(deps, employerId),
    recordAdvanceRepayment: (employerId, input, recordedBy) =>
      recordAdvanceRepayment(deps, employerId, input, recordedBy),
    regionOfRun: (runId) => regionOfRun(deps, runId),
    regionOfBankFile: (fileId) => regionOfBankFile(deps, fileId),
    drain: () => jobs.drain(),
  };
}
