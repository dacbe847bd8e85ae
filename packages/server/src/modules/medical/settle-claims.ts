import { createHash } from 'node:crypto';
import {
  addDays,
  chinaDateOf,
  dateToPeriod,
  medicalBenefitRuleOf,
  PolicyMissingError,
  postMedicalClaim,
  schemeOfPersonType,
  settleClaim,
  type ClaimSettlement,
  type MedicalLedger,
  type Posting,
} from '@shebao/domain';
import type { MedicalClaimItemsTable } from '../../db/schema.ts';
import { AppError, ErrorCode } from '../../errors/index.ts';
import {
  insertMedicalAccountEntries,
  selectMedicalBalances,
  type MedicalAccountEntry,
} from '../accounts/index.ts';
import { insertPostings } from '../ledger/index.ts';
import type { ClaimInput, ClaimView } from './claims.schemas.ts';
import { insertClaimItems, insertClaims, selectClaimsByKeys, type NewClaimRow } from './claims.repository.ts';
import { claimRequestHash } from './claim-request-hash.ts';
import { claimViewOf, claimViews, type StoredExplanation } from './claim-views.ts';
import { decideCoverage } from './coverage.ts';
import { gatherPatients, type Patient } from './gather-patients.ts';
import {
  agreementStanding,
  loadInstitutions,
  type InstitutionWithAgreements,
} from './institution-standing.ts';
import type { MedicalDeps } from './medical-deps.ts';
import { lockYearTotals, personYearKey, writeYearTotals, type YearTotals } from './year-totals.repository.ts';

/*
 * Real-time settlement of claims (docs/RULES.md 16.3), a batch at a time: the claims that arrive together
 * (claim-batcher.ts) settle in one transaction, in the order they came, against the persons' year totals
 * locked for the batch. Every claim has its own answer: settled, replayed (its idempotency key came
 * before) or refused with its reason; one claim's refusal never touches another.
 */

export interface ClaimSubmission {
  input: ClaimInput;
  idempotencyKey: string;
  recordedBy: string;
}

export type ClaimOutcome = { claim: ClaimView; replayed: boolean } | { error: AppError };

/** How far back a visit may be settled: a claim belongs to the days around the visit. */
const OLDEST_VISIT_DAYS = 365;

interface Settled {
  index: number;
  submission: ClaimSubmission;
  institution: InstitutionWithAgreements;
  patient: Patient;
  holder: Patient | null;
  ledger: MedicalLedger;
  settlement: ClaimSettlement;
  stored: StoredExplanation;
  row: NewClaimRow;
}

