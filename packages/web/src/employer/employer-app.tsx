import './employer.css';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { LoadingPage } from '../shell/loading-page.tsx';
import { loadTexts } from '../i18n/index.ts';

// Each page is its own chunk: the tables, forms and dialogs of one page do not delay the others.
const EmployerHomePage = lazy(async () => ({
  default: (await import('./home-page.tsx')).EmployerHomePage,
}));
const StaffPage = lazy(async () => ({ default: (await import('./staff-page.tsx')).StaffPage }));
const BasesPage = lazy(async () => ({ default: (await import('./bases-page.tsx')).BasesPage }));
const BillsPage = lazy(async () => ({ default: (await import('./bills-page.tsx')).BillsPage }));
const BillPage = lazy(async () => ({ default: (await import('./bill-page.tsx')).BillPage }));
const PaymentsPage = lazy(async () => ({ default: (await import('./payments-page.tsx')).PaymentsPage }));
const ReceiptPage = lazy(async () => ({ default: (await import('./receipt-page.tsx')).ReceiptPage }));
const ArrearsPage = lazy(async () => ({ default: (await import('./arrears-page.tsx')).ArrearsPage }));
// The injury and maternity page speaks with the benefit pages' texts (applications, clocks, decisions).
const ClaimsPage = lazy(async () => ({
  default: (await Promise.all([import('./claims-page.tsx'), loadTexts('benefits')]))[0].ClaimsPage,
}));

// The notices page brings its own texts (noticePages), fetched with its code.
const NoticesPage = lazy(async () => ({
  default: (await Promise.all([import('./notices-page.tsx'), loadTexts('notices')]))[0].NoticesPage,
}));

// The card page brings its own texts (cardPages), fetched with its code.
const CardsPage = lazy(async () => ({
  default: (await Promise.all([import('./cards-page.tsx'), loadTexts('cards')]))[0].CardsPage,
}));

/** /employer/*: the signed-in employer's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function EmployerApp() {
  return (
    <AudienceApp
      audience="employer"
      nav={(t) => [
        { to: '/employer', label: t('employerPages.nav.home'), end: true },
        { to: '/employer/staff', label: t('employerPages.nav.staff') },
        { to: '/employer/bases', label: t('employerPages.nav.bases') },
        { to: '/employer/bills', label: t('employerPages.nav.bills') },
        { to: '/employer/payments', label: t('employerPages.nav.payments') },
        { to: '/employer/arrears', label: t('employerPages.nav.arrears') },
        { to: '/employer/claims', label: t('employerPages.nav.claims') },
        { to: '/employer/notices', label: t('employerPages.nav.notices') },
        { to: '/employer/cards', label: t('employerPages.nav.cards') },
      ]}
    >
      {(user) => {
        // An employer account always belongs to one employer; the server checks every request against it.
        const employerId = user.employerId ?? 0;
        return (
          <Suspense fallback={<LoadingPage />}>
            <Routes>
              <Route index element={<EmployerHomePage employerId={employerId} />} />
              <Route path="staff" element={<StaffPage employerId={employerId} />} />
              <Route path="bases" element={<BasesPage employerId={employerId} />} />
              <Route path="bills" element={<BillsPage employerId={employerId} />} />
              <Route path="bills/:billNo" element={<BillPage employerId={employerId} />} />
              <Route path="payments" element={<PaymentsPage employerId={employerId} />} />
              <Route path="payments/:paymentNo" element={<ReceiptPage employerId={employerId} />} />
              <Route path="arrears" element={<ArrearsPage employerId={employerId} />} />
              <Route path="claims" element={<ClaimsPage employerId={employerId} />} />
              <Route path="notices" element={<NoticesPage employerId={employerId} />} />
              <Route path="cards" element={<CardsPage employerId={employerId} />} />
              <Route path="*" element={<NotFoundPage home="/employer" />} />
            </Routes>
          </Suspense>
        );
      }}
    </AudienceApp>
  );
}
