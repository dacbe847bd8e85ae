import { loadConfig, type Config } from '../config/index.ts';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../db/index.ts';
import { createApprovalService, type ApprovalService } from '../modules/approvals/index.ts';
import { createAuthService, DEFAULT_AUTH_OPTIONS, type AuthService } from '../modules/auth/index.ts';
import {
  createBenefitsService,
  createDocumentStore,
  type BenefitsService,
} from '../modules/benefits/index.ts';
import { createCardsService, type CardsService } from '../modules/cards/index.ts';
import { createMedicalService, type MedicalService } from '../modules/medical/index.ts';
import { createNotificationsService, type NotificationsService } from '../modules/notifications/index.ts';
import { createPayrollService, payAwardsToCard, type PayrollService } from '../modules/payroll/index.ts';
import {
  createPensionAdjustmentsService,
  type PensionAdjustmentsService,
} from '../modules/pension-adjustments/index.ts';
import { createPolicyService, type PolicyService } from '../modules/policy/index.ts';
import { createRegistrationService, type RegistrationService } from '../modules/registration/index.ts';
import { seedRegionsIfEmpty } from '../modules/regions/index.ts';
import { createSurvivalService, type SurvivalService } from '../modules/survival/index.ts';
import {
  applyPensionAdjustment,
  approveDeferral,
  awardCorrectionApplier,
  decideAwardCorrection,
  decidePensionAdjustment,
  listPensionAdjustmentProposals,
  pensionAdjustmentApplier,
  pendingAwardCorrection,
  proposeAwardCorrection,
  proposePensionAdjustment,
  runRetirementInvitations,
  decideRecordCorrection,
  proposeRecordCorrection,
  recordCorrectionApplier,
  baseCorrectionApplier,
  benefitAwardApplier,
  deathConfirmationApplier,
  decideBenefitAward,
  decideDeathReport,
  importBankStatement,
  paymentReversalApplier,
  proposeBenefitAward,
  proposeDeathReport,
  assessBenefitClaim,
  hireEmployee,
  stopUnemploymentBenefit,
  recordSurvivalVerification,
  verifySurvivalSelf,
  policyVersionApplier,
  proposePaymentReversal,
  reassessMonths,
  resolveUnmatchedRow,
  runCollection,
  settleEstimates,
  medicalFindingApplier,
  proposeMedicalFinding,
  decideMedicalFinding,
} from '../workflows/index.ts';
import { clockFor, type Clock } from './clock.ts';

/** Everything a command or the HTTP server needs: the database and the services over it. */
export interface App {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  policy: PolicyService;
  registration: RegistrationService;
  /** Registration reading and writing through a transaction (a workflow's one transaction). */
  registrationIn(trx: DatabaseHandle['db']): RegistrationService;
  auth: AuthService;
  approvals: ApprovalService;
  benefits: BenefitsService;
  payroll: PayrollService;
  survival: SurvivalService;
  pensionAdjustments: PensionAdjustmentsService;
  medical: MedicalService;
  notifications: NotificationsService;
  cards: CardsService;
  /** The processes that cross modules (packages/server/src/workflows), for the routes that start them. */
  workflows: Workflows;
  close(): Promise<void>;
}

/** Module routes start a workflow through the app, never by importing it (docs/ARCHITECTURE.md, "Workflows"). */
export interface Workflows {
  runCollection: typeof runCollection;
  settleEstimates: typeof settleEstimates;
  reassessMonths: typeof reassessMonths;
  proposeBenefitAward: typeof proposeBenefitAward;
  decideBenefitAward: typeof decideBenefitAward;
  assessBenefitClaim: typeof assessBenefitClaim;
  proposeDeathReport: typeof proposeDeathReport;
  decideDeathReport: typeof decideDeathReport;
  recordSurvivalVerification: typeof recordSurvivalVerification;
  verifySurvivalSelf: typeof verifySurvivalSelf;
  proposePaymentReversal: typeof proposePaymentReversal;
  importBankStatement: typeof importBankStatement;
  resolveUnmatchedRow: typeof resolveUnmatchedRow;
  approveDeferral: typeof approveDeferral;
  proposeAwardCorrection: typeof proposeAwardCorrection;
  decideAwardCorrection: typeof decideAwardCorrection;
  pendingAwardCorrection: typeof pendingAwardCorrection;
  proposePensionAdjustment: typeof proposePensionAdjustment;
  decidePensionAdjustment: typeof decidePensionAdjustment;
  listPensionAdjustmentProposals: typeof listPensionAdjustmentProposals;
  applyPensionAdjustment: typeof applyPensionAdjustment;
  runRetirementInvitations: typeof runRetirementInvitations;
  proposeRecordCorrection: typeof proposeRecordCorrection;
  decideRecordCorrection: typeof decideRecordCorrection;
  hireEmployee: typeof hireEmployee;
  stopUnemploymentBenefit: typeof stopUnemploymentBenefit;
  proposeMedicalFinding: typeof proposeMedicalFinding;
  decideMedicalFinding: typeof decideMedicalFinding;
}

