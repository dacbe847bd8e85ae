import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure, StateTag, useClockWords } from '../../benefits/application-parts.tsx';
import {
  benefitKeys,
  fetchAwards,
  fetchPersonApplications,
  type Application,
} from '../../benefits/benefits-api.ts';
import { AwardView } from '../../benefits/pension-explanation.tsx';
import { PensionPayments } from '../../benefits/pension-payments.tsx';
import { fetchStanding, survivalKeys } from '../../benefits/survival-api.ts';
import { latestVersions } from '../../benefits/award-versions.ts';
import { TitledSection } from '../titled-section.tsx';
import { actsOnBenefits } from './benefit-roles.ts';
import { AwardCorrection } from './award-correction.tsx';
import { StopUnemployment } from './stop-unemployment.tsx';

function ClockCell({ application }: { application: Application }) {
  const words = useClockWords(application);
  return <span data-clock={words.kind}>{words.tag}</span>;
}

/** A pensioner's survival verification in one line (docs/RULES.md 14.9); nothing for others. */
function SurvivalLine({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const S = 'benefitPages.survival';
  const query = useQuery({
    queryKey: survivalKeys.standing(personId),
    queryFn: () => fetchStanding(personId),
  });
  const standing = query.data?.standing;
  if (!standing) return null;
  return (
    <Typography.Paragraph className="survival-line" data-status={standing.status}>
      {t(`${S}.staffLine`, {
        status: query.data!.deceased ? t(`${S}.card.deceased`) : t(`${S}.status.${standing.status}`),
        cycle: t(`${S}.card.cycle`, { start: standing.cycleStart, end: standing.cycleEnd }),
        paid: t(`${S}.card.paidThrough`, { month: standing.verifiedThrough }),
      })}
    </Typography.Paragraph>
  );
}

/**
 * The staff's person page: the person's benefit applications and awards, a pensioner's survival
 * verification, and (officers) a claim at the counter or a death report.
 */
export function PersonBenefits({ personId, user }: { personId: number; user: UserView }) {
  const { t } = useTranslation();
  const applications = useQuery({
    queryKey: benefitKeys.person(personId),
    queryFn: () => fetchPersonApplications(personId),
  });
  const awards = useQuery({ queryKey: benefitKeys.awards(personId), queryFn: () => fetchAwards(personId) });
  return (
    <TitledSection id="person-benefits" title={t('benefitPages.staff.person.title')}>
      {actsOnBenefits(user) && (
        <Typography.Paragraph>
          <Link to={`/staff/persons/${personId}/pension-claim`}>
            {t('benefitPages.staff.application.counter')}
          </Link>
          {' · '}
          <Link to={`/staff/persons/${personId}/claims`}>{t('benefitPages.claims.counter.link')}</Link>
          {' · '}
          <Link to={`/staff/death-reports?personId=${personId}`}>
            {t('benefitPages.survival.death.formTitle')}
          </Link>
        </Typography.Paragraph>
      )}
      <SurvivalLine personId={personId} />
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.staff.person.applications')}
      </Typography.Title>
      {applications.isError ? (
        <LoadFailure error={applications.error} onRetry={() => void applications.refetch()} />
      ) : (
        <Table<Application>
          rowKey="id"
          size="small"
          loading={applications.isPending}
          pagination={false}
          dataSource={applications.data?.items ?? []}
          scroll={{ x: 560 }}
          locale={{ emptyText: t('benefitPages.staff.person.noApplications') }}
          columns={[
            {
              title: t('benefitPages.common.applicationNo'),
              dataIndex: 'applicationNo',
              render: (no: string, row) => <Link to={`/staff/applications/${row.id}`}>{no}</Link>,
            },
            {
              title: t('benefitPages.common.kind'),
              dataIndex: 'kind',
              render: (kind: Application['kind']) => t(`benefitPages.kinds.${kind}`),
            },
            { title: t('benefitPages.common.filedOn'), dataIndex: 'filedOn' },
            {
              title: t('benefitPages.common.state'),
              dataIndex: 'state',
              render: (state: Application['state']) => <StateTag state={state} />,
            },
            {
              title: t('benefitPages.clock.title'),
              key: 'clock',
              render: (_, row) => <ClockCell application={row} />,
            },
          ]}
        />
      )}
      <Typography.Title level={3} className="subsection-title">
        {t('benefitPages.staff.person.awards')}
      </Typography.Title>
      {awards.isPending ? (
        <BenefitsLoading />
      ) : awards.isError ? (
        <LoadFailure error={awards.error} onRetry={() => void awards.refetch()} />
      ) : awards.data.items.length === 0 ? (
        <Typography.Paragraph type="secondary">
          {t('benefitPages.staff.person.noAwards')}
        </Typography.Paragraph>
      ) : (
        <>
          {latestVersions(awards.data.items).map((award) => (
            <div key={award.awardNo} data-award={award.awardNo}>
              <AwardView award={award} headingLevel={3} />
              <AwardCorrection award={award} officer={actsOnBenefits(user)} />
              {award.kind === 'unemployment' && actsOnBenefits(user) && (
                <StopUnemployment personId={personId} />
              )}
            </div>
          ))}
          <PensionPayments personId={personId} headingLevel={3} />
        </>
      )}
    </TitledSection>
  );
}
