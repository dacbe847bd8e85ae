import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { ApprovalsPage } from './approvals/approvals-page.tsx';
import { LedgerPage } from './ledger/ledger-page.tsx';
import { PolicyPage } from './policy/policy-page.tsx';
import { RunsPage } from './runs/runs-page.tsx';
import { EmployerPage } from './search/employer-page.tsx';
import { PersonPage } from './search/person-page.tsx';
import { SearchPage } from './search/search-page.tsx';
import './staff.css';

/** /staff/*: the signed-in staff's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function StaffApp() {
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
      ]}
    >
      {(user) => (
        <Routes>
          <Route index element={<AccountHome user={user} audience="staff" />} />
          {/* Records, policy, runs and the ledger */}
          <Route path="search" element={<SearchPage user={user} />} />
          <Route path="employers/:employerId" element={<EmployerPage />} />
          <Route path="persons/:personId" element={<PersonPage />} />
          <Route path="policy" element={<PolicyPage user={user} />} />
          <Route path="approvals" element={<ApprovalsPage user={user} />} />
          <Route path="runs" element={<RunsPage user={user} />} />
          <Route path="ledger" element={<LedgerPage />} />
          <Route path="*" element={<NotFoundPage home="/staff" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
