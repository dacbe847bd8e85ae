import './employer.css';
import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { ArrearsPage } from './arrears-page.tsx';
import { BasesPage } from './bases-page.tsx';
import { BillPage } from './bill-page.tsx';
import { BillsPage } from './bills-page.tsx';
import { PaymentsPage } from './payments-page.tsx';
import { ReceiptPage } from './receipt-page.tsx';
import { StaffPage } from './staff-page.tsx';

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
      ]}
    >
      {(user) => {
        // An employer account always belongs to one employer; the server checks every request against it.
        const employerId = user.employerId ?? 0;
        return (
          <Routes>
            <Route index element={<AccountHome user={user} audience="employer" />} />
            <Route path="staff" element={<StaffPage employerId={employerId} />} />
            <Route path="bases" element={<BasesPage employerId={employerId} />} />
            <Route path="bills" element={<BillsPage employerId={employerId} />} />
            <Route path="bills/:billNo" element={<BillPage employerId={employerId} />} />
            <Route path="payments" element={<PaymentsPage employerId={employerId} />} />
            <Route path="payments/:paymentNo" element={<ReceiptPage employerId={employerId} />} />
            <Route path="arrears" element={<ArrearsPage employerId={employerId} />} />
            <Route path="*" element={<NotFoundPage home="/employer" />} />
          </Routes>
        );
      }}
    </AudienceApp>
  );
}