export async function settleClaims(
  deps: MedicalDeps,
  submissions: readonly ClaimSubmission[],
): Promise<ClaimOutcome[]> {
  const now = deps.clock.now();
  const today = chinaDateOf(now);
  const recordedAt = now.toISOString();
  const book = await deps.policy.loadBook();
  return deps.db.transaction().execute(async (trx) => {
    const outcomes: (ClaimOutcome | undefined)[] = new Array(submissions.length);
    const refuse = (index: number, error: AppError) => (outcomes[index] = { error });
    const hashes = submissions.map((submission) => claimRequestHash(submission.input));
    const oldestVisit = addDays(today, -OLDEST_VISIT_DAYS);

    submissions.forEach((submission, index) => {
      const problem = checkDates(submission.input, today, oldestVisit);
      if (problem) refuse(index, problem);
    });

    // Keys already used: the same request is answered as first settled; another request is a conflict.
    const replays = new Map<number, number>();
    /** A request sent twice within one batch: answered as its first copy is. */
    const repeats = new Map<number, number>();
    const firstOfKey = new Map<string, number>();
    const keyOf = (institutionId: number, idempotencyKey: string) => `${institutionId}|${idempotencyKey}`;
    const known = await selectClaimsByKeys(
      trx,
      submissions.map((s) => ({ institutionId: s.input.institutionId, idempotencyKey: s.idempotencyKey })),
    );
    const byKey = new Map(known.map((row) => [keyOf(Number(row.institution_id), row.idempotency_key), row]));
    submissions.forEach((s, index) => {
      const dedupe = keyOf(s.input.institutionId, s.idempotencyKey);
      const earlier = byKey.get(dedupe);
      if (earlier) {
        outcomes[index] = undefined;
        if (earlier.request_hash !== hashes[index]) refuse(index, keyReused());
        else replays.set(index, Number(earlier.id));
        return;
      }
      const first = firstOfKey.get(dedupe);
      if (first === undefined) firstOfKey.set(dedupe, index);
      else if (hashes[first] === hashes[index]) repeats.set(index, first);
      else refuse(index, keyReused());
    });

    const institutions = await loadInstitutions(trx, [
      ...new Set(submissions.map((s) => s.input.institutionId)),
    ]);
    // (Loops rather than flatMap, here and below: V8's flatMap costs about a microsecond an element.)
    const idNumbers: string[] = [];
    for (const { input } of submissions) {
      idNumbers.push(input.idNumber.toUpperCase());
      if (input.accountHolderIdNumber) idNumbers.push(input.accountHolderIdNumber.toUpperCase());
    }
    const visits = submissions.map((s) => s.input.visitDate);
    const patients = await gatherPatients(trx, book, idNumbers, visits);

    // The year rows this batch may change, locked before anything is computed from them.
    const pending = submissions
      .map((submission, index) => ({ submission, index }))
      .filter(({ index }) => outcomes[index] === undefined && !replays.has(index) && !repeats.has(index));
    const personYears: { personId: number; year: number }[] = [];
    for (const { submission } of pending) {
      const year = Number(submission.input.visitDate.slice(0, 4));
      for (const idNumber of [submission.input.idNumber, submission.input.accountHolderIdNumber]) {
        const patient = idNumber ? patients.byIdNumber.get(idNumber.toUpperCase()) : undefined;
        if (patient) personYears.push({ personId: patient.id, year });
      }
    }
    const years = await lockYearTotals(trx, personYears);
    const balances = await selectMedicalBalances(trx, [...new Set(personYears.map((row) => row.personId))]);

    const settled: Settled[] = [];
    for (const { submission, index } of pending) {
      try {
        settled.push(
          settleOne(
            submission,
            index,
            { institutions, patients, years, balances, book, today, recordedAt },
            hashes[index]!,
          ),
        );
      } catch (error) {
        refuse(index, asAppError(error));
      }
    }

    const ids = await insertClaims(
      trx,
      settled.map((claim) => claim.row),
    );
    const items: MedicalClaimItemsTable[] = [];
    settled.forEach((claim, n) =>
      claim.submission.input.items.forEach((input, line) => {
        const item = itemOf(input);
        items.push({
          claim_id: ids[n]!,
          line_no: line + 1,
          code: item.code,
          name: item.name,
          item_class: item.itemClass,
          quantity: item.quantity,
          amount_fen: item.amountFen,
          self_pay_share_ppm: item.selfPaySharePpm,
        });
      }),
    );
    await insertClaimItems(trx, items);
    const spending: MedicalAccountEntry[] = [];
    const postings: Posting[] = [];
    settled.forEach((claim, n) => {
      if (claim.settlement.accountFen > 0)
        spending.push({
          personId: (claim.holder ?? claim.patient).id,
          regionCode: (claim.holder ?? claim.patient).regionCode,
          kind: 'medical-spending',
          period: dateToPeriod(today),
          medicalFen: -claim.settlement.accountFen,
          medicalClaimId: ids[n]!,
        });
      postings.push(
        ...postMedicalClaim(
          {
            eventKey: `medical-claim:${claim.row.claim_no}`,
            businessDate: today,
            regionCode: claim.row.region_code,
          },
          claim.ledger,
          { pooledFen: claim.settlement.pooledFen, accountFen: claim.settlement.accountFen },
        ),
      );
    });
    await insertMedicalAccountEntries(trx, spending);
    const touched = new Set<number>();
    for (const claim of settled) {
      touched.add(claim.patient.id);
      if (claim.holder) touched.add(claim.holder.id);
    }
    await writeYearTotals(
      trx,
      [...years.values()].filter((row) => touched.has(row.personId)),
    );
    await insertPostings(trx, postings, recordedAt);

    // The answers of the claims settled now come from what settling them made; replays are read back.
    settled.forEach((claim) => (outcomes[claim.index] = { claim: viewOfSettled(claim), replayed: false }));
    const views =
      replays.size > 0 ? await claimViews(trx, [...replays.values()]) : new Map<number, ClaimView>();
    for (const [index, claimId] of replays) outcomes[index] = { claim: views.get(claimId)!, replayed: true };
    for (const [index, first] of repeats) {
      const answer = outcomes[first]!;
      outcomes[index] = 'error' in answer ? answer : { claim: answer.claim, replayed: true };
    }
    return outcomes.map((outcome) => outcome!);
  });
}

