import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { LoadingPage } from '../shell/loading-page.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { useSession } from '../session/use-session.ts';
import { benefitNav, benefitRoutes } from './benefits/benefit-routes.tsx';
import { moneyNav, moneyRoutes } from './money/money-routes.tsx';
import './staff.css';

// Each page is its own chunk, fetched when it is opened (the money pages do the same in money-routes.tsx).
const SearchPage = lazy(() => import('./search/search-page.tsx').then((m) => ({ default: m.SearchPage })));
const EmployerPage = lazy(() =>
  import('./search/employer-page.tsx').then((m) => ({ default: m.EmployerPage })),
);
const PersonPage = lazy(() => import('./search/person-page.tsx').then((m) => ({ default: m.PersonPage })));
const PolicyPage = lazy(() => import('./policy/policy-page.tsx').then((m) => ({ default: m.PolicyPage })));
const ApprovalsPage = lazy(() =>
  import('./approvals/approvals-page.tsx').then((m) => ({ default: m.ApprovalsPage })),
);
const RunsPage = lazy(() => import('./runs/runs-page.tsx').then((m) => ({ default: m.RunsPage })));
const LedgerPage = lazy(() => import('./ledger/ledger-page.tsx').then((m) => ({ default: m.LedgerPage })));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

/** /staff/*: the signed-in staff's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function StaffApp() {
  // The benefit queue is in the menu of the roles it lets in.
  const session = useSession();
  return (
    <AudienceApp
      audience="staff"
      nav={(t) => [
        { to: '/staff', label: t('nav.home'), end: true },
        // Records, policy, runs and the ledger
        { to: '/staff/search', label: t('staffPages.nav.search') },
        { to: '/staff/policy', label: t('staffPages.nav.policy') },
        { to: '/staff/approvals', label: t('staffPages.nav.approvals') },
        { to: '/staff/runs', label: t('staffPages.nav.runs') },
        { to: '/staff/ledger', label: t('staffPages.nav.ledger') },
        // Benefit applications and awards
        ...benefitNav(t, session.data),
        // Payments, bank statements, arrears and funds
        ...moneyNav(t),
      ]}
    >
      {(user) => (
        <Routes>
          <Route index element={<AccountHome user={user} audience="staff" />} />
          {/* Records, policy, runs and the ledger */}
          <Route path="search" element={loading(<SearchPage user={user} />)} />
          <Route path="employers/:employerId" element={loading(<EmployerPage user={user} />)} />
          <Route path="persons/:personId" element={loading(<PersonPage user={user} />)} />
          <Route path="policy" element={loading(<PolicyPage user={user} />)} />
          <Route path="approvals" element={loading(<ApprovalsPage user={user} />)} />
          <Route path="runs" element={loading(<RunsPage user={user} />)} />
          <Route path="ledger" element={loading(<LedgerPage />)} />
          {benefitRoutes(user)}
          {moneyRoutes(user)}
          <Route path="*" element={<NotFoundPage home="/staff" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
