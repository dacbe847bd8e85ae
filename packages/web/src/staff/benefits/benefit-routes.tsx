import type { TFunction } from 'i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { loadTexts } from '../../i18n/index.ts';
import type { NavItem } from '../../shell/app-shell.tsx';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { readsBenefits } from './benefit-roles.ts';

// Each page is its own chunk, fetched with the benefit pages' texts when it is first opened.
const withTexts = async <M,>(module: Promise<M>): Promise<M> =>
  (await Promise.all([module, loadTexts('benefits', 'payroll')]))[0];
const QueuePage = lazy(async () => ({ default: (await withTexts(import('./queue-page.tsx'))).QueuePage }));
const ApplicationPage = lazy(async () => ({
  default: (await withTexts(import('./application-page.tsx'))).ApplicationPage,
}));
const CounterClaimPage = lazy(async () => ({
  default: (await withTexts(import('./counter-claim-page.tsx'))).CounterClaimPage,
}));
const CounterBenefitClaimPage = lazy(async () => ({
  default: (await withTexts(import('./counter-benefit-claim-page.tsx'))).CounterBenefitClaimPage,
}));
const PayrollPage = lazy(async () => ({
  default: (await withTexts(import('./payroll-page.tsx'))).PayrollPage,
}));
const SurvivalDuePage = lazy(async () => ({
  default: (await withTexts(import('./survival-due-page.tsx'))).SurvivalDuePage,
}));
const DeathReportsPage = lazy(async () => ({
  default: (await withTexts(import('./death-reports-page.tsx'))).DeathReportsPage,
}));
const AdjustmentsPage = lazy(async () => ({
  default: (await withTexts(import('./adjustments-page.tsx'))).AdjustmentsPage,
}));
/** The benefit section of the staff's person page, loaded with its texts. */
export const PersonBenefits = lazy(async () => ({
  default: (await withTexts(import('./person-benefits.tsx'))).PersonBenefits,
}));

/** What the work-injury fund advanced for an employer, on the staff's employer page, loaded with its texts. */
export const EmployerAdvancesSection = lazy(async () => ({
  default: (await withTexts(import('../../benefits/employer-advances.tsx'))).EmployerAdvances,
}));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

/**
 * The benefit pages (the queue, an application, a claim filed at the counter, the survival verifications
 * due, the death reports), as <Route>s of the staff app.
 */
export function benefitRoutes(user: UserView) {
  return [
    <Route key="applications" path="applications" element={loading(<QueuePage user={user} />)} />,
    <Route
      key="application"
      path="applications/:applicationId"
      element={loading(<ApplicationPage user={user} />)}
    />,
    <Route key="payroll" path="payroll" element={loading(<PayrollPage user={user} />)} />,
    <Route
      key="pension-adjustments"
      path="pension-adjustments"
      element={loading(<AdjustmentsPage user={user} />)}
    />,
    <Route
      key="counter-claim"
      path="persons/:personId/pension-claim"
      element={loading(<CounterClaimPage />)}
    />,
    <Route
      key="counter-benefit-claim"
      path="persons/:personId/claims"
      element={loading(<CounterBenefitClaimPage />)}
    />,
    <Route key="survival-due" path="survival-due" element={loading(<SurvivalDuePage user={user} />)} />,
    <Route key="death-reports" path="death-reports" element={loading(<DeathReportsPage user={user} />)} />,
  ];
}

/** Their entry in the staff navigation, for the roles the queue lets in. */
export function benefitNav(t: TFunction, user: UserView | null | undefined): NavItem[] {
  return user && readsBenefits(user)
    ? [
        { to: '/staff/applications', label: t('staffPages.nav.benefits') },
        { to: '/staff/payroll', label: t('staffPages.nav.payroll') },
        { to: '/staff/survival-due', label: t('staffPages.nav.survivalDue') },
        { to: '/staff/death-reports', label: t('staffPages.nav.deathReports') },
        { to: '/staff/pension-adjustments', label: t('staffPages.nav.adjustments') },
      ]
    : [];
}
