import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AudienceApp } from '../session/audience-app.tsx';
import { useSession } from '../session/use-session.ts';
import { LoadingPage } from '../shell/loading-page.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { AccessLogPage } from './access-log-page.tsx';
import { FlexiblePage } from './flexible-page.tsx';
import { PersonDashboard } from './person-dashboard.tsx';
import { usePerson } from './person-queries.ts';
import { ReceiptPage } from './receipt-page.tsx';
import { StatementsPage } from './statements-page.tsx';
import './person.css';

// The record page draws its chart with ECharts: loaded only when the page is opened.
const ContributionRecordPage = lazy(() => import('./contribution-record-page.tsx'));

/** /person/*: the signed-in person's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function PersonApp() {
  const session = useSession();
  const personId = session.data?.kind === 'person' ? session.data.personId : null;
  // Only a flexible worker pays their own contributions, so only they get that page in the menu.
  const flexible = usePerson(personId).data?.category === 'flexible';
  return (
    <AudienceApp
      audience="person"
      nav={(t) => [
        { to: '/person', label: t('personPages.nav.home'), end: true },
        { to: '/person/record', label: t('personPages.nav.record') },
        { to: '/person/statements', label: t('personPages.nav.statements') },
        { to: '/person/access-log', label: t('personPages.nav.accessLog') },
        ...(flexible ? [{ to: '/person/flexible', label: t('personPages.nav.flexible') }] : []),
      ]}
    >
      {(user) => (
        <Routes>
          <Route index element={<PersonDashboard user={user} />} />
          <Route
            path="record"
            element={
              <Suspense fallback={<LoadingPage />}>
                <ContributionRecordPage user={user} />
              </Suspense>
            }
          />
          <Route path="statements" element={<StatementsPage user={user} />} />
          <Route path="access-log" element={<AccessLogPage user={user} />} />
          <Route path="flexible" element={<FlexiblePage user={user} />} />
          <Route path="receipts/:paymentNo" element={<ReceiptPage />} />
          <Route path="*" element={<NotFoundPage home="/person" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
