import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { FlexibleGradeSection } from './flexible-grade-section.tsx';
import { FlexiblePaymentsSection } from './flexible-payments-section.tsx';
import { FlexiblePaySection } from './flexible-pay-section.tsx';
import { usePerson } from './person-queries.ts';
import { Loading, QueryFailure } from './query-failure.tsx';

/** /person/flexible: a flexible worker's grade, open bills, online payment and past payments. */
export function FlexiblePage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('personPages.flexible.title'));
  const personId = user.personId!;
  const person = usePerson(personId);
  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('personPages.flexible.title')}</Typography.Title>
      <Typography.Paragraph>{t('personPages.flexible.intro')}</Typography.Paragraph>
      {person.isPending ? (
        <Loading />
      ) : person.isError ? (
        <QueryFailure error={person.error} onRetry={() => void person.refetch()} />
      ) : person.data.category !== 'flexible' ? (
        <Alert type="info" showIcon title={t('personPages.flexible.notFlexible')} />
      ) : (
        <>
          <FlexibleGradeSection personId={personId} />
          <FlexiblePaySection personId={personId} />
          <FlexiblePaymentsSection personId={personId} />
        </>
      )}
    </div>
  );
}
