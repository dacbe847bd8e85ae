import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import { BenefitsLoading } from '../benefits/application-parts.tsx';
import type { Application } from '../benefits/benefits-api.ts';
import { FiledClaim, PensionClaimForm } from '../benefits/pension-claim-form.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { usePerson } from './person-queries.ts';

/**
 * /person/apply-pension: the person files their pension claim, then attaches its documents (PDF, JPEG or
 * PNG, each sent as it is). The server's refusals (a start month chosen too late, a claim already open)
 * are shown in the reader's language.
 */
export function ApplyPensionPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.person.apply.title'));
  const personId = user.personId!;
  const person = usePerson(personId);
  const [filed, setFiled] = useState<Application | null>(null);
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.person.apply.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.person.apply.intro')}</Typography.Paragraph>
      {person.isPending ? (
        <BenefitsLoading />
      ) : filed === null ? (
        <PensionClaimForm personId={personId} sex={person.data?.sex} onFiled={setFiled} />
      ) : (
        <FiledClaim
          filed={filed}
          next={<Link to="/person/applications">{t('benefitPages.person.apply.toApplications')}</Link>}
        />
      )}
    </div>
  );
}
