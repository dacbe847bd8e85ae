import { lazy, Suspense } from 'react';
import type { useTranslation } from 'react-i18next';
import { Route } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import type { NavItem } from '../../shell/app-shell.tsx';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { ArrearsPage } from './arrears-page.tsx';
import { BankPage } from './bank-page.tsx';
import { EmployerArrearsPage } from './employer-arrears-page.tsx';
import { PaymentsPage } from './payments-page.tsx';
import { ReceiptPage } from './receipt-page.tsx';
import './money.css';

// The charts carry ECharts: the fund dashboard is its own chunk, fetched when it is opened.
const FundsPage = lazy(() => import('./funds-page.tsx').then((module) => ({ default: module.FundsPage })));

/** The agency's money pages (payments, bank statements, arrears, funds), as <Route>s of the staff app. */
export function moneyRoutes(user: UserView) {
  return [
    <Route key="payments" path="payments" element={<PaymentsPage user={user} />} />,
    <Route key="receipt" path="payments/:paymentNo" element={<ReceiptPage />} />,
    <Route key="bank" path="bank" element={<BankPage user={user} />} />,
    <Route key="arrears" path="arrears" element={<ArrearsPage user={user} />} />,
    <Route key="employer-arrears" path="arrears/employers/:employerId" element={<EmployerArrearsPage />} />,
    <Route
      key="funds"
      path="funds"
      element={
        <Suspense fallback={<LoadingPage />}>
          <FundsPage />
        </Suspense>
      }
    />,
  ];
}

/** Their entries in the staff navigation. */
export function moneyNav(t: ReturnType<typeof useTranslation>['t']): NavItem[] {
  return [
    { to: '/staff/payments', label: t('staffMoneyPages.nav.payments') },
    { to: '/staff/bank', label: t('staffMoneyPages.nav.bank') },
    { to: '/staff/arrears', label: t('staffMoneyPages.nav.arrears') },
    { to: '/staff/funds', label: t('staffMoneyPages.nav.funds') },
  ];
}
