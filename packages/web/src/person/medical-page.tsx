import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { fetchMedicalAccount, medicalKeys } from '../medical/medical-api.ts';
import { MedicalAccountView } from '../medical/medical-account-view.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

/**
 * /person/medical: the person's medical insurance (docs/RULES.md 16.4): the medical personal account with
 * every credit and spending, the year's deductibles and what the fund paid, each claim with its
 * explanation, and the residents' enrolments with their waiting periods.
 */
export function MedicalPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('medicalPages.account.title'));
  const personId = user.personId!;
  const account = useQuery({
    queryKey: medicalKeys.account(personId),
    queryFn: () => fetchMedicalAccount(personId),
  });
  return (
    <div className="page person-page medical-page">
      <Typography.Title level={1}>{t('medicalPages.account.title')}</Typography.Title>
      <Typography.Paragraph>{t('medicalPages.account.intro')}</Typography.Paragraph>
      {account.isPending ? (
        <Loading />
      ) : account.isError ? (
        <QueryFailure error={account.error} onRetry={() => void account.refetch()} />
      ) : (
        <MedicalAccountView account={account.data} />
      )}
    </div>
  );
}
