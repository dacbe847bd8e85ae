import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { LoadingPage } from '../shell/loading-page.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { useSession } from '../session/use-session.ts';
import { benefitNav, benefitRoutes } from './benefits/benefit-routes.tsx';
import { InstitutionHomePage, medicalNav, medicalRoutes } from './medical/medical-routes.tsx';
import { ownInstitution } from './medical/medical-roles.ts';
import { moneyNav, moneyRoutes } from './money/money-routes.tsx';
import { readsNotices } from './notices/notice-roles.ts';
import { seesCardPage } from './cards/card-roles.ts';
import { loadTexts } from '../i18n/index.ts';
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
// The notices page brings its own texts (noticePages), fetched with its code.
const NoticesPage = lazy(async () => ({
  default: (await Promise.all([import('./notices/notices-page.tsx'), loadTexts('notices')]))[0].NoticesPage,
}));

// The card page brings its own texts (cardPages), fetched with its code.
const CardsPage = lazy(async () => ({
  default: (await Promise.all([import('./cards/cards-page.tsx'), loadTexts('cards')]))[0].CardsPage,
}));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

/**
 * /staff/*: the signed-in staff's pages, loaded as their own chunk. Add a page as a <Route> here. An
 * institution's own account (institution_user) is staff too, but sees only its institution's pages: its
 * home, its counter and its claims; the agency's pages are neither in its menu nor among its routes.
 */
export function StaffApp() {
  // The benefit queue and the medical pages are in the menu of the roles they let in.
  const session = useSession();
  const institutionId = ownInstitution(session.data);
  return (
    <AudienceApp
      audience="staff"
      nav={(t) =>
        institutionId !== null
          ? [
              ...medicalNav(t, session.data),
              // An institution verifies the electronic cards shown at its counter (e-cards.verify).
              { to: '/staff/cards', label: t('staffPages.nav.cards') },
            ]
          : [
              { to: '/staff', label: t('nav.home'), end: true },
              // Records, policy, runs and the ledger
              { to: '/staff/search', label: t('staffPages.nav.search') },
              { to: '/staff/policy', label: t('staffPages.nav.policy') },
              { to: '/staff/approvals', label: t('staffPages.nav.approvals') },
              { to: '/staff/runs', label: t('staffPages.nav.runs') },
              { to: '/staff/ledger', label: t('staffPages.nav.ledger') },
              // Deliveries and region runs, for the roles that read them (notice-runs.read)
              ...(session.data && readsNotices(session.data)
                ? [{ to: '/staff/notices', label: t('staffPages.nav.notices') }]
                : []),
              // Social security cards: the queue and batches, or e-card verification (cards.*, e-cards.*)
              ...(session.data && seesCardPage(session.data)
                ? [{ to: '/staff/cards', label: t('staffPages.nav.cards') }]
                : []),
              // Benefit applications and awards
              ...benefitNav(t, session.data),
              // Designated medical institutions
              ...medicalNav(t, session.data),
              // Payments, bank statements, arrears and funds
              ...moneyNav(t),
            ]
      }
    >
      {(user) =>
        institutionId !== null ? (
          <Routes>
            <Route index element={loading(<InstitutionHomePage institutionId={institutionId} />)} />
            {medicalRoutes(user)}
            <Route path="cards" element={loading(<CardsPage user={user} />)} />
            <Route path="*" element={<NotFoundPage home="/staff" />} />
          </Routes>
        ) : (
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
            <Route path="notices" element={loading(<NoticesPage user={user} />)} />
            <Route path="cards" element={loading(<CardsPage user={user} />)} />
            {benefitRoutes(user)}
            {medicalRoutes(user)}
            {moneyRoutes(user)}
            <Route path="*" element={<NotFoundPage home="/staff" />} />
          </Routes>
        )
      }
    </AudienceApp>
  );
}
