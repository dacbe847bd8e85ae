import { benefitsZhCN } from './pages/benefits.zh-cn.ts';
import { cardsZhCN } from './pages/cards.zh-cn.ts';
import { medicalFundZhCN } from './pages/medical-fund.zh-cn.ts';
import { medicalZhCN } from './pages/medical.zh-cn.ts';
import { noticesZhCN } from './pages/notices.zh-cn.ts';
import { employerZhCN } from './pages/employer.zh-cn.ts';
import { payrollZhCN } from './pages/payroll.zh-cn.ts';
import { personZhCN } from './pages/person.zh-cn.ts';
import { staffMoneyZhCN } from './pages/staff-money.zh-cn.ts';
import { staffZhCN } from './pages/staff.zh-cn.ts';
import { problemsZhCN } from './problems.zh-cn.ts';
import { publicZhCN } from './public.zh-cn.ts';
import { shellZhCN } from './shell.zh-cn.ts';

/**
 * Every Simplified Chinese text in one tree: the reference for every key (`Messages`, so `t()` keys are
 * checked by the compiler) and what `resources.test.ts` compares with `en.ts`. The app never loads this
 * module: it loads each part with the pages that show it (`i18n/index.ts`, `TEXT_AREAS`), so a part added
 * here must be added there too (the test in `i18n/text-areas.test.ts` checks both hold the same texts).
 */
export const zhCN = {
  ...shellZhCN,
  ...publicZhCN,
  personPages: personZhCN,
  employerPages: employerZhCN,
  staffPages: staffZhCN,
  problem: problemsZhCN,
  staffMoneyPages: staffMoneyZhCN,
  benefitPages: benefitsZhCN,
  payrollPages: payrollZhCN,
  medicalPages: medicalZhCN,
  medicalFundPages: medicalFundZhCN,
  noticePages: noticesZhCN,
  cardPages: cardsZhCN,
} as const;
