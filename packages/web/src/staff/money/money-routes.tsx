import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Route } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import type { NavItem } from '../../shell/app-shell.tsx';
import { LoadingPage } from '../../shell/loading-page.tsx';
import './money.css';

// Each page is its own chunk, fetched when it is opened: the staff's home and other pages do not carry
// the money pages' tables and forms, nor the fund dashboard's ECharts.
const PaymentsPage = lazy(() => import('./payments-page.tsx').then((m) => ({ default: m.PaymentsPage })));
const ReceiptPage = lazy(() => import('./receipt-page.tsx').then((m) => ({ default: m.ReceiptPage })));
const BankPage = lazy(() => import('./bank-page.tsx').then((m) => ({ default: m.BankPage })));
const ArrearsPage = lazy(() => import('./arrears-page.tsx').then((m) => ({ default: m.ArrearsPage })));
const EmployerArrearsPage = lazy(() =>
  import('./employer-arrears-page.tsx').then((m) => ({ default: m.EmployerArrearsPage })),
);
const FundsPage = lazy(() => import('./funds-page.tsx').then((m) => ({ default: m.FundsPage })));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

type UserPage = ComponentType<{ user: UserView }>;

/** The agency's money pages (payments, bank statements, arrears, funds), as <Route>s of the staff app. */
export function moneyRoutes(user: UserView) {
  const withUser = (Page: UserPage) => loading(<Page user={user} />);
  return [
    <Route key="payments" path="payments" element={withUser(PaymentsPage)} />,
    <Route key="receipt" path="payments/:paymentNo" element={loading(<ReceiptPage />)} />,
    <Route key="bank" path="bank" element={withUser(BankPage)} />,
    <Route key="arrears" path="arrears" element={withUser(ArrearsPage)} />,
    <Route
      key="employer-arrears"
      path="arrears/employers/:employerId"
      element={loading(<EmployerArrearsPage />)}
    />,
    <Route key="funds" path="funds" element={loading(<FundsPage />)} />,
  ];
}

/** Their entries in the staff navigation. */
export function moneyNav(t: TFunction): NavItem[] {
  return [
    { to: '/staff/payments', label: t('staffMoneyPages.nav.payments') },
    { to: '/staff/bank', label: t('staffMoneyPages.nav.bank') },
    { to: '/staff/arrears', label: t('staffMoneyPages.nav.arrears') },
    { to: '/staff/funds', label: t('staffMoneyPages.nav.funds') },
  ];
}
