import { Alert, Card, Radio, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { UserView } from '../api/pending-paths.ts';
import type { Application } from '../benefits/benefits-api.ts';
import type { ClaimKind } from '../benefits/claims-api.ts';
import { usePageTitle } from '../shell/page-title.ts';
import { ClaimFilingForm } from './claim-filing-form.tsx';

const A = 'benefitPages.claims.apply';
const KINDS = [
  'work-injury',
  'injury-benefits',
  'unemployment',
  'maternity',
] as const satisfies readonly ClaimKind[];

/**
 * /person/apply-benefits: applying for a work injury identification, injury benefits, unemployment or
 * maternity benefits (docs/RULES.md 15.14); the kind may come in the address (?kind=maternity).
 */
export function ApplyClaimsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${A}.title`));
  const [params] = useSearchParams();
  const asked = params.get('kind') ?? '';
  const [kind, setKind] = useState<ClaimKind>(
    (KINDS as readonly string[]).includes(asked) ? (asked as ClaimKind) : 'work-injury',
  );
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
        <Card size="small">
          <fieldset className="benefit-fieldset claim-kind-choice">
            <legend>{t(`${A}.kind`)}</legend>
            <Radio.Group
              className="claim-kinds"
              value={kind}
              onChange={(change) => setKind(change.target.value as ClaimKind)}
              options={KINDS.map((value) => ({ value, label: t(`${A}.kinds.${value}`) }))}
            />
          </fieldset>
          <div className="benefit-section">
            <ClaimFilingForm key={kind} personId={user.personId!} kind={kind} onFiled={setFiled} />
          </div>
        </Card>
      )}
    </div>
  );
}
