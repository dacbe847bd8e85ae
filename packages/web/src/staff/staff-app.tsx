import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';
import { moneyNav, moneyRoutes } from './money/money-routes.tsx';

/** /staff/*: the signed-in staff's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function StaffApp() {
  return (
    <AudienceApp
      audience="staff"
      nav={(t) => [{ to: '/staff', label: t('nav.home'), end: true }, ...moneyNav(t)]}
    >
      {(user) => (
        <Routes>
          <Route index element={<AccountHome user={user} audience="staff" />} />
          {moneyRoutes(user)}
          <Route path="*" element={<NotFoundPage home="/staff" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
