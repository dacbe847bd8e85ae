import type { PolicyParameter } from '../parameter.ts';
import { NATIONAL_REGION } from '../dimensions.ts';
import { seed } from './seed-row.ts';

/**
 * The statutory clocks of work injury, unemployment and maternity (docs/RULES.md 15.14): the decision clocks
 * of their applications and the deadlines the parties have. The WIIR and SIL figures are the law's; the
 * decision clocks of unemployment, maternity and injury benefits are common regional service commitments,
 * to be checked against the region's own.
 */
export const BENEFIT_CLOCK_PARAMETERS: readonly PolicyParameter[] = [
  seed(
    'benefits.statutoryClocks',
    NATIONAL_REGION,
    '2011-01',
    {
      'work-injury': { days: 60, unit: 'calendar-days', source: 'WIIR Art. 20 (decision within 60 days)' },
      'work-injury-clear': {
        days: 15,
        unit: 'calendar-days',
        source: 'WIIR Art. 20 (15 days where the facts are clear and the rights and duties plain)',
      },
      'injury-report-employer': {
        days: 30,
        unit: 'calendar-days',
        source: 'WIIR Art. 17 (the employer applies within 30 days of the accident or diagnosis)',
      },
      'injury-report-person': {
        months: 12,
        unit: 'months',
        source: 'WIIR Art. 17 (the injured person, relatives or the union within one year)',
      },
      'injury-appraisal': {
        days: 60,
        unit: 'calendar-days',
        source: 'WIIR Art. 25 (conclusion within 60 days, 30 more where complex)',
      },
      'injury-reappraisal-request': {
        days: 15,
        unit: 'calendar-days',
        source: 'WIIR Art. 26 (a party not satisfied applies for re-appraisal within 15 days)',
      },
      'injury-review-appraisal': {
        months: 12,
        unit: 'months',
        source: 'WIIR Art. 28 (a review appraisal one year after the conclusion at the earliest)',
      },
      'injury-benefits': {
        days: 20,
        unit: 'working-days',
        source: 'SIHR (handling of benefit claims; 20 working days is a common regional service commitment)',
      },
      unemployment: {
        days: 20,
        unit: 'working-days',
        source: 'SIHR (handling of benefit claims; 20 working days is a common regional service commitment)',
      },
      'unemployment-employer-report': {
        days: 15,
        unit: 'calendar-days',
        source: 'SIL Art. 50 (the employer reports the termination within 15 days)',
      },
      maternity: {
        days: 20,
        unit: 'working-days',
        source: 'SIHR (handling of benefit claims; 20 working days is a common regional service commitment)',
      },
    },
    'WIIR Arts. 17, 20, 25, 26, 28; SIL Art. 50; SIHR',
  ),
];
