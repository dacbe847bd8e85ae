import { Alert, Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaTime, formatPeriod, formatYuan } from '../shell/format.ts';
import type { Award, PensionAssessment } from './benefits-api.ts';
import { explanationInputLabel, explanationText, sourcesText } from './benefit-terms.ts';

/** One part of an explanation as the domain writes it (packages/domain/src/explain). */
interface ExplainedPart {
  rule?: string;
  formula?: string;
  inputs?: Record<string, string>;
  sources?: string[];
}

const PARTS = ['eligibility', 'averageIndex', 'basic', 'account', 'transitional', 'total'] as const;
type Part = (typeof PARTS)[number];

function isPart(value: unknown): value is ExplainedPart {
  return typeof value === 'object' && value !== null && 'formula' in value;
}

/**
 * Every part of a pension, explained: the rule (in the reader's language), the formula with the actual
 * numbers, the inputs and the legal sources. Parts the page does not know are shown after, as they came.
 */
export function ExplanationParts({ explanation }: { explanation: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const keys = [
    ...PARTS.filter((part) => part in explanation),
    ...Object.keys(explanation).filter((key) => !(PARTS as readonly string[]).includes(key)),
  ];
  return (
    <div className="benefit-explanation">
      {keys.map((key) => {
        const part = explanation[key];
        if (!isPart(part)) return null;
        const known = (PARTS as readonly string[]).includes(key);
        // A yearly adjustment and a correction add a part named for their year or version (docs/RULES.md 14.11, 14.12).
        const adjustment = /^adjustment-(\d{4})$/.exec(key);
        const correction = /^correction-(\d+)$/.exec(key);
        // The parts of a work-injury, unemployment or maternity claim (docs/RULES.md 15.17-15.19).
        const claimPart = !known && i18n.exists(`benefitPages.claims.parts.${key}`) ? key : null;
        const title = known
          ? t(`benefitPages.explain.parts.${key as Part}`)
          : claimPart
            ? t(`benefitPages.claims.parts.${claimPart as 'ownWage'}`)
            : adjustment
              ? t('benefitPages.explain.parts.adjustment', { year: adjustment[1] })
              : correction
                ? t('benefitPages.explain.parts.correction', { version: correction[1] })
                : key;
        const rule =
          language === 'en'
            ? (part.rule ?? '')
            : known
              ? t(`benefitPages.explain.rules.${key as Part}`)
              : claimPart
                ? t(`benefitPages.claims.rules.${claimPart as 'ownWage'}`)
                : adjustment
                  ? t('benefitPages.explain.rules.adjustment')
                  : correction
                    ? t('benefitPages.explain.rules.correction')
                    : (part.rule ?? '');
        // The inputs of a claim's parts by their names in the reader's language, where the pages know them.
        const claimInputLabel = (name: string): string | null =>
          i18n.exists(`benefitPages.claims.inputs.${name}`)
            ? t(`benefitPages.claims.inputs.${name as 'grade'}`)
            : null;
        return (
          <Card key={key} size="small" className="benefit-part" data-part={key}>
            <Typography.Title level={3} className="subsection-title">
              {title}
            </Typography.Title>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('benefitPages.explain.rule')}>{rule}</Descriptions.Item>
              {part.formula && (
                <Descriptions.Item label={t('benefitPages.explain.formula')}>
                  <code>{explanationText(part.formula, language)}</code>
                </Descriptions.Item>
              )}
              {Object.entries(part.inputs ?? {}).map(([name, value]) => (
                <Descriptions.Item
                  key={name}
                  label={explanationInputLabel(t, name) ?? claimInputLabel(name) ?? <code>{name}</code>}
                >
                  {explanationText(value, language)}
                </Descriptions.Item>
              ))}
              {part.sources && part.sources.length > 0 && (
                <Descriptions.Item label={t('benefitPages.explain.sources')}>
                  {sourcesText(t, part.sources, language)}
                </Descriptions.Item>
              )}
            </Descriptions>
          </Card>
        );
      })}
    </div>
  );
}

