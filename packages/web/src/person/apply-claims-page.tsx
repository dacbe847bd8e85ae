import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import type { Application } from '../benefits/benefits-api.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { ClaimKindForm, claimKindOf } from './claim-kind-form.tsx';

const A = 'benefitPages.claims.apply';

/**
 * /person/apply-benefits: applying for a work injury identification, injury benefits, unemployment or
 * maternity benefits (docs/RULES.md 15.14); the kind may come in the address (?kind=maternity).
 */
export function ApplyClaimsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${A}.title`));
  const [params] = useSearchParams();
  const [filed, setFiled] = useState<Application | null>(null);
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t(`${A}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${A}.intro`)}</Typography.Paragraph>
      {filed ? (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t(`${A}.filed`, { no: filed.applicationNo })}
          action={<Link to="/person/applications">{t(`${A}.viewApplications`)}</Link>}
        />
      ) : (
        <ClaimKindForm
          personId={user.personId!}
          initialKind={claimKindOf(params.get('kind'))}
          onFiled={setFiled}
        />
      )}
    </div>
  );
}
