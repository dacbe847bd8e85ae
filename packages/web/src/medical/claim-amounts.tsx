import { Card, Col, Descriptions, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Claim } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/** What the claim's total became, in the order it was worked out (docs/RULES.md 16.3). */
const BREAKDOWN = [
  'totalFen',
  'notCoveredFen',
  'partSelfPayFen',
  'policyRangeFen',
  'deductibleFen',
  'coinsuranceFen',
  'overCapFen',
] as const;

/** Who pays the claim: the fund, the medical personal account, the cash; then how the total was split. */
export function ClaimAmounts({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <div className="medical-amounts">
      <Row gutter={[12, 12]}>
        {(['pooledFen', 'accountFen', 'cashFen'] as const).map((key) => (
          <Col xs={24} sm={8} key={key}>
            <Card size="small">
              <Statistic
                title={t(`medicalPages.amounts.${key}`)}
                value={claim[key]}
                formatter={() => <Money fen={claim[key]} name={key} />}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="medical-breakdown">
        {BREAKDOWN.map((key) => (
          <Descriptions.Item key={key} label={t(`medicalPages.amounts.${key}`)}>
            <Money fen={claim[key]} name={key} />
          </Descriptions.Item>
        ))}
      </Descriptions>
    </div>
  );
}
