import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { LineTotalsTable } from './line-totals-table.tsx';
import type { Claim } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/** The person's year as the claim left it: each line's deductible used and fund paid, and the caps left. */
export function YearAfterClaim({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  const { year } = claim;
  return (
    <div className="medical-year-after">
      <LineTotalsTable
        deductibleUsedFen={year.deductibleUsedFen}
        pooledFen={year.pooledFen}
        pooledTotalFen={year.pooledTotalFen}
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="medical-caps">
        <Descriptions.Item label={t('medicalPages.year.annualCapLeft')}>
          <Money fen={year.annualCapLeftFen} name="annualCapLeftFen" />
        </Descriptions.Item>
        {year.lineCapLeftFen !== null && claim.line && (
          <Descriptions.Item
            label={t('medicalPages.year.lineCapLeft', {
              line: t(`medicalPages.lines.${claim.line}`, { defaultValue: claim.line }),
            })}
          >
            <Money fen={year.lineCapLeftFen} name="lineCapLeftFen" />
          </Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
