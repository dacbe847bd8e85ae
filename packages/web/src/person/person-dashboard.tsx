import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { currentLanguage } from '../i18n/index.ts';
import { fetchInbox, noticeKeys } from '../notices/notices-api.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';
import type { RightsRecord } from './person-api.ts';
import { usePerson, useRightsRecord } from './person-queries.ts';
import { chinaYear } from '../shell/agency-clock.ts';
import { periodList } from './period-list.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

/**
 * /person: the person's social insurance at a glance, from the whole rights record: months contributed per
 * insurance, the personal accounts, this year's contributions, and what needs attention (owed months,
 * gaps, months paid by two payers).
 */
export function PersonDashboard({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('personPages.dashboard.title'));
  const personId = user.personId!;
  const record = useRightsRecord(personId);
  const person = usePerson(personId);
  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('personPages.dashboard.title')}</Typography.Title>
      {record.isPending ? (
        <Loading />
      ) : record.isError ? (
        <QueryFailure error={record.error} onRetry={() => void record.refetch()} />
      ) : (
        <DashboardBody
          record={record.data}
          name={user.displayName}
          flexible={person.data?.category === 'flexible'}
          personId={personId}
        />
      )}
    </div>
  );
}

function DashboardBody({
  record,
  name,
  flexible,
  personId,
}: {
  record: RightsRecord;
  name: string;
  flexible: boolean;
  personId: number;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  if (record.lastPeriod === null) {
    return <Alert type="info" showIcon title={t('personPages.dashboard.empty')} />;
  }
  const year = chinaYear();
  const thisYear = record.months.filter((month) => month.period.startsWith(`${year}-`));
  const sum = (pick: (month: RightsRecord['months'][number]) => number) =>
    thisYear.reduce((total, month) => total + pick(month), 0);
  const yearMonths = new Set(thisYear.map((month) => month.period)).size;
  const pension = record.accounts.pension.at(-1);
  const medical = record.accounts.medical.at(-1);
  return (
    <>
      <Typography.Paragraph className="lead">
        {t('personPages.dashboard.greeting', { name, period: formatPeriod(record.lastPeriod, language) })}
      </Typography.Paragraph>
      <Alerts record={record} flexible={flexible} />

      <section aria-labelledby="months-title" className="person-section">
        <Typography.Title level={2} id="months-title" className="section-title">
          {t('personPages.dashboard.monthsTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('personPages.dashboard.monthsCaption')}
        </Typography.Paragraph>
        <Row gutter={[16, 16]}>
          {record.contributionMonths
            .filter((row) => row.cumulative > 0)
            .map((row) => (
              <Col xs={12} md={8} lg={6} key={row.insurance}>
                <Card size="small" className="person-stat">
                  <Statistic
                    title={t(`personPages.insurances.${row.insurance}`)}
                    value={t('personPages.dashboard.monthsValue', { months: row.cumulative })}
                  />
                  <Typography.Text type="secondary">
                    {t('personPages.dashboard.monthsPaid', { months: row.cumulativePaid })}
                  </Typography.Text>
                </Card>
              </Col>
            ))}
        </Row>
      </section>

      <Row gutter={[16, 16]} className="person-section">
        <Col xs={24} lg={12}>
          <section aria-labelledby="accounts-title">
            <Typography.Title level={2} id="accounts-title" className="section-title">
              {t('personPages.dashboard.accountsTitle')}
            </Typography.Title>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['pensionAccount', pension],
                  ['medicalAccount', medical],
                ] as const
              ).map(([label, account]) => (
                <Col xs={24} sm={12} key={label}>
                  <Card size="small" className="person-stat">
                    <Statistic
                      title={t(`personPages.dashboard.${label}`)}
                      value={formatYuan(account?.closingFen ?? 0)}
                    />
                    {account && (
                      <Typography.Text type="secondary">
                        {t('personPages.dashboard.accountYear', {
                          year: account.year,
                          amount: formatYuan(account.contributionsFen),
                        })}
                        <br />
                        {t('personPages.dashboard.interest', {
                          year: account.year,
                          amount: formatYuan(account.interestFen),
                        })}
                      </Typography.Text>
                    )}
                  </Card>
                </Col>
              ))}
            </Row>
          </section>
        </Col>
        <Col xs={24} lg={12}>
          <section aria-labelledby="year-title">
            <Typography.Title level={2} id="year-title" className="section-title">
              {t('personPages.dashboard.yearTitle', { year })}
            </Typography.Title>
            <Card size="small">
              <Row gutter={[16, 16]}>
                <Col xs={12}>
                  <Statistic
                    title={t('personPages.dashboard.yearTotal')}
                    value={formatYuan(sum((month) => month.totalFen))}
                  />
                </Col>
                <Col xs={12}>
                  <Statistic
                    title={t('personPages.dashboard.yearMonths')}
                    value={t('personPages.dashboard.yearMonthsValue', { months: yearMonths })}
                  />
                </Col>
                <Col xs={12}>
                  <Statistic
                    title={t('personPages.dashboard.yearEmployee')}
                    value={formatYuan(sum((month) => month.employeeFen))}
                  />
                </Col>
                <Col xs={12}>
                  <Statistic
                    title={t('personPages.dashboard.yearEmployer')}
                    value={formatYuan(sum((month) => month.employerFen))}
                  />
                </Col>
              </Row>
            </Card>
          </section>
        </Col>
      </Row>

      <section aria-labelledby="quick-title" className="person-section">
        <Typography.Title level={2} id="quick-title" className="section-title">
          {t('personPages.dashboard.quickTitle')}
        </Typography.Title>
        <ul className="person-quick-links">
          <NoticesLink personId={personId} />
          <QuickLink
            to="/person/record"
            title={t('personPages.nav.record')}
            text={t('personPages.dashboard.quickRecord')}
          />
          <QuickLink
            to="/person/statements"
            title={t('personPages.nav.statements')}
            text={t('personPages.dashboard.quickStatements')}
          />
          <QuickLink
            to="/person/access-log"
            title={t('personPages.nav.accessLog')}
            text={t('personPages.dashboard.quickAccessLog')}
          />
          {flexible && (
            <QuickLink
              to="/person/flexible"
              title={t('personPages.nav.flexible')}
              text={t('personPages.dashboard.quickFlexible')}
            />
          )}
        </ul>
      </section>
    </>
  );
}

