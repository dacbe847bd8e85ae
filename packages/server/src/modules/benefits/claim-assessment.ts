import type { Fund } from '@shebao/domain';
import type { DecisionReason } from './applications.schemas.ts';
import type { AwardOneTimePayment, NewAwardPayload } from './record-award.ts';

/**
 * A claim of work-injury benefits, unemployment or maternity worked out from the record and the region's
 * policy (docs/RULES.md 15.17–15.19): what the award would pay and why, or why nothing is owed.
 */
export type ClaimAssessment =
  | { eligible: false; reasons: DecisionReason[] }
  | ({
      eligible: true;
      reasons: [];
      fund: Fund;
      oneTimePayments: AwardOneTimePayment[];
      explanation: Record<string, unknown>;
      reason: string;
      decisionSource: string;
      /** Who is paid the monthly amount when not the person (a survivor); the person's name when left out. */
      payeeName?: string;
    } & Pick<
      NewAwardPayload,
      'monthlyFen' | 'validFrom' | 'lastMonth' | 'laterSteps' | 'rollKind' | 'advancedForEmployer'
    >);

/** What the payroll knows of the person's earlier unemployment awards (workflows/assess-benefit-claim.ts). */
export interface ClaimContext {
  /** Months they left unpaid (UIR Art. 17). */
  carriedMonths: number;
  /** The last month one of them was owed, or null: a new claim is paid from the month after it at the earliest. */
  lastMonthPaid: string | null;
}