interface BatchContext {
  institutions: Map<number, InstitutionWithAgreements>;
  patients: Awaited<ReturnType<typeof gatherPatients>>;
  years: Map<string, YearTotals>;
  balances: Map<number, number>;
  book: Awaited<ReturnType<MedicalDeps['policy']['loadBook']>>;
  today: string;
  recordedAt: string;
}

/** One claim of the batch: its checks, its settlement against the running totals, its row. */
function settleOne(
  submission: ClaimSubmission,
  index: number,
  context: BatchContext,
  requestHash: string,
): Settled {
  const { input } = submission;
  const institution = context.institutions.get(input.institutionId);
  if (!institution)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `institutionId: no designated institution has id ${input.institutionId}`,
      {
        field: 'institutionId',
      },
    );
  const standing = agreementStanding(institution, input.kind, input.visitDate, context.today);
  if (!standing.ok)
    throw new AppError(ErrorCode.RULE_VIOLATION, standing.reason, {
      detailCode: standing.detailCode,
      field: 'institutionId',
    });
  const patient = context.patients.byIdNumber.get(input.idNumber.toUpperCase());
  if (!patient)
    throw new AppError(ErrorCode.NOT_FOUND, 'idNumber: no insured person has this identity number', {
      field: 'idNumber',
    });
  const coverage = decideCoverage(
    context.patients.factsOf(patient, input.visitDate),
    input.visitDate,
    context.today,
  );
  if (!coverage.covered)
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      `idNumber: ${coverage.reason} (${coverage.sources.join('; ')})`,
      {
        field: 'idNumber',
        detailCode: coverage.detailCode,
      },
    );

  const period = dateToPeriod(input.visitDate);
  const holder = accountHolder(input, patient, context);
  const scheme = schemeOfPersonType(coverage.personType);
  let rule;
  try {
    rule = medicalBenefitRuleOf(context.book, scheme, { regionCode: patient.regionCode, period });
  } catch (error) {
    if (error instanceof PolicyMissingError)
      throw new AppError(
        ErrorCode.POLICY_MISSING,
        `the region ${patient.regionCode} has no ${scheme} medical rule for ${period}`,
      );
    throw error;
  }
  const year = Number(input.visitDate.slice(0, 4));
  const own = context.years.get(personYearKey(patient.id, year))!;
  const payer = holder ?? patient;
  const balanceFen = input.useAccount && scheme === 'employee' ? (context.balances.get(payer.id) ?? 0) : 0;
  const settlement = settleClaim({
    kind: input.kind,
    institutionLevel: institution.level as 1 | 2 | 3 | null,
    personType: coverage.personType,
    items: input.items,
    yearToDate: own.totals,
    account: { use: input.useAccount && scheme === 'employee', balanceFen: Math.max(0, balanceFen) },
    rule,
  });
  own.totals = settlement.yearAfter;
  own.claims += 1;
  if (settlement.accountFen > 0) context.balances.set(payer.id, balanceFen - settlement.accountFen);

  const stored: StoredExplanation = {
    explanation: settlement.explanation,
    coverage: coverage.basis,
    scheme,
    year: {
      year,
      deductibleUsedFen: settlement.yearAfter.deductibleUsedFen,
      pooledFen: settlement.yearAfter.pooledFen,
      annualCapLeftFen: settlement.annualCapLeftFen,
      lineCapLeftFen: settlement.lineCapLeftFen,
    },
    ...(holder ? { accountHolderRelation: input.accountHolderRelation! } : {}),
  };
  const claimNo = `MC${context.today.replaceAll('-', '')}${createHash('sha256')
    .update(`${institution.id}|${submission.idempotencyKey}`)
    .digest('hex')
    .slice(0, 12)
    .toUpperCase()}`;
  const ledger: MedicalLedger = scheme === 'resident' ? 'residents_medical' : 'medical';
  return {
    index,
    submission,
    institution,
    patient,
    holder,
    ledger,
    settlement,
    stored,
    row: {
      claim_no: claimNo,
      institution_id: institution.id,
      person_id: patient.id,
      account_person_id: settlement.accountFen > 0 ? payer.id : null,
      region_code: patient.regionCode,
      ledger,
      idempotency_key: submission.idempotencyKey,
      request_hash: requestHash,
      kind: input.kind,
      visit_date: input.visitDate,
      discharge_date: input.dischargeDate ?? null,
      department: input.department ?? null,
      diagnosis: input.diagnosis ?? null,
      person_type: coverage.personType,
      line: settlement.line,
      total_fen: settlement.totalFen,
      not_covered_fen: settlement.notCoveredFen,
      part_self_pay_fen: settlement.partSelfPayFen,
      policy_range_fen: settlement.policyRangeFen,
      deductible_fen: settlement.deductibleFen,
      coinsurance_fen: settlement.coinsuranceFen,
      over_cap_fen: settlement.overCapFen,
      pooled_fen: settlement.pooledFen,
      account_fen: settlement.accountFen,
      cash_fen: settlement.cashFen,
      explanation: JSON.stringify(stored),
      settled_on: context.today,
      recorded_by: submission.recordedBy,
      recorded_at: context.recordedAt,
    },
  };
}

