import { Alert, Descriptions, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { employerBearsText, hasChinese, sourcesText } from './benefit-terms.ts';
import type { ClaimAssessment, OneTimePayment } from './claims-api.ts';
import { ExplanationParts } from './pension-explanation.tsx';

const C = 'benefitPages.claims';

/** A reason of the server's (English) for people: its code's name when the pages know it. */
function ReasonLine({ reason }: { reason: { code: string; message: string; source: string } }) {
  const { t, i18n } = useTranslation();
  const known = i18n.exists(`benefitPages.decision.codes.${reason.code}`);
  const words = i18n.language === 'en' || hasChinese(reason.message) || !known ? reason.message : '';
  return (
    <li data-code={reason.code}>
      {known && <strong>{t(`benefitPages.decision.codes.${reason.code as 'eligible'}`)}</strong>}
      {known && words && '：'}
      {words}
      {reason.source && (
        <div className="benefit-reason-source">
          {t('benefitPages.decision.source')}：{sourcesText(t, reason.source, i18n.language)}
        </div>
      )}
    </li>
  );
}

/** The one-time payments of a claim: what, how much, to whom (the account masked), why. */
export function OneTimePaymentsTable({ payments }: { payments: readonly OneTimePayment[] }) {
  const { t } = useTranslation();
  return (
    <Table<OneTimePayment>
      className="claim-one-time"
      size="small"
      rowKey={(row) => `${row.kind}-${row.amountFen}`}
      pagination={false}
      dataSource={[...payments]}
      scroll={{ x: 560 }}
      locale={{ emptyText: t(`${C}.assessment.noOneTime`) }}
      columns={[
        {
          title: t(`${C}.assessment.kind`),
          dataIndex: 'kind',
          render: (kind: string) =>
            t(`${C}.oneTimeKinds.${kind as 'maternity-medical'}`, { defaultValue: kind }),
        },
        {
          title: t(`${C}.assessment.amount`),
          dataIndex: 'amountFen',
          align: 'right',
          render: (amountFen: number) => <span data-amount-fen={amountFen}>{formatYuan(amountFen)}</span>,
        },
        { title: t(`${C}.assessment.payee`), dataIndex: 'payeeName' },
        { title: t(`${C}.assessment.account`), dataIndex: 'accountMasked' },
      ]}
    />
  );
}

/** What the employer bears of an injury (WIIR Arts. 17, 33, 62), as the explanation lists it. */
export function EmployerBears({ explanation }: { explanation: Record<string, unknown> | undefined }) {
  const { t, i18n } = useTranslation();
  const bears = explanation?.employerBears;
  if (!Array.isArray(bears) || bears.length === 0) return null;
  return (
    <div className="benefit-section claim-employer-bears">
      <Typography.Title level={4} className="subsection-title">
        {t(`${C}.assessment.employerBears`)}
      </Typography.Title>
      <ul>
        {(bears as string[]).map((line) => (
          <li key={line}>{employerBearsText(line, i18n.language)}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * A claim of work-injury benefits, unemployment or maternity as assessed (docs/RULES.md 15.17-15.19):
 * eligible or why not, the fund, the monthly amount and its months, the one-time payments, what the employer
 * bears, and every part explained with its legal source.
 */
export function ClaimAssessmentView({ assessment }: { assessment: ClaimAssessment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const explanation = assessment.explanation;
  const awardedMonths = explanation?.awardedMonths;
  return (
    <div className="benefit-assessment claim-assessment" data-eligible={String(assessment.eligible)}>
      <Alert
        type={assessment.eligible ? 'success' : 'warning'}
        showIcon
        title={t(assessment.eligible ? `${C}.assessment.eligible` : `${C}.assessment.notEligible`)}
        description={
          assessment.reasons.length > 0 ? (
            <ul className="benefit-reasons">
              {assessment.reasons.map((reason) => (
                <ReasonLine key={reason.code} reason={reason} />
              ))}
            </ul>
          ) : undefined
        }
      />
      {assessment.eligible && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="benefit-section">
          {assessment.fund && (
            <Descriptions.Item label={t(`${C}.assessment.fund`)}>
              <span data-fund={assessment.fund}>{t(`${C}.funds.${assessment.fund}`)}</span>
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t(`${C}.assessment.monthly`)}>
            {assessment.monthlyFen ? (
              <strong data-monthly-fen={assessment.monthlyFen}>{formatYuan(assessment.monthlyFen)}</strong>
            ) : (
              t(`${C}.assessment.noMonthly`)
            )}
          </Descriptions.Item>
          {assessment.monthlyFen && assessment.validFrom ? (
            <Descriptions.Item label={t(`${C}.assessment.validFrom`)}>
              {formatPeriod(assessment.validFrom, language)}
            </Descriptions.Item>
          ) : null}
          {assessment.lastMonth && (
            <Descriptions.Item label={t(`${C}.assessment.lastMonth`)}>
              {formatPeriod(assessment.lastMonth, language)}
            </Descriptions.Item>
          )}
          {typeof awardedMonths === 'number' && (
            <Descriptions.Item label={t(`${C}.assessment.awardedMonths`)}>
              {t(`${C}.assessment.monthsValue`, { count: awardedMonths })}
            </Descriptions.Item>
          )}
          {assessment.laterSteps && assessment.laterSteps.length > 0 && (
            <Descriptions.Item label={t(`${C}.assessment.laterSteps`)}>
              {assessment.laterSteps.map((step) => (
                <div key={step.validFrom}>
                  {t(`${C}.assessment.laterStep`, {
                    month: formatPeriod(step.validFrom, language),
                    amount: formatYuan(step.monthlyFen),
                  })}
                </div>
              ))}
            </Descriptions.Item>
          )}
          {assessment.decisionSource && (
            <Descriptions.Item label={t(`${C}.assessment.decisionSource`)}>
              {sourcesText(t, assessment.decisionSource, language)}
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {assessment.eligible && (
        <>
          <Typography.Title level={4} className="subsection-title">
            {t(`${C}.assessment.oneTime`)}
          </Typography.Title>
          <OneTimePaymentsTable payments={assessment.oneTimePayments ?? []} />
        </>
      )}
      <EmployerBears explanation={explanation} />
      {explanation && (
        <>
          <Typography.Title level={4} className="subsection-title">
            {t(`${C}.assessment.explanation`)}
          </Typography.Title>
          <ExplanationParts explanation={explanation} />
        </>
      )}
    </div>
  );
}
