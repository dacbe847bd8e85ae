import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { AppShell } from '../shell/app-shell.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { LandingPage } from './landing-page.tsx';
import { LoginPage } from './login-page.tsx';
import { VerifyPage } from './verify-page.tsx';

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
        <Route index element={<LandingPage />} />
        <Route path="login/:audience?" element={<LoginPage />} />
        <Route path="verify/:code?" element={<VerifyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </AppShell>
  );
}
