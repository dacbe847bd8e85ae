import type { Migration } from 'kysely';
import * as m0001 from './0001-regions-and-policy.ts';
import * as m0002 from './0002-registration.ts';
import * as m0003 from './0003-collection-and-ledger.ts';
import * as m0004 from './0004-estimates-and-offsets.ts';
import * as m0005 from './0005-collection-speed.ts';
import * as m0006 from './0006-accounts.ts';
import * as m0007 from './0007-statements.ts';
import * as m0008 from './0008-access-log.ts';
import * as m0009 from './0009-collection-jobs-and-search.ts';
import * as m0010 from './0010-payment-reversals.ts';
import * as m0011 from './0011-inquiry-indexes.ts';
import * as m0012 from './0012-person-year-summaries.ts';
import * as m0013 from './0013-journal-chain.ts';
import * as m0014 from './0014-signing-keys.ts';
import * as m0015 from './0015-token-owners.ts';
import * as m0016 from './0016-login-throttling.ts';
import * as m0017 from './0017-statement-row-reasons.ts';
import * as m0018 from './0018-job-owners.ts';
import * as m0019 from './0019-benefit-applications.ts';
import * as m0020 from './0020-payroll.ts';
import * as m0021 from './0021-survival-and-death.ts';
import * as m0022 from './0022-pension-adjustments.ts';
import * as m0023 from './0023-record-corrections.ts';
import * as m0024 from './0024-benefits-by-fund.ts';
import * as m0025 from './0025-injury-appraisals-and-premiums.ts';
import * as m0026 from './0026-employer-advances.ts';
import * as m0027 from './0027-leave-reported-on.ts';
import * as m0028 from './0028-injury-stoppage-periods.ts';
import * as m0029 from './0029-injury-medical-costs.ts';
import * as m0030 from './0030-medical-claims.ts';
import * as m0031 from './0031-medical-settlement-and-supervision.ts';
import * as m0032 from './0032-notifications.ts';
import * as m0033 from './0033-social-security-cards.ts';

/**
 * Every migration, by name. A static map rather than a folder scan, so it works under tsx, Vitest
 * and any bundler alike. Names sort in run order: add the next as `NNNN-what-it-does`.
 */
export const migrations: Readonly<Record<string, Migration>> = Object.freeze({
  '0001-regions-and-policy': m0001,
  '0002-registration': m0002,
  '0003-collection-and-ledger': m0003,
  '0004-estimates-and-offsets': m0004,
  '0005-collection-speed': m0005,
  '0006-accounts': m0006,
  '0007-statements': m0007,
  '0008-access-log': m0008,
  '0009-collection-jobs-and-search': m0009,
  '0010-payment-reversals': m0010,
  '0011-inquiry-indexes': m0011,
  '0012-person-year-summaries': m0012,
  '0013-journal-chain': m0013,
  '0014-signing-keys': m0014,
  '0015-token-owners': m0015,
  '0016-login-throttling': m0016,
  '0017-statement-row-reasons': m0017,
  '0018-job-owners': m0018,
  '0019-benefit-applications': m0019,
  '0020-payroll': m0020,
  '0021-survival-and-death': m0021,
  '0022-pension-adjustments': m0022,
  '0023-record-corrections': m0023,
  '0024-benefits-by-fund': m0024,
  '0025-injury-appraisals-and-premiums': m0025,
  '0026-employer-advances': m0026,
  '0027-leave-reported-on': m0027,
  '0028-injury-stoppage-periods': m0028,
  '0029-injury-medical-costs': m0029,
  '0030-medical-claims': m0030,
  '0031-medical-settlement-and-supervision': m0031,
  '0032-notifications': m0032,
  '0033-social-security-cards': m0033,
});
