import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClaimAmounts } from './claim-amounts.tsx';
import { ClaimItemsTable } from './claim-items-table.tsx';
import { ExplanationView } from './explanation-view.tsx';
import type { Claim } from './medical-api.ts';
import { YearAfterClaim } from './year-after-claim.tsx';

/**
 * A settled claim as its answer explains it: who pays what, the year it leaves (deductibles, caps), the
 * items, and the explanation step by step. The counter's result, a claim's page and the person's expanded
 * claim all show it so; `headingLevel` fits its headings under the page's own.
 */
export function ClaimSettlement({ claim, headingLevel = 2 }: { claim: Claim; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const heading = (text: string) => (
    <Typography.Title level={headingLevel} className="medical-subtitle">
      {text}
    </Typography.Title>
  );
  return (
    <div className="medical-settlement" data-claim-no={claim.claimNo}>
      {heading(t('medicalPages.claim.amountsTitle'))}
      <ClaimAmounts claim={claim} />
      {heading(t('medicalPages.claim.yearTitle', { year: claim.year.year }))}
      <YearAfterClaim claim={claim} />
      {heading(t('medicalPages.claim.itemsTitle'))}
      <ClaimItemsTable items={claim.items} />
      {heading(t('medicalPages.explain.title'))}
      <ExplanationView explanation={claim.explanation} />
    </div>
  );
}
