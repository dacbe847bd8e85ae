import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Typography } from 'antd';
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
  return (
    <div className="page">
      <Typography.Title level={1}>{t('landing.title')}</Typography.Title>
      <Typography.Paragraph className="lead">{t('landing.intro')}</Typography.Paragraph>
      <section aria-labelledby="landing-choose">
        <Typography.Title level={2} id="landing-choose" className="section-title">
          {t('landing.chooseTitle')}
        </Typography.Title>
        <Row gutter={[16, 16]} role="list">
          {entries.map((entry) => (
            <Col key={entry.to} xs={24} sm={12} lg={6} role="listitem">
              <Card className="entry-card">
                <Typography.Title level={3} className="entry-title">
                  <Link to={entry.to}>{entry.title}</Link>
                </Typography.Title>
                <Typography.Paragraph type="secondary">{entry.text}</Typography.Paragraph>
              </Card>
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
