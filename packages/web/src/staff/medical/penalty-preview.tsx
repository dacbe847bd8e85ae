import { formatPpmAsFactor } from '@shebao/domain';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Money } from '../../medical/money-cell.tsx';
import type { PenaltyCheck } from './penalty-terms.ts';
import type { FindingSubject } from './supervision-api.ts';

const F = 'medicalFundPages.finding';

/**
 * What the penalty typed so far comes to, as the domain works it out: the loss recovered, the fine (the
 * multiple times the loss, in whole fen) and the suspension or termination. Nothing while it does not
 * stand yet: the form's fields say why.
 */
export function PenaltyPreview({ check, subject }: { check: PenaltyCheck; subject: FindingSubject }) {
  const { t } = useTranslation();
  if (!check.ok) return null;
  return (
    <div className="medical-penalty-preview" aria-live="polite">
      <Typography.Text strong>{t(`${F}.preview`)}</Typography.Text>
      <ul>
        <li>
          {t(`${F}.previewRecover`)} <Money fen={check.lossFen} name="lossFen" />
        </li>
        <li>
          {t(`${F}.previewFine`, { multiple: formatPpmAsFactor(check.multiplePpm) })}{' '}
          <Money fen={check.lossFen} /> × {formatPpmAsFactor(check.multiplePpm)} ={' '}
          <Money fen={check.fineFen} name="fineFen" />
        </li>
        {check.suspensionMonths > 0 && (
          <li>
            {t(subject === 'institution' ? `${F}.previewSuspendAgreement` : `${F}.previewSuspendSettlement`, {
              months: check.suspensionMonths,
            })}
          </li>
        )}
        {check.terminate && <li>{t(`${F}.previewTerminate`)}</li>}
      </ul>
    </div>
  );
}
