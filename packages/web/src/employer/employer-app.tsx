import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';

/** /employer/*: the signed-in employer's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function EmployerApp() {
  return (
    <AudienceApp audience="employer" nav={(t) => [{ to: '/employer', label: t('nav.home'), end: true }]}>
      {(user) => (
        <Routes>
          <Route index element={<AccountHome user={user} audience="employer" />} />
          <Route path="*" element={<NotFoundPage home="/employer" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
