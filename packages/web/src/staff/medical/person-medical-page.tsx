import { useQuery } from '@tanstack/react-query';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { fetchMedicalAccount, medicalKeys } from '../../medical/medical-api.ts';
import { MedicalAccountView } from '../../medical/medical-account-view.tsx';
import { LoadingPage } from '../../shell/loading-page.tsx';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { recordsEnrolments } from './medical-roles.ts';
import { ResidentEnrolmentForm } from './resident-enrolment-form.tsx';

/**
 * /staff/persons/:personId/medical: a person's medical account, year, claims and enrolments as the person
 * sees them, read by staff (the server writes the read into the person's access log); the counter's
 * officers take a resident's yearly enrolment below (docs/RULES.md 16.5).
 */
export function PersonMedicalPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  const personId = useParams().personId ?? '';
  const person = useQuery({
    queryKey: ['staff', 'person', personId],
    queryFn: () => dataOf(() => api.GET('/api/persons/{personId}', { params: { path: { personId } } })),
  });
  const account = useQuery({
    queryKey: medicalKeys.account(Number(personId)),
    queryFn: () => fetchMedicalAccount(Number(personId)),
    enabled: /^\d+$/.test(personId),
  });
  const title = person.data
    ? t('medicalPages.staffPerson.title', { name: person.data.name })
    : t('medicalPages.account.title');
  usePageTitle(title);
  return (
    <div className="page page-wide medical-page">
      <Link to={`/staff/persons/${personId}`}>{t('medicalPages.staffPerson.back')}</Link>
      <Typography.Title level={1}>{title}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('medicalPages.staffPerson.logged')}</Typography.Paragraph>
      {account.isError ? (
        <ProblemAlert error={account.error} describe={problemMessage} />
      ) : account.data ? (
        <MedicalAccountView account={account.data} />
      ) : (
        <LoadingPage />
      )}
      {recordsEnrolments(user) && /^\d+$/.test(personId) && (
        <TitledSection id="resident-enrolment-title" title={t('medicalFundPages.enrolment.title')}>
          <ResidentEnrolmentForm personId={Number(personId)} />
        </TitledSection>
      )}
    </div>
  );
}