/** The notices page, with how many notices are unread (the inbox's count; nothing said until it is in). */
function NoticesLink({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const recipient = { kind: 'person', id: personId } as const;
  const inbox = useQuery({
    queryKey: noticeKeys.unread(recipient),
    queryFn: () => fetchInbox(recipient, currentLanguage(i18n.language), undefined, 1),
  });
  const unread = inbox.data?.unread;
  return (
    <QuickLink
      to="/person/notices"
      title={t('personPages.nav.notices')}
      text={
        unread === undefined
          ? ''
          : unread
            ? t('personPages.dashboard.quickNotices', { unread })
            : t('personPages.dashboard.quickNoticesNone')
      }
      testId="quick-notices"
    />
  );
}

function QuickLink({
  to,
  title,
  text,
  testId,
}: {
  to: string;
  title: string;
  text: string;
  testId?: string;
}) {
  return (
    <li>
      <Link to={to} className="person-quick-link" data-testid={testId}>
        <strong>{title}</strong>
        <span>{text}</span>
      </Link>
    </li>
  );
}

/** What needs the person's attention; a plain "nothing to note" when the record is clean. */
function Alerts({ record, flexible }: { record: RightsRecord; flexible: boolean }) {
  const { t, i18n } = useTranslation();
  const list = (periods: string[]) => periodList(periods, i18n.language, t('personPages.dashboard.more'));
  // Owed months split by their due date against the server's today (docs/RULES.md 6.3): overdue ones are
  // arrears; the others are billed and can still be paid in time.
  const periodsWhere = (keep: (month: RightsRecord['months'][number]) => boolean) => [
    ...new Set(record.months.filter((month) => month.status !== 'paid' && keep(month)).map((m) => m.period)),
  ];
  const overdue = periodsWhere((month) => month.dueDate !== null && month.dueDate < record.asOf);
  const pending = periodsWhere((month) => month.dueDate === null || month.dueDate >= record.asOf);
  const payBy = record.months
    .filter((month) => month.status !== 'paid' && month.dueDate !== null && month.dueDate >= record.asOf)
    .map((month) => month.dueDate!)
    .sort()[0];
  const overlaps = record.overlaps.map((overlap) => overlap.period);
  const alerts = [];
  const payLink = (
    <Link to={flexible ? '/person/flexible' : '/person/record'}>
      {flexible ? t('personPages.dashboard.owedFlexible') : t('personPages.dashboard.seeRecord')}
    </Link>
  );
  if (overdue.length)
    alerts.push(
      <Alert
        key="overdue"
        type="error"
        showIcon
        title={
          <h3 className="alert-title">
            {t('personPages.dashboard.overdueTitle', { months: overdue.length })}
          </h3>
        }
        description={t('personPages.dashboard.overdueText', { periods: list(overdue) })}
        action={payLink}
        data-testid="alert-overdue"
      />,
    );
  if (pending.length)
    alerts.push(
      <Alert
        key="pending"
        type="info"
        showIcon
        title={
          <h3 className="alert-title">
            {t('personPages.dashboard.pendingTitle', { months: pending.length })}
          </h3>
        }
        description={
          payBy
            ? t('personPages.dashboard.pendingText', { periods: list(pending), date: payBy })
            : t('personPages.dashboard.pendingTextNoDate', { periods: list(pending) })
        }
        action={payLink}
        data-testid="alert-pending"
      />,
    );
  if (record.gaps.length)
    alerts.push(
      <Alert
        key="gaps"
        type="warning"
        showIcon
        title={
          <h3 className="alert-title">
            {t('personPages.dashboard.gapsTitle', { months: record.gaps.length })}
          </h3>
        }
        description={t('personPages.dashboard.gapsText', { periods: list(record.gaps) })}
      />,
    );
  if (overlaps.length)
    alerts.push(
      <Alert
        key="overlaps"
        type="warning"
        showIcon
        title={
          <h3 className="alert-title">
            {t('personPages.dashboard.overlapsTitle', { months: overlaps.length })}
          </h3>
        }
        description={t('personPages.dashboard.overlapsText', { periods: list(overlaps) })}
        action={<Link to="/person/record">{t('personPages.dashboard.seeRecord')}</Link>}
      />,
    );
  return (
    <section aria-labelledby="alerts-title" className="person-section person-alerts">
      <Typography.Title level={2} id="alerts-title" className="section-title">
        {t('personPages.dashboard.alertsTitle')}
      </Typography.Title>
      {alerts.length ? alerts : <Alert type="success" showIcon title={t('personPages.dashboard.noAlerts')} />}
    </section>
  );
}
