import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchInstitutions, medicalKeys, type Institution } from '../../medical/medical-api.ts';
import { chinaToday } from '../../shell/agency-clock.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';
import { TitledSection } from '../titled-section.tsx';
import { AgreementStatusTag } from './agreement-card.tsx';
import { currentAgreement } from './current-agreement.ts';
import { InstitutionKind, SettlingTag } from './institution-facts.tsx';
import { actsOnMedical } from './medical-roles.ts';
import { RegisterInstitutionForm } from './register-institution-form.tsx';

const PAGE_SIZE = 50;

/**
 * /staff/medical/institutions: the region's designated institutions and pharmacies with where their
 * agreements stand and whether they settle today; officers register a new one below (docs/RULES.md 16.1).
 */
export function InstitutionsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('medicalPages.institutions.title'));
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const today = chinaToday();
  const list = useInfiniteQuery({
    queryKey: medicalKeys.institutions(regionCode),
    queryFn: ({ pageParam }) => fetchInstitutions(regionCode, pageParam),
    initialPageParam: undefined as number | undefined,
    // The list pages on the last id shown; a short page is the last.
    getNextPageParam: (last) => (last.length < PAGE_SIZE ? undefined : last.at(-1)?.id),
    enabled: regionCode !== '',
  });
  const rows = list.data?.pages.flat() ?? [];
  return (
    <div className="page page-wide medical-page">
      <Typography.Title level={1}>{t('medicalPages.institutions.title')}</Typography.Title>
      <Typography.Paragraph>{t('medicalPages.institutions.intro')}</Typography.Paragraph>
      {user.regionCodes.length > 1 && (
        <div className="medical-toolbar">
          <div className="medical-toolbar-field">
            <label htmlFor="institutions-region">{t('medicalPages.institution.region')}</label>
            <RegionSelect
              id="institutions-region"
              regionCodes={user.regionCodes}
              value={regionCode}
              onChange={setRegionCode}
            />
          </div>
        </div>
      )}
      {list.isError ? (
        <ProblemAlert error={list.error} describe={problemMessage} />
      ) : (
        <Table<Institution>
          className="medical-institutions"
          size="small"
          rowKey="id"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 880 }}
          locale={{ emptyText: t('medicalPages.institutions.empty') }}
          onRow={(institution) => ({ 'data-code': institution.code }) as object}
          columns={[
            {
              title: t('medicalPages.institution.name'),
              dataIndex: 'name',
              render: (name: string, institution) => (
                <Link to={`/staff/medical/institutions/${institution.id}`}>{name}</Link>
              ),
            },
            {
              title: t('medicalPages.institution.code'),
              dataIndex: 'code',
              render: (code: string) => <code>{code}</code>,
            },
            {
              title: t('medicalPages.institution.kind'),
              key: 'kind',
              render: (_value, institution) => <InstitutionKind institution={institution} />,
            },
            { title: t('medicalPages.institution.region'), dataIndex: 'regionCode' },
            {
              title: t('medicalPages.institutions.agreement'),
              key: 'agreement',
              render: (_value, institution) => {
                const agreement = currentAgreement(institution, today);
                return agreement ? (
                  <AgreementStatusTag agreement={agreement} />
                ) : (
                  t('medicalPages.institutions.noAgreement')
                );
              },
            },
            {
              title: t('medicalPages.institution.settlingToday'),
              key: 'settling',
              render: (_value, institution) => <SettlingTag institution={institution} />,
            },
          ]}
        />
      )}
      {list.hasNextPage && (
        <div className="load-more">
          <Button loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('medicalPages.common.more')}
          </Button>
        </div>
      )}
      {actsOnMedical(user) && (
        <TitledSection id="register-institution-title" title={t('medicalPages.register.title')}>
          <Typography.Paragraph type="secondary">{t('medicalPages.register.intro')}</Typography.Paragraph>
          <RegisterInstitutionForm user={user} />
        </TitledSection>
      )}
    </div>
  );
}
