import { parseBusinessDate } from '@shebao/domain';
import { z } from 'zod';
import { periodText } from '../../http/shared.schemas.ts';
import { decisionReason } from './decision-reason.schema.ts';
import { recordCorrectionView } from './record-correction.schemas.ts';

export { decisionReason, type DecisionReason } from './decision-reason.schema.ts';

/*
 * What an application claims, by kind, and the shapes the benefit routes give and take. The facts are
 * kept as filed (JSON); the decision reads them again, so a schema change never rewrites what a person said.
 */

const period = periodText;

export const payee = z.strictObject({
  /** A bank account, or the financial account of the social security card. */
  kind: z.enum(['bank', 'card']),
  account: z
    .string()
    .trim()
    .regex(/^\d{12,30}$/, 'must be the 12 to 30 digits of the account'),
});

export const pensionFacts = z.strictObject({
  /** Women's original retirement age depends on the post held (docs/RULES.md 4.9); men leave it out. */
  retirementGroup: z.enum(['male', 'female-55', 'female-50']).optional(),
  /** An earlier or later start chosen in writing; the statutory month when left out. */
  chosenMonth: period.optional(),
  /** Deemed contribution months the person claims; staff confirm them with evidence when deciding. */
  deemedMonthsClaimed: z.number().int('must be a whole number').min(0).max(600).optional(),
  payee,
  note: z.string().trim().max(500).optional(),
});
export type PensionFacts = z.infer<typeof pensionFacts>;

export const recordCorrectionFacts = z.strictObject({
  what: z.enum(['missing-month', 'wrong-base', 'wrong-employer']),
  periods: z.array(period).min(1, 'name at least one month').max(120),
  employerId: z.number().int().positive().optional(),
  /** The base the person says the months should have, in fen. */
  claimedBaseFen: z.number().int('must be whole fen').positive().optional(),
  description: z.string().trim().min(1, 'say what is wrong').max(2000),
});
export type RecordCorrectionFacts = z.infer<typeof recordCorrectionFacts>;

/** A calendar date as YYYY-MM-DD that exists. */
export const dateText = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date in the form YYYY-MM-DD')
  .refine((text) => {
    try {
      parseBusinessDate(text);
      return true;
    } catch {
      return false;
    }
  }, 'is not a calendar date');

/** A request to identify a work injury (docs/RULES.md 15.15). */
export const workInjuryFacts = z.strictObject({
  event: z.enum(['accident', 'occupational-disease']),
  /** The day of the accident, or of the diagnosis of the occupational disease. */
  eventDate: dateText,
  /** The employer the person worked for then. */
  employerId: z.number().int('must be a whole number').positive(),
  /** Who applies when the employer does not: the person, a close relative or the trade union. */
  filedAs: z.enum(['employer', 'self', 'relative', 'union']).optional(),
  description: z.string().trim().min(1, 'say what happened').max(4000),
  payee,
});
export type WorkInjuryFacts = z.infer<typeof workInjuryFacts>;

/**
 * The injured person died of the injury: the survivors claim the death benefits (docs/RULES.md 15.4, 15.17).
 * The claimant is the survivor the benefits are paid to for them all.
 */
export const injuryDeathFacts = z.strictObject({
  diedOn: dateText,
  claimantName: z.string().trim().min(1, 'name the survivor who claims').max(100),
  /** A spouse the deceased supported (40% of the own wage). */
  spouse: z.boolean().default(false),
  /** Other dependents the deceased supported: children, parents, brothers and sisters (30% each). */
  otherDependents: z.number().int('must be a whole number').min(0).max(20).default(0),
  /** Of the dependents (the spouse counted), how many are orphans or lone elderly (10% more each). */
  orphansOrLoneElderly: z.number().int('must be a whole number').min(0).max(21).default(0),
});
export type InjuryDeathFacts = z.infer<typeof injuryDeathFacts>;

/**
 * The medical costs of treating the injury that the person paid at an agreement institution, to be reimbursed
 * by the work-injury fund (docs/RULES.md 15.24): the costs in fen, and of them those within the catalogues and
 * standards of work-injury insurance, as the institution's bill classes them.
 */