/** The answer to a claim settled in this batch, as claimViews would read it back. */
function viewOfSettled(claim: Settled): ClaimView {
  const { row, settlement, submission, patient, institution } = claim;
  const payer = claim.holder ?? patient;
  return claimViewOf({
    claimNo: row.claim_no,
    kind: row.kind,
    visitDate: row.visit_date,
    dischargeDate: row.discharge_date ?? null,
    personType: row.person_type,
    line: row.line ?? null,
    amounts: {
      totalFen: settlement.totalFen,
      notCoveredFen: settlement.notCoveredFen,
      partSelfPayFen: settlement.partSelfPayFen,
      policyRangeFen: settlement.policyRangeFen,
      deductibleFen: settlement.deductibleFen,
      coinsuranceFen: settlement.coinsuranceFen,
      overCapFen: settlement.overCapFen,
      pooledFen: settlement.pooledFen,
      accountFen: settlement.accountFen,
      cashFen: settlement.cashFen,
    },
    settledOn: row.settled_on,
    stored: claim.stored,
    person: { id: patient.id, name: patient.name, idNumber: patient.idNumber },
    institution: { id: institution.id, code: institution.code, name: institution.name },
    accountHolder: row.account_person_id === null ? null : { id: payer.id, idNumber: payer.idNumber },
    items: submission.input.items.map(itemOf),
    cancellation: null,
  });
}

