import { LogoutOutlined } from '@ant-design/icons';
import { Button, Layout } from 'antd';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, useLocation } from 'react-router';
import { LanguageSwitch } from './language-switch.tsx';

export interface NavItem {
  to: string;
  label: string;
  /** Match the path exactly (for a section's home), not as a prefix. */
  end?: boolean;
}

export interface AppShellProps {
  /** Shown beside the app's name, e.g. "参保人" on a person's pages. */
  section?: string;
  home: string;
  nav: readonly NavItem[];
  /** The signed-in account's name and a sign-out action, on the audiences' pages. */
  account?: { name: string; onSignOut: () => void; signingOut?: boolean };
  children: ReactNode;
}

/**
 * The frame of every page: a skip link, a header (brand, main navigation, account, language switch),
 * the main landmark that receives focus after each navigation, and a footer.
 */
export function AppShell({ section, home, nav, account, children }: AppShellProps) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const firstPath = useRef(pathname);

  // After a client-side navigation, move focus to the new page as a full page load would.
  useEffect(() => {
    if (pathname === firstPath.current) return;
    firstPath.current = '';
    document.getElementById('main')?.focus();
  }, [pathname]);

  return (
    <Layout className="shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="shell-header">
        <Link to={home} className="shell-brand">
          <span className="shell-brand-name">{t('app.name')}</span>
          {section && <span className="shell-brand-section">{section}</span>}
        </Link>
        <nav aria-label={t('nav.main')} className="shell-nav">
          <ul>
            {nav.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end ?? false}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell-actions">
          {account && (
            <>
              <span className="shell-account">{t('nav.signedInAs', { name: account.name })}</span>
              <Button
                type="text"
                icon={<LogoutOutlined aria-hidden />}
                loading={account.signingOut ?? false}
                onClick={account.onSignOut}
              >
                {t('nav.signOut')}
              </Button>
            </>
          )}
          <LanguageSwitch />
        </div>
      </Layout.Header>
      <Layout.Content id="main" tabIndex={-1} className="shell-main">
        {children}
      </Layout.Content>
      <Layout.Footer className="shell-footer">{t('app.footer')}</Layout.Footer>
    </Layout>
  );
}