export const injuryMedicalFacts = z.strictObject({
  institution: z.string().trim().min(1, 'name the agreement institution').max(200),
  treatedFrom: dateText,
  treatedTo: dateText,
  costsFen: z.number().int('must be whole fen').positive('must be more than nothing'),
  coveredFen: z.number().int('must be whole fen').min(0),
});
export type InjuryMedicalFacts = z.infer<typeof injuryMedicalFacts>;

/** The benefits of an identified injury once its labour capability is appraised (docs/RULES.md 15.17). */
export const injuryBenefitsFacts = z.strictObject({
  /** The identification application the benefits follow. */
  identificationId: z.number().int().positive(),
  /** Where the person died of the injury: the death benefits instead of the disability benefits. */
  death: injuryDeathFacts.optional(),
  /** The medical costs of the injury instead of the disability benefits (docs/RULES.md 15.24). */
  medical: injuryMedicalFacts.optional(),
  payee,
  note: z.string().trim().max(1000).optional(),
});
export type InjuryBenefitsFacts = z.infer<typeof injuryBenefitsFacts>;

/** A claim of unemployment benefit (docs/RULES.md 15.18). */
export const unemploymentFacts = z.strictObject({
  /** The day the person registered as unemployed at the public employment service. */
  registeredOn: dateText,
  payee,
  note: z.string().trim().max(1000).optional(),
});
export type UnemploymentFacts = z.infer<typeof unemploymentFacts>;

/** A claim of maternity benefits (docs/RULES.md 15.19). */
export const maternityFacts = z.strictObject({
  event: z.enum(['birth', 'miscarriage']),
  eventDate: dateText,
  dystocia: z.boolean().default(false),
  babies: z.number().int('must be a whole number').min(1).max(9).default(1),
  /** A miscarriage before the 4th month of pregnancy (early) or from it (late). */
  miscarriageStage: z.enum(['early', 'late']).optional(),
  /** The medical costs of the birth, in fen, where the region pays actual costs. */
  medicalCostsFen: z.number().int('must be whole fen').min(0).optional(),
  /**
   * The unemployed spouse of an insured man, for whom only the medical part is paid (SIL Art. 54); the
   * claim is the insured man's.
   */
  spouse: z
    .strictObject({
      name: z.string().trim().min(1).max(100),
      idNumber: z.string().trim().min(15).max(18),
    })
    .optional(),
  payee,
});
export type MaternityFacts = z.infer<typeof maternityFacts>;

export const newApplicationInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('pension'), facts: pensionFacts }),
  z.strictObject({ kind: z.literal('record-correction'), facts: recordCorrectionFacts }),
  z.strictObject({ kind: z.literal('work-injury'), facts: workInjuryFacts }),
  z.strictObject({ kind: z.literal('injury-benefits'), facts: injuryBenefitsFacts }),
  z.strictObject({ kind: z.literal('unemployment'), facts: unemploymentFacts }),
  z.strictObject({ kind: z.literal('maternity'), facts: maternityFacts }),
]);
export type NewApplicationInput = z.infer<typeof newApplicationInput>;

const employeeId = z.number().int('must be a whole number').positive('must be a positive id');
/** An employer files for one of its employees, named by their person id. */
export const employerApplicationInput = z.discriminatedUnion('kind', [
  z.strictObject({ personId: employeeId, kind: z.literal('pension'), facts: pensionFacts }),
  z.strictObject({
    personId: employeeId,
    kind: z.literal('record-correction'),
    facts: recordCorrectionFacts,
  }),
  z.strictObject({ personId: employeeId, kind: z.literal('work-injury'), facts: workInjuryFacts }),
  z.strictObject({ personId: employeeId, kind: z.literal('injury-benefits'), facts: injuryBenefitsFacts }),
  z.strictObject({ personId: employeeId, kind: z.literal('unemployment'), facts: unemploymentFacts }),
  z.strictObject({ personId: employeeId, kind: z.literal('maternity'), facts: maternityFacts }),
]);

