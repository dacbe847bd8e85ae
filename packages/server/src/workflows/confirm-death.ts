import { formatFenAsYuan, splitInheritance, type Fund } from '@shebao/domain';
import type { Clock } from '../app/clock.ts';
import type { Kysely } from 'kysely';
import { cancelCardsOnDeath } from '../modules/cards/index.ts';
import type { Database } from '../db/index.ts';
import type { Approval, ApprovalService, ChangeApplier } from '../modules/approvals/index.ts';
import type { Principal } from '../modules/auth/index.ts';
import { SURVIVORS_ROLL_KIND } from '../modules/benefits/index.ts';
import {
  accountLeftOf,
  awardsOnRoll,
  scheduleOneTimePayments,
  stopPayment,
  type OneTimePayment,
} from '../modules/payroll/index.ts';
import {
  maskedConfirmation,
  type ConfirmedDeath,
  type DeathReportInput,
  type DeathReportPayload,
  type DeathReportView,
  type SurvivalService,
} from '../modules/survival/index.ts';

/*
 * Confirming a death (docs/ARCHITECTURE.md, "Workflows"; docs/RULES.md 14.10): a benefits officer records
 * the report with the heirs and works out the one-time benefits (survival), which is proposed (approvals)
 * with the report standing proposed in the same transaction; a second officer confirms it, which records
 * the confirmation in the approval's transaction, stops payment and schedules the estate's payments (payroll).
 */

/** The applier of kind `survival.confirmDeath`: benefits officers and administrators propose and decide. */
export function deathConfirmationApplier(
  survival: SurvivalService,
  clock: Clock,
): ChangeApplier<DeathReportPayload> {
  return {
    roles: ['admin', 'benefits_officer'],
    check: async (payload, db) => {
      await survival.checkDeathReport(payload, db);
    },
    proposed: (trx, payload, who, details) => survival.recordProposedReport(trx, payload, who, details),
    apply: async (trx, _payload, who) => {
      const death = await survival.confirmDeathReport(trx, who);
      // The person's cards end with them (docs/RULES.md 18.2), in the same transaction.
      await cancelCardsOnDeath(trx, death, clock.now(), who.approvedBy);
      return stopPaymentAndPayDeathBenefits(trx, clock, death);
    },
    // However it is rejected (here or on the approvals page), the report stands rejected.
    rejected: (trx, _payload, who) => survival.rejectDeathReport(trx, who),
  };
}

/**
 * The payroll's side of a confirmed death, in the approval's transaction (docs/RULES.md 14.18): stop every
 * award of the person after the month of death, what was paid after it becoming a claim on the estate
 * (payroll); then schedule for the next payroll the funeral grant to its payee and the survivors' one-time
 * benefit and the account left, each split among the heirs by their shares (the domain's
 * splitInheritance: the parts sum to the whole), with the claim withheld from them first, in that order.
 * The answer is the confirmed death with what was scheduled, identity numbers and accounts masked.
 */
