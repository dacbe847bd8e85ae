import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell.tsx';
import { LoadingPage } from '../shell/loading-page.tsx';

// Each page is its own chunk: the landing page, what most visitors open first, does not wait for the
// forms of the logins, the tables of the verification page or the picture of the page-not-found.
const LandingPage = lazy(() => import('./landing-page.tsx').then((m) => ({ default: m.LandingPage })));
const LoginPage = lazy(() => import('./login-page.tsx').then((m) => ({ default: m.LoginPage })));
const NotFoundPage = lazy(() =>
  import('../shell/not-found-page.tsx').then((m) => ({ default: m.NotFoundPage })),
);
const VerifyPage = lazy(() => import('./verify-page.tsx').then((m) => ({ default: m.VerifyPage })));

function loading(page: ReactNode) {
  return <Suspense fallback={<LoadingPage />}>{page}</Suspense>;
}

/** Pages anyone can open: the landing page, the logins and statement verification. */
export function PublicApp() {
  const { t } = useTranslation();
  const nav = [
    { to: '/', label: t('nav.home'), end: true },
    { to: '/login', label: t('nav.login') },
    { to: '/verify', label: t('nav.verify') },
  ];
  return (
    <AppShell home="/" nav={nav}>
      <Routes>
        <Route index element={loading(<LandingPage />)} />
        <Route path="login/:audience?" element={loading(<LoginPage />)} />
        <Route path="verify/:code?" element={loading(<VerifyPage />)} />
        <Route path="*" element={loading(<NotFoundPage />)} />
      </Routes>
    </AppShell>
  );
}
