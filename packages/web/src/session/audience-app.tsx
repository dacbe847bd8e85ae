import { useQueryClient } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { audienceOf, type Audience } from '../api/auth.ts';
import type { UserView } from '../api/pending-paths.ts';
import { AppShell, type NavItem } from '../shell/app-shell.tsx';
import { LoadingPage } from '../shell/loading-page.tsx';
import { onSessionExpired } from './session-expiry.ts';
import { SESSION_QUERY_KEY, useSession, useSignOut } from './use-session.ts';

interface AudienceAppProps {
  audience: Audience;
  /** The section's navigation; its first entry is the section's home. */
  nav: (t: TFunction) => NavItem[];
  children: (user: UserView) => ReactNode;
}

/**
 * The frame of a signed-in audience's pages: without a session it sends the visitor to that audience's
 * login (coming back afterwards); with an account of another kind it says so instead of showing pages.
 */
export function AudienceApp({ audience, nav, children }: AudienceAppProps) {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut(() => navigate('/'));
  const queryClient = useQueryClient();
  const [expired, setExpired] = useState(false);
  // Whether this visit had a session: losing it afterwards (not by signing out) means it expired.
  const [hadSession, setHadSession] = useState(false);
  if (session.data && !hadSession) setHadSession(true);
  useEffect(
    () =>
      onSessionExpired(() => {
        setExpired(true);
        queryClient.removeQueries();
        queryClient.setQueryData(SESSION_QUERY_KEY, null);
      }),
    [queryClient],
  );
  if (session.isPending) return <LoadingPage />;
  const user = session.data;
  if (!user) {
    if (!signOut.isIdle) return null; // signing out: on the way to the home page
    const next = encodeURIComponent(location.pathname + location.search);
    const why = expired || hadSession ? '&expired=1' : '';
    return <Navigate to={`/login/${audience}?next=${next}${why}`} replace />;
  }
  const account = {
    name: user.displayName,
    onSignOut: () => signOut.mutate(),
    signingOut: signOut.isPending,
  };
  return (
    <AppShell section={t(`audience.${audience}`)} home={`/${audience}`} nav={nav(t)} account={account}>
      {audienceOf(user) === audience ? (
        children(user)
      ) : (
        <div className="page">
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('session.wrongAudience', { audience: t(`audience.${audience}`) })}
          />
        </div>
      )}
    </AppShell>
  );
}