/**
 * Opens the configured database, brings its schema up to date and loads the reference data
 * (regions, seed policy parameters) into an empty database.
 */
export async function openApp(config: Config = loadConfig(), clock: Clock = clockFor(config)): Promise<App> {
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database.db);
    return await assembleApp(database, config, clock);
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * The services over a database that is already migrated; loads the reference data into it when empty.
 * Tests use it over their throw-away databases.
 */
export async function assembleApp(database: DatabaseHandle, config: Config, clock: Clock): Promise<App> {
  await seedRegionsIfEmpty(database.db);
  const policy = createPolicyService(database.db, clock, { periodHorizonMonths: config.periodHorizonMonths });
  await policy.seedIfEmpty();
  const registration = createRegistrationService(database.db, clock, policy);
  const auth = createAuthService(database.db, clock, {
    ...DEFAULT_AUTH_OPTIONS,
    tokenDefaultDays: config.tokenDefaultDays,
    tokenMaxDays: config.tokenMaxDays,
  });
  const documents = createDocumentStore(config.documentsDir);
  const benefits = createBenefitsService({ db: database.db, clock, policy, documents }, registration);
  // Issued bank files are kept by their SHA-256 beside the application documents.
  const payroll = createPayrollService({ db: database.db, clock, files: documents, policy });
  const survival = createSurvivalService({
    db: database.db,
    clock,
    policy,
    benefits,
    persons: registration,
  });
  const pensionAdjustments = createPensionAdjustmentsService(database.db, clock);
  const medical = createMedicalService(database.db, clock, policy);
  const notifications = createNotificationsService(database.db, clock, {
    ...config.notices,
    publicBaseUrl: config.publicBaseUrl,
  });
  // Card photos and production files are kept by their SHA-256 beside the application documents.
  const cards = createCardsService({
    db: database.db,
    clock,
    policy,
    files: documents,
    persons: registration,
    deaths: {
      isDeceased: async (personId) =>
        (await survival.listPersonReports(personId)).some((report) => report.state === 'confirmed'),
    },
    // The card chosen for benefits is where the payroll pays them (docs/RULES.md 18.9).
    paymentCardChanged: payAwardsToCard,
  });
  // Inside the approval's transaction everything reads through it, the policy book included (SQLite
  // has one connection: a read outside the transaction would wait for it forever).
  const registrationFor = (trx: typeof database.db) =>
    createRegistrationService(
      trx,
      clock,
      createPolicyService(trx, clock, { periodHorizonMonths: config.periodHorizonMonths }),
    );
  const approvals = createApprovalService(database.db, clock, {
    'policy.addVersion': policyVersionApplier(policy),
    'registration.correctBase': baseCorrectionApplier(registrationFor),
    'payments.reverse': paymentReversalApplier(clock),
    'benefits.award': benefitAwardApplier(benefits, clock),
    'survival.confirmDeath': deathConfirmationApplier(survival, clock),
    'benefits.correctAward': awardCorrectionApplier(benefits),
    'benefits.adjustPensions': pensionAdjustmentApplier(pensionAdjustments),
    'medical.finding': medicalFindingApplier(medical),
    'benefits.correctRecord': recordCorrectionApplier(benefits, registrationFor, {
      benefits,
      policy,
      clock,
      database,
    }),
  });
  return {
    config,
    database,
    clock,
    policy,
    registration,
    registrationIn: registrationFor,
    auth,
    approvals,
    benefits,
    payroll,
    survival,
    pensionAdjustments,
    medical,
    notifications,
    cards,
    workflows: {
      runCollection,
      settleEstimates,
      reassessMonths,
      proposePaymentReversal,
      importBankStatement,
      resolveUnmatchedRow,
      approveDeferral,
      proposeBenefitAward,
      decideBenefitAward,
      assessBenefitClaim,
      hireEmployee,
      stopUnemploymentBenefit,
      proposeDeathReport,
      decideDeathReport,
      recordSurvivalVerification,
      verifySurvivalSelf,
      proposeAwardCorrection,
      decideAwardCorrection,
      pendingAwardCorrection,
      proposePensionAdjustment,
      decidePensionAdjustment,
      listPensionAdjustmentProposals,
      applyPensionAdjustment,
      runRetirementInvitations,
      proposeRecordCorrection,
      decideRecordCorrection,
      proposeMedicalFinding,
      decideMedicalFinding,
    },
    close: async () => {
      await payroll.drain();
      await medical.drain();
      await notifications.close();
      await database.close();
    },
  };
}

/** Runs one piece of work with an open app and always closes it. */
export async function withApp<T>(work: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp();
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}