export async function stopPaymentAndPayDeathBenefits(
  trx: Kysely<Database>,
  clock: Clock,
  death: ConfirmedDeath,
) {
  const at = clock.now().toISOString();
  const lastMonth = death.dateOfDeath.slice(0, 7);
  const claims: { id: number; fund: Fund; leftFen: number }[] = [];
  let accountLeftFen = 0;
  const awards = await awardsOnRoll(trx, death.personId);
  const receivingUnemployment = awards.some(
    (award) =>
      award.fund === 'unemployment' &&
      award.firstPeriod <= lastMonth &&
      (award.stoppedAfter === null || award.stoppedAfter >= lastMonth),
  );
  // Dying while receiving unemployment benefit, the survivors' grants come out of the unemployment fund
  // (SIL Art. 49), by the same standards, and only once: not from the pension fund as well.
  const deathFund: Fund = receivingUnemployment ? 'unemployment' : 'pension';
  const fundNote = receivingUnemployment
    ? { paidBy: 'unemployment fund: the person died while receiving unemployment benefit (SIL Art. 49)' }
    : {};
  for (const award of awards) {
    // A survivors' pension is paid to the survivors of a death already: it goes on. An award of a fixed
    // number of months whose last month is after the death still stops.
    const endsLater = award.stopReason === 'entitlement-ended' && lastMonth < (award.stoppedAfter ?? '');
    if ((award.stoppedAfter !== null && !endsLater) || award.kind === SURVIVORS_ROLL_KIND) continue;
    const stopped = await stopPayment(trx, clock, {
      awardNo: award.awardNo,
      lastMonth,
      reason: `death on ${death.dateOfDeath} confirmed`,
      sourceKey: `death-report:${death.reportId}:${award.awardNo}`,
    });
    if (stopped.claim)
      claims.push({
        id: stopped.claim.id,
        fund: award.fund,
        leftFen: stopped.claim.pooledFen + stopped.claim.accountFen,
      });
    // Employees' accounts are inherited whole (SIL Art. 14); residents' accounts come with their scheme.
    accountLeftFen += await accountLeftOf(trx, award.awardNo);
  }
  const heirs = death.heirs.map((heir) => ({ name: heir.name, share: heir.share }));
  const source = `death-report:${death.reportId}`;
  const payments: Omit<OneTimePayment, 'recoveredFen' | 'recoversClaimId'>[] = [];
  const base = { personId: death.personId, regionCode: death.regionCode, approvalId: death.approvalId };
  const grant = death.benefits.funeralGrant;
  if (grant && grant.amountFen > 0)
    payments.push({
      ...base,
      kind: 'funeral-grant',
      fund: deathFund,
      payeeName: death.funeralPayee.name,
      payeeAccount: death.funeralPayee.bankAccount,
      pooledFen: grant.amountFen,
      accountFen: 0,
      reason: `funeral grant (${receivingUnemployment ? 'SIL Art. 49' : 'SIL Art. 17'})`,
      explanation: { ...grant.explanation, ...fundNote },
      sourceKey: `${source}:funeral-grant`,
    });
  const survivors = death.benefits.survivorsBenefit;
  if (survivors && survivors.amountFen > 0)
    for (const [index, part] of splitInheritance(survivors.amountFen, heirs).entries())
      if (part.amountFen > 0)
        payments.push({
          ...base,
          kind: 'survivors-benefit',
          fund: deathFund,
          payeeName: part.name,
          payeeAccount: death.heirs[index]!.bankAccount,
          pooledFen: part.amountFen,
          accountFen: 0,
          reason: `survivors' one-time benefit, ${part.name}'s share (${receivingUnemployment ? 'SIL Art. 49' : 'SIL Art. 17'})`,
          explanation: { whole: survivors.explanation, share: part.explanation, ...fundNote },
          sourceKey: `${source}:survivors-benefit:${index}`,
        });
  if (accountLeftFen > 0)
    for (const [index, part] of splitInheritance(accountLeftFen, heirs).entries())
      if (part.amountFen > 0)
        payments.push({
          ...base,
          kind: 'account-inheritance',
          payeeName: part.name,
          payeeAccount: death.heirs[index]!.bankAccount,
          pooledFen: 0,
          accountFen: part.amountFen,
          reason: `personal account inherited, ${part.name}'s share (SIL Art. 14)`,
          explanation: part.explanation,
          sourceKey: `${source}:account-inheritance:${index}`,
        });
  // The claim is withheld from what the estate is paid, first payment first (docs/RULES.md 14.18), and only
  // from a payment of the fund the claim is owed to: no money moves between funds.
  const scheduled = payments.map((payment) => {
    const claim = claims.find((item) => item.leftFen > 0 && item.fund === (payment.fund ?? 'pension'));
    const recoveredFen = claim ? Math.min(claim.leftFen, payment.pooledFen + payment.accountFen) : 0;
    if (claim) claim.leftFen -= recoveredFen;
    return { ...payment, recoveredFen, recoversClaimId: recoveredFen > 0 ? claim!.id : null };
  });
  await scheduleOneTimePayments(trx, scheduled, at);
  return {
    ...maskedConfirmation(death),
    payroll: {
      stoppedAfter: lastMonth,
      claimedFen: claims.reduce((sum, claim) => sum + claim.leftFen, 0),
      payments: scheduled.map((payment) => ({
        kind: payment.kind,
        fund: payment.fund ?? 'pension',
        payeeName: payment.payeeName,
        accountMasked: `****${payment.payeeAccount.slice(-4)}`,
        amountFen: payment.pooledFen + payment.accountFen,
        recoveredFen: payment.recoveredFen,
      })),
    },
  };
}

/**
 * Records a death report and proposes it for a second officer's confirmation: prepare it (survival: checks,
 * the one-time benefits by the region's standards), store the proposal, masked, and the report in full
 * together (approvals, with the applier's `proposed` step and the details beside the payload). The same
 * idempotency key proposes once.
 */
export async function proposeDeathReport(
  app: { survival: SurvivalService; approvals: ApprovalService },
  personId: number,
  input: DeathReportInput,
  proposer: Principal,
  idempotencyKey?: string,
): Promise<{ approval: Approval; report: DeathReportView; replayed: boolean }> {
  const { payload, details } = await app.survival.prepareDeathReport(personId, input);
  const grant = payload.benefits.funeralGrant;
  const { approval, replayed } = await app.approvals.proposeOnce(
    'survival.confirmDeath',
    payload,
    {
      regionCode: payload.regionCode,
      summary:
        `Death of person ${personId} on ${payload.dateOfDeath}: payment stops after that month; ` +
        `${payload.heirs.length} heir(s)${grant ? `; funeral grant ${formatFenAsYuan(grant.amountFen)} yuan` : ''}`,
    },
    proposer,
    idempotencyKey,
    details,
  );
  return { approval, report: (await app.survival.reportOfApproval(approval.id))!, replayed };
}

/** The second officer's decision on the person's proposed death report, through its approval. */
export async function decideDeathReport(
  app: { survival: SurvivalService; approvals: ApprovalService },
  personId: number,
  decision: { approve: boolean; note?: string },
  decider: Principal,
): Promise<{ approval: Approval; report: DeathReportView }> {
  const { approvalId } = await app.survival.proposedReportOf(personId);
  const approval = decision.approve
    ? await app.approvals.approve(approvalId, decider, decision.note)
    : await app.approvals.reject(approvalId, decider, decision.note);
  return { approval, report: (await app.survival.reportOfApproval(approvalId))! };
}