/** A pension award: the monthly amount, the start month, the account (masked), and every part explained. */
export function AwardView({ award, headingLevel = 2 }: { award: Award; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  return (
    <section
      className="benefit-section benefit-award"
      aria-label={`${t('benefitPages.award.title')} ${award.awardNo}`}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={t('benefitPages.award.monthly')} value={formatYuan(award.monthlyFen)} />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('benefitPages.award.validFrom')}
              value={formatPeriod(award.validFrom, i18n.language)}
            />
          </Card>
        </Col>
        <Col xs={12} md={8}>
          <Card size="small">
            <Statistic
              title={t('benefitPages.award.payee')}
              value={`${t(`benefitPages.facts.payeeKinds.${award.payee.kind}`)} ${award.payee.accountMasked}`}
              valueStyle={{ fontSize: '1rem' }}
            />
          </Card>
        </Col>
      </Row>
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="benefit-section">
        <Descriptions.Item label={t('benefitPages.award.awardNo')}>{award.awardNo}</Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.award.version')}>
          {t('benefitPages.award.versionValue', { version: award.version })}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.award.recordedAt')}>
          {formatChinaTime(award.recordedAt, i18n.language)}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={headingLevel} className="section-title">
        {t('benefitPages.explain.title')}
      </Typography.Title>
      <ExplanationParts explanation={award.explanation} />
    </section>
  );
}

interface Refusal {
  code: string;
  message: string;
}

/** An assessment's outcome as explanation parts, the same shape an award keeps. */
function assessmentParts(outcome: PensionAssessment['outcome']): Record<string, unknown> {
  const explanation = outcome.explanation as { eligibility?: unknown } | undefined;
  const index = outcome.index as { explanation?: unknown } | undefined;
  const pension = outcome.pension as { explanation?: Record<string, unknown> } | undefined;
  return {
    ...(explanation?.eligibility ? { eligibility: explanation.eligibility } : {}),
    ...(index?.explanation ? { averageIndex: index.explanation } : {}),
    ...(pension?.explanation ?? {}),
  };
}

/** The reasons an assessment refuses, for a refusal to take over (code, words, source). */
export function assessmentReasons(assessment: PensionAssessment): Refusal[] {
  return assessment.outcome.eligible ? [] : ((assessment.outcome.reasons as Refusal[] | undefined) ?? []);
}

/** A pension assessment: eligible or not (the shortfall and the options), the figures, every part explained. */
export function AssessmentView({ assessment }: { assessment: PensionAssessment }) {
  const { t, i18n } = useTranslation();
  const { outcome, inputs } = assessment;
  const pension = outcome.pension as { totalFen?: number } | undefined;
  const reasons = assessmentReasons(assessment);
  const options = (outcome.options as string[] | undefined) ?? [];
  const shortfall = Number(outcome.shortfallMonths ?? 0);
  return (
    <div className="benefit-assessment" data-eligible={String(outcome.eligible)}>
      <Alert
        type={outcome.eligible ? 'success' : 'warning'}
        showIcon
        title={
          outcome.eligible
            ? t('benefitPages.assessment.eligible')
            : `${t('benefitPages.assessment.notEligible')}${shortfall > 0 ? `（${t('benefitPages.assessment.shortfall', { count: shortfall })}）` : ''}`
        }
        description={
          reasons.length > 0 || options.length > 0 ? (
            <>
              {reasons.length > 0 && (
                <ul className="benefit-reasons" aria-label={t('benefitPages.assessment.reasons')}>
                  {reasons.map((reason) => (
                    <li key={reason.code}>
                      {i18n.exists(`benefitPages.decision.codes.${reason.code}`)
                        ? t(`benefitPages.decision.codes.${reason.code as 'eligible'}`)
                        : reason.message}
                    </li>
                  ))}
                </ul>
              )}
              {options.length > 0 && (
                <>
                  <strong>{t('benefitPages.assessment.options')}</strong>
                  <ul className="benefit-reasons">
                    {options.map((option) => (
                      <li key={option}>
                        {t(`benefitPages.assessment.optionTexts.${option as 'keep-paying'}`, {
                          defaultValue: option,
                        })}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </>
          ) : undefined
        }
      />
      <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} className="benefit-section">
        {pension?.totalFen !== undefined && (
          <Descriptions.Item label={t('benefitPages.assessment.monthly')}>
            <strong>{formatYuan(pension.totalFen)}</strong>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('benefitPages.assessment.startMonth')}>
          {formatPeriod(outcome.startMonth, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.startKind')}>
          {t(`benefitPages.assessment.startKinds.${outcome.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.paidMonths')}>
          {outcome.paidMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.deemedMonths')}>
          {outcome.deemedMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.contributionMonths')}>
          {outcome.contributionMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.minContributionMonths')}>
          {outcome.minContributionMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.accountBalance')}>
          {formatYuan(inputs.accountBalanceFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.calcBase')}>
          {formatYuan(inputs.calcBaseFen)}
        </Descriptions.Item>
      </Descriptions>
      <ExplanationParts explanation={assessmentParts(outcome)} />
    </div>
  );
}
