import { useQuery } from '@tanstack/react-query';
import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../api/client.ts';
import { usePageTitle } from '../shell/page-title.ts';

/** The front door: what Shebao is, one way in per kind of user, and document verification. */
export function LandingPage() {
  const { t } = useTranslation();
  usePageTitle(t('landing.title'));
  const entries = [
    { to: '/login/person', title: t('landing.personTitle'), text: t('landing.personText') },
    { to: '/login/employer', title: t('landing.employerTitle'), text: t('landing.employerText') },
    { to: '/login/staff', title: t('landing.staffTitle'), text: t('landing.staffText') },
    { to: '/verify', title: t('landing.verifyTitle'), text: t('landing.verifyText') },
  ];
  // Plain elements in the look of Ant Design's Typography and Card (styles.css, "landing"): this is the
  // page most visitors load first, and those two components would add about 45 KB to its download
  // (docs/BENCHMARKS.md, "First load").
  return (
    <div className="page">
      <h1 className="landing-title">{t('landing.title')}</h1>
      <p className="lead landing-lead">{t('landing.intro')}</p>
      <section aria-labelledby="landing-choose">
        <h2 id="landing-choose" className="landing-section-title">
          {t('landing.chooseTitle')}
        </h2>
        <Row gutter={[16, 16]} role="list">
          {entries.map((entry) => (
            <Col key={entry.to} xs={24} sm={12} lg={6} role="listitem">
              <div className="landing-entry">
                <h3 className="landing-entry-title">
                  <Link to={entry.to}>{entry.title}</Link>
                </h3>
                <p className="landing-entry-text">{entry.text}</p>
              </div>
            </Col>
          ))}
        </Row>
      </section>
      <ServerStatus />
    </div>
  );
}

/** GET /api/health through the generated client: proves the typed pipeline against the real server. */
function ServerStatus() {
  const { t } = useTranslation();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: async () => {
      const { data } = await api.GET('/api/health');
      return data ?? null;
    },
  });
  if (health.isPending) return null;
  return (
    <p className="server-status" role="status">
      <span className={health.data ? 'status-dot up' : 'status-dot down'} aria-hidden />
      {t('app.serverStatus')}:{' '}
      {health.data ? t('app.serverUp', { database: health.data.database }) : t('app.serverDown')}
    </p>
  );
}
