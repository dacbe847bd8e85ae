import { Card, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Application } from '../benefits/benefits-api.ts';
import type { ClaimKind } from '../benefits/claims-api.ts';
import { ClaimFilingForm } from './claim-filing-form.tsx';

const A = 'benefitPages.claims.apply';
const FILED_CLAIM_KINDS = [
  'work-injury',
  'injury-benefits',
  'unemployment',
  'maternity',
] as const satisfies readonly ClaimKind[];

/** The kind a page was asked for in its address (?kind=maternity), or a work injury. */
export function claimKindOf(asked: string | null): ClaimKind {
  return (FILED_CLAIM_KINDS as readonly string[]).includes(asked ?? '')
    ? (asked as ClaimKind)
    : 'work-injury';
}

/**
 * Choosing what to apply for, and its form (docs/RULES.md 15.14): the person's own page and the counter's
 * (where staff also file the survivors' death benefits) share it.
 */
export function ClaimKindForm({
  personId,
  initialKind,
  onFiled,
  atCounter = false,
}: {
  personId: number;
  initialKind: ClaimKind;
  onFiled: (application: Application) => void;
  atCounter?: boolean;
}) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<ClaimKind>(initialKind);
  return (
    <Card size="small">
      <fieldset className="benefit-fieldset claim-kind-choice">
        <legend>{t(`${A}.kind`)}</legend>
        <Radio.Group
          className="claim-kinds"
          value={kind}
          onChange={(change) => setKind(change.target.value as ClaimKind)}
          options={FILED_CLAIM_KINDS.map((value) => ({ value, label: t(`${A}.kinds.${value}`) }))}
        />
      </fieldset>
      <div className="benefit-section">
        <ClaimFilingForm key={kind} personId={personId} kind={kind} onFiled={onFiled} atCounter={atCounter} />
      </div>
    </Card>
  );
}
