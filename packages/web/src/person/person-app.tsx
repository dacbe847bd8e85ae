import { Route, Routes } from 'react-router';
import { AccountHome } from '../session/account-home.tsx';
import { AudienceApp } from '../session/audience-app.tsx';
import { NotFoundPage } from '../shell/not-found-page.tsx';

/** /person/*: the signed-in person's pages, loaded as their own chunk. Add a page as a <Route> here. */
export function PersonApp() {
  return (
    <AudienceApp audience="person" nav={(t) => [{ to: '/person', label: t('nav.home'), end: true }]}>
      {(user) => (
        <Routes>
          <Route index element={<AccountHome user={user} audience="person" />} />
          <Route path="*" element={<NotFoundPage home="/person" />} />
        </Routes>
      )}
    </AudienceApp>
  );
}