/** An item as stored and shown: a self-pay share only on a part-covered item. */
function itemOf(item: ClaimInput['items'][number]) {
  return {
    code: item.code,
    name: item.name,
    itemClass: item.itemClass,
    quantity: item.quantity,
    amountFen: item.amountFen,
    selfPaySharePpm: item.itemClass === 'part' ? (item.selfPaySharePpm ?? 0) : 0,
  };
}

/** A close relative's account, where the claim names one and the region allows it (GBF-2021-14). */
function accountHolder(input: ClaimInput, patient: Patient, context: BatchContext): Patient | null {
  if (!input.accountHolderIdNumber) return null;
  if (!input.useAccount)
    throw new AppError(
      ErrorCode.VALIDATION,
      'accountHolderIdNumber: name an account holder only when the account pays',
      {
        field: 'accountHolderIdNumber',
      },
    );
  if (!input.accountHolderRelation)
    throw new AppError(
      ErrorCode.VALIDATION,
      'accountHolderRelation: say how the holder is related to the patient',
      {
        field: 'accountHolderRelation',
      },
    );
  const holder = context.patients.byIdNumber.get(input.accountHolderIdNumber.toUpperCase());
  if (!holder)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      'accountHolderIdNumber: no insured person has this identity number',
      {
        field: 'accountHolderIdNumber',
      },
    );
  if (holder.id === patient.id) return null;
  const allowed = context.book.find<number>('medical.accountForRelatives', {
    regionCode: holder.regionCode,
    period: dateToPeriod(input.visitDate),
  });
  if (allowed?.value !== 1)
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      `accountHolderIdNumber: the holder’s region ${holder.regionCode} does not let the account pay for relatives`,
      { field: 'accountHolderIdNumber', detailCode: 'account-not-allowed' },
    );
  return holder;
}

function checkDates(input: ClaimInput, today: string, oldestVisit: string): AppError | null {
  const invalid = (field: string, reason: string, detailCode?: 'date-in-future') =>
    new AppError(ErrorCode.VALIDATION, `${field}: ${reason}`, {
      field,
      ...(detailCode ? { detailCode } : {}),
    });
  if (input.visitDate > today)
    return invalid('visitDate', `${input.visitDate} is after today`, 'date-in-future');
  if (input.visitDate < oldestVisit)
    return invalid('visitDate', `a visit more than ${OLDEST_VISIT_DAYS} days ago is not settled directly`);
  if (input.kind === 'inpatient') {
    if (!input.dischargeDate)
      return invalid('dischargeDate', 'an inpatient claim gives the day of discharge');
    if (input.dischargeDate < input.visitDate) return invalid('dischargeDate', 'is before the admission');
    if (input.dischargeDate > today)
      return invalid('dischargeDate', `${input.dischargeDate} is after today`, 'date-in-future');
  } else if (input.dischargeDate) {
    return invalid('dischargeDate', 'only an inpatient claim has a day of discharge');
  }
  const invalidItem = input.items.findIndex(
    (item) => item.itemClass !== 'part' && item.selfPaySharePpm !== undefined,
  );
  if (invalidItem >= 0)
    return invalid(`items.${invalidItem}.selfPaySharePpm`, 'only a part-covered item has a self-pay share');
  const missingShare = input.items.findIndex(
    (item) => item.itemClass === 'part' && item.selfPaySharePpm === undefined,
  );
  if (missingShare >= 0)
    return invalid(
      `items.${missingShare}.selfPaySharePpm`,
      'a part-covered item gives the catalogue’s self-pay share',
    );
  return null;
}

function asAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof RangeError) {
    const field = /^([\w.[\]]+):/.exec(error.message)?.[1];
    return new AppError(ErrorCode.VALIDATION, error.message, field ? { field } : {});
  }
  throw error;
}

function keyReused(): AppError {
  return new AppError(ErrorCode.CONFLICT, 'idempotencyKey: this key was already used for a different claim', {
    field: 'idempotencyKey',
    detailCode: 'idempotency-key-reused',
  });
}