/** The pension as the record gives it: eligibility, or the refusal with the shortfall and the options. */
export const pensionAssessmentReply = z.object({
  applicationId: z.number().int(),
  outcome: z
    .object({
      eligible: z.boolean(),
      startMonth: z.string(),
      kind: z.enum(['early', 'statutory', 'late']),
      paidMonths: z.number().int(),
      deemedMonths: z.number().int(),
      contributionMonths: z.number().int(),
      minContributionMonths: z.number().int(),
    })
    .catchall(z.unknown()),
  inputs: z.object({
    accountBalanceFen: z.number().int(),
    calcBaseFen: z.number().int(),
    deemedMonths: z.number().int(),
    recordMonths: z.number().int(),
  }),
});

export const refusalInput = z.strictObject({
  reasons: z.array(decisionReason).min(1, 'give at least one reason'),
});

export const noteInput = z.strictObject({ note: z.string().trim().min(1, 'say what is needed').max(1000) });

export const awardProposalInput = z.strictObject({
  /** Deemed months staff confirm, with the documents that prove them. */
  deemedMonths: z.number().int('must be a whole number').min(0).max(600).default(0),
  evidenceDocumentIds: z.array(z.number().int().positive()).max(50).default([]),
  note: z.string().trim().max(1000).optional(),
});
export type AwardProposalInput = z.input<typeof awardProposalInput>;

export const clockReading = z.object({
  days: z.number().int(),
  unit: z.enum(['calendar-days', 'working-days']),
  source: z.string(),
  dueOn: z.string().nullable(),
  usedDays: z.number().int(),
  daysLeft: z.number().int().nullable(),
  paused: z.boolean(),
  overdue: z.boolean(),
});

export const applicationEvent = z.object({
  kind: z.string(),
  onDate: z.string(),
  byLogin: z.string(),
  note: z.string().nullable(),
});

export const applicationDocument = z.object({
  id: z.number().int(),
  kind: z.string(),
  fileName: z.string(),
  mediaType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  recordedAt: z.string(),
});

export const applicationView = z.object({
  id: z.number().int(),
  applicationNo: z.string(),
  kind: z.enum([
    'pension',
    'record-correction',
    'work-injury',
    'injury-benefits',
    'unemployment',
    'maternity',
  ]),
  personId: z.number().int(),
  employerId: z.number().int().nullable(),
  regionCode: z.string(),
  filedBy: z.enum(['person', 'employer', 'staff']),
  filedOn: z.string(),
  facts: z.record(z.string(), z.unknown()),
  state: z.enum(['under-review', 'awaiting-material', 'proposed', 'decided', 'withdrawn']),
  clock: clockReading,
  decision: z
    .object({
      kind: z.enum(['award', 'refusal', 'identified']),
      reasons: z.array(decisionReason),
      decidedOn: z.string(),
    })
    .nullable(),
  approvalId: z.number().int().nullable(),
  /** A request to correct the record: the latest correction proposed, on the page of one application. */
  correction: recordCorrectionView.nullable().optional(),
  events: z.array(applicationEvent),
  documents: z.array(applicationDocument),
});
export type ApplicationView = z.infer<typeof applicationView>;

export const awardView = z.object({
  awardNo: z.string(),
  version: z.number().int(),
  applicationId: z.number().int(),
  personId: z.number().int(),
  regionCode: z.string(),
  kind: z.string(),
  monthlyFen: z.number().int(),
  validFrom: periodText,
  payee: z.object({ kind: z.enum(['bank', 'card']), accountMasked: z.string() }),
  explanation: z.record(z.string(), z.unknown()),
  reason: z.string(),
  proposedBy: z.string(),
  approvedBy: z.string(),
  recordedAt: z.string(),
});
export type AwardView = z.infer<typeof awardView>;

/**
 * An application as the employer that filed it sees it: what it is, whose, where it stands and its clock;
 * not the facts (the payee's account is the employee's own).
 */
export const employerApplicationView = applicationView
  .pick({
    id: true,
    applicationNo: true,
    kind: true,
    personId: true,
    filedOn: true,
    state: true,
    clock: true,
    decision: true,
  })
  .extend({ personName: z.string(), idNumberMasked: z.string() });
export type EmployerApplicationView = z.infer<typeof employerApplicationView>;
