import type { Messages } from './messages.ts';
import { benefitsEn } from './pages/benefits.en.ts';
import { cardsEn } from './pages/cards.en.ts';
import { medicalFundEn } from './pages/medical-fund.en.ts';
import { medicalEn } from './pages/medical.en.ts';
import { noticesEn } from './pages/notices.en.ts';
import { employerEn } from './pages/employer.en.ts';
import { payrollEn } from './pages/payroll.en.ts';
import { personEn } from './pages/person.en.ts';
import { staffMoneyEn } from './pages/staff-money.en.ts';
import { staffEn } from './pages/staff.en.ts';
import { problemsEn } from './problems.en.ts';
import { publicEn } from './public.en.ts';
import { shellEn } from './shell.en.ts';

/** Every English text in one tree: the same keys as `zh-cn.ts`, which the `Messages` type enforces. */
export const en: Messages = {
  ...shellEn,
  ...publicEn,
  personPages: personEn,
  employerPages: employerEn,
  staffPages: staffEn,
  problem: problemsEn,
  staffMoneyPages: staffMoneyEn,
  benefitPages: benefitsEn,
  payrollPages: payrollEn,
  medicalPages: medicalEn,
  medicalFundPages: medicalFundEn,
  noticePages: noticesEn,
  cardPages: cardsEn,
};
