import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { AudienceApp } from '../session/audience-app.tsx';
import { useSession } from '../session/use-session.ts';
import { loadTexts } from '../i18n/index.ts';
import { LoadingPage } from '../shell/loading-page.tsx';
import type { NavItem } from '../shell/app-shell.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { PersonDashboard } from './person-dashboard.tsx';
import { usePerson } from './person-queries.ts';
import './person.css';

// The dashboard comes with the section; every other page (tables, forms, the record's ECharts chart) is
// loaded when it is first opened, so signing in fetches only what the first page shows.
const ContributionRecordPage = lazy(() => import('./contribution-record-page.tsx'));
const StatementsPage = lazy(async () => ({
  default: (await import('./statements-page.tsx')).StatementsPage,
}));
const AccessLogPage = lazy(async () => ({ default: (await import('./access-log-page.tsx')).AccessLogPage }));
const FlexiblePage = lazy(async () => ({ default: (await import('./flexible-page.tsx')).FlexiblePage }));
const ReceiptPage = lazy(async () => ({ default: (await import('./receipt-page.tsx')).ReceiptPage }));
// The benefit pages bring their own texts (benefitPages), fetched with their code.
const withBenefitTexts = async <M,>(module: Promise<M>): Promise<M> =>
  (await Promise.all([module, loadTexts('benefits')]))[0];
const ApplicationsPage = lazy(async () => ({
  default: (await withBenefitTexts(import('./applications-page.tsx'))).ApplicationsPage,
}));
const ApplyPensionPage = lazy(async () => ({
  default: (await withBenefitTexts(import('./apply-pension-page.tsx'))).ApplyPensionPage,
}));
const PensionPage = lazy(async () => ({
  // The pension page shows the payments too, with the payroll's texts.
  default: (await Promise.all([withBenefitTexts(import('./pension-page.tsx')), loadTexts('payroll')]))[0]
    .PensionPage,
}));
const ApplyClaimsPage = lazy(async () => ({
  default: (await withBenefitTexts(import('./apply-claims-page.tsx'))).ApplyClaimsPage,
}));
const BenefitsPage = lazy(async () => ({
  // Its payments speak with the payroll's texts, as the pension page's do.
  default: (await Promise.all([withBenefitTexts(import('./benefits-page.tsx')), loadTexts('payroll')]))[0]
    .BenefitsPage,
}));
// The medical page brings its own texts (medicalPages), fetched with its code.
const MedicalPage = lazy(async () => ({
  default: (await Promise.all([import('./medical-page.tsx'), loadTexts('medical')]))[0].MedicalPage,
}));
const PensionForecastPage = lazy(async () => ({
  default: (await withBenefitTexts(import('./pension-forecast-page.tsx'))).PensionForecastPage,
}));
// The notices page brings its own texts (noticePages), fetched with its code.
const NoticesPage = lazy(async () => ({
  default: (await Promise.all([import('./notices-page.tsx'), loadTexts('notices')]))[0].NoticesPage,
}));
// The card page brings its own texts (cardPages), fetched with its code.
const CardPage = lazy(async () => ({
  default: (await Promise.all([import('./card-page.tsx'), loadTexts('cards')]))[0].CardPage,
}));
const PensionAssessmentPage = lazy(async () => ({
  default: (await withBenefitTexts(import('./pension-assessment-page.tsx'))).PensionAssessmentPage,
}));

const loaded = (page: ReactNode) => <Suspense fallback={<LoadingPage />}>{page}</Suspense>;

/** /person/*: the signed-in person's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function PersonApp() {
  const session = useSession();
  const personId = session.data?.kind === 'person' ? session.data.personId : null;
  // Only a flexible worker pays their own contributions, so only they get that page in the menu.
  const flexible = usePerson(personId).data?.category === 'flexible';
  return (
    <AudienceApp
      audience="person"
      nav={(t) => {
        const items: NavItem[] = [
          { to: '/person', label: t('personPages.nav.home'), end: true },
          { to: '/person/notices', label: t('personPages.nav.notices') },
          { to: '/person/record', label: t('personPages.nav.record') },
          { to: '/person/statements', label: t('personPages.nav.statements') },
          { to: '/person/access-log', label: t('personPages.nav.accessLog') },
          { to: '/person/applications', label: t('personPages.nav.applications') },
          { to: '/person/apply-pension', label: t('personPages.nav.apply') },
          { to: '/person/pension', label: t('personPages.nav.pension') },
          { to: '/person/pension-forecast', label: t('personPages.nav.forecast') },
          { to: '/person/apply-benefits', label: t('personPages.nav.applyClaims') },
          { to: '/person/benefits', label: t('personPages.nav.benefits') },
          { to: '/person/medical', label: t('personPages.nav.medical') },
          { to: '/person/card', label: t('personPages.nav.card') },
        ];
        if (flexible) items.push({ to: '/person/flexible', label: t('personPages.nav.flexible') });
        return items;
      }}
    >
      {(user) => (
        <Routes>
          <Route index element={<PersonDashboard user={user} />} />
          <Route path="record" element={loaded(<ContributionRecordPage user={user} />)} />
          <Route path="statements" element={loaded(<StatementsPage user={user} />)} />
          <Route path="access-log" element={loaded(<AccessLogPage user={user} />)} />
          <Route path="flexible" element={loaded(<FlexiblePage user={user} />)} />
          <Route path="receipts/:paymentNo" element={loaded(<ReceiptPage />)} />
          <Route path="applications" element={loaded(<ApplicationsPage user={user} />)} />
          <Route path="applications/:applicationId/assessment" element={loaded(<PensionAssessmentPage />)} />
          <Route path="apply-pension" element={loaded(<ApplyPensionPage user={user} />)} />
          <Route path="pension" element={loaded(<PensionPage user={user} />)} />
          <Route path="apply-benefits" element={loaded(<ApplyClaimsPage user={user} />)} />
          <Route path="benefits" element={loaded(<BenefitsPage user={user} />)} />
          <Route path="medical" element={loaded(<MedicalPage user={user} />)} />
          <Route path="pension-forecast" element={loaded(<PensionForecastPage user={user} />)} />
          <Route path="notices" element={loaded(<NoticesPage user={user} />)} />
          <Route path="card" element={loaded(<CardPage user={user} />)} />
          <Route path="*" element={<NotFoundPage home="/person" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
