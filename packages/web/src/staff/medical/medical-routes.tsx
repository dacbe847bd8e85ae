import type { TFunction } from 'i18next';
import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { loadTexts } from '../../i18n/index.ts';
import type { NavItem } from '../../shell/app-shell.tsx';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { ownInstitution, readsMedical } from './medical-roles.ts';
import '../../medical/medical.css';

// Each page is its own chunk, fetched with the medical pages' texts when it is first opened.
const withTexts = async <M,>(module: Promise<M>): Promise<M> =>
  (await Promise.all([module, loadTexts('medical')]))[0];
const InstitutionsPage = lazy(async () => ({
  default: (await withTexts(import('./institutions-page.tsx'))).InstitutionsPage,
}));
const InstitutionPage = lazy(async () => ({
  default: (await withTexts(import('./institution-page.tsx'))).InstitutionPage,
}));
const CounterPage = lazy(async () => ({
  default: (await withTexts(import('./counter-page.tsx'))).CounterPage,
}));
const ClaimPage = lazy(async () => ({ default: (await withTexts(import('./claim-page.tsx'))).ClaimPage }));
const InstitutionClaimsPage = lazy(async () => ({
  default: (await withTexts(import('./institution-claims-page.tsx'))).InstitutionClaimsPage,
}));
const PersonMedicalPage = lazy(async () => ({
  default: (await withTexts(import('./person-medical-page.tsx'))).PersonMedicalPage,
}));
const InstitutionStatementsPage = lazy(async () => ({
  default: (await withTexts(import('./institution-statements-page.tsx'))).InstitutionStatementsPage,
}));
const SettlementsPage = lazy(async () => ({
  default: (await withTexts(import('./settlements-page.tsx'))).SettlementsPage,
}));
const ReviewsPage = lazy(async () => ({
  default: (await withTexts(import('./reviews-page.tsx'))).ReviewsPage,
}));
const FindingsPage = lazy(async () => ({
  default: (await withTexts(import('./findings-page.tsx'))).FindingsPage,
}));
/** An officer at an institution's counter, the institution from the address. */
const OfficerCounter = lazy(async () => ({
  default: (await withTexts(import('./officer-counter-page.tsx'))).OfficerCounterPage,
}));
/** Where an institution's own account lands after signing in (the staff app's home for it). */
export const InstitutionHomePage = lazy(async () => ({
  default: (await withTexts(import('./institution-home-page.tsx'))).InstitutionHomePage,
}));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

/**
 * The institution-bound routes of an institution's own account: its counter, its claims, a claim, its
 * monthly statements.
 */
function institutionRoutes(user: UserView, institutionId: number) {
  return [
    <Route
      key="settle"
      path="medical/settle"
      element={loading(<CounterPage institutionId={institutionId} />)}
    />,
    <Route
      key="claims"
      path="medical/claims"
      element={loading(<InstitutionClaimsPage institutionId={institutionId} />)}
    />,
    <Route key="claim" path="medical/claims/:claimNo" element={loading(<ClaimPage user={user} />)} />,
    <Route
      key="statements"
      path="medical/statements"
      element={loading(<InstitutionStatementsPage institutionId={institutionId} />)}
    />,
  ];
}

/**
 * The medical pages as <Route>s of the staff app (docs/RULES.md 16.1-16.7): for an institution's own account its
 * counter, claims and statements; for the agency the designated institutions, an institution's agreements,
 * claims and statements, a claim, the counter taken by hand for an institution, a person's medical account
 * (and a resident's enrolment), the month's settlement and the retirees' credits, the review queue and the
 * findings (docs/RULES.md 16.4-16.7).
 */
export function medicalRoutes(user: UserView) {
  const own = ownInstitution(user);
  if (own !== null) return institutionRoutes(user, own);
  return [
    <Route
      key="institutions"
      path="medical/institutions"
      element={loading(<InstitutionsPage user={user} />)}
    />,
    <Route
      key="institution"
      path="medical/institutions/:institutionId"
      element={loading(<InstitutionPage user={user} />)}
    />,
    <Route
      key="institution-settle"
      path="medical/institutions/:institutionId/settle"
      element={loading(<OfficerCounter />)}
    />,
    <Route key="claim" path="medical/claims/:claimNo" element={loading(<ClaimPage user={user} />)} />,
    <Route
      key="person-medical"
      path="persons/:personId/medical"
      element={loading(<PersonMedicalPage user={user} />)}
    />,
    <Route key="settlements" path="medical/settlements" element={loading(<SettlementsPage user={user} />)} />,
    <Route key="reviews" path="medical/reviews" element={loading(<ReviewsPage user={user} />)} />,
    <Route key="findings" path="medical/findings" element={loading(<FindingsPage user={user} />)} />,
  ];
}

/**
 * The medical entries of the staff navigation: the institution's own pages, or the agency's: the
 * institutions, the month's settlement, the review queue and the findings (read-only for oversight).
 */
export function medicalNav(t: TFunction, user: UserView | null | undefined): NavItem[] {
  if (ownInstitution(user) !== null)
    return [
      { to: '/staff', label: t('staffPages.nav.institutionHome'), end: true },
      { to: '/staff/medical/settle', label: t('staffPages.nav.medicalSettle') },
      { to: '/staff/medical/claims', label: t('staffPages.nav.medicalClaims') },
      { to: '/staff/medical/statements', label: t('staffPages.nav.institutionStatements') },
    ];
  return user && readsMedical(user)
    ? [
        { to: '/staff/medical/institutions', label: t('staffPages.nav.institutions') },
        { to: '/staff/medical/settlements', label: t('staffPages.nav.medicalSettlements') },
        { to: '/staff/medical/reviews', label: t('staffPages.nav.medicalReviews') },
        { to: '/staff/medical/findings', label: t('staffPages.nav.medicalFindings') },
      ]
    : [];
}
