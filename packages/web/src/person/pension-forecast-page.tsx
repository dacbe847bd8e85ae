import { formatFenAsYuan, formatPpmAsPercent, parsePercentToPpm, parseYuanToFen } from '@shebao/domain';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Collapse,
  Descriptions,
  Form,
  InputNumber,
  Row,
  Select,
  Statistic,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../benefits/application-parts.tsx';
import {
  benefitKeys,
  fetchForecast,
  type Forecast,
  type ForecastAssumptions,
  type ForecastCase,
} from '../benefits/benefits-api.ts';
import { AssessmentView } from '../benefits/pension-explanation.tsx';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { usePageTitle } from '../shell/page-title.ts';

/** The form keeps what was typed as text (InputNumber's string mode), read exactly into fen and ppm. */
interface AssumptionForm {
  wageGrowthPercent?: string | null;
  futureBaseYuan?: string | null;
  interestPercent?: string | null;
  retirementGroup?: ForecastAssumptions['retirementGroup'];
}

const percentText = (ppm: number) => formatPpmAsPercent(ppm).replace(/%$/, '');

function assumptionsOf(form: AssumptionForm): ForecastAssumptions {
  return {
    ...(form.wageGrowthPercent ? { wageGrowthPpm: parsePercentToPpm(form.wageGrowthPercent) } : {}),
    ...(form.futureBaseYuan ? { futureBaseFen: parseYuanToFen(form.futureBaseYuan) } : {}),
    ...(form.interestPercent ? { interestPpm: parsePercentToPpm(form.interestPercent) } : {}),
    ...(form.retirementGroup ? { retirementGroup: form.retirementGroup } : {}),
  };
}

/** Where the server says an assumption came from, in the reader's language. */
function sourceText(text: string, language: string, given: string): string {
  if (text === 'given') return given;
  if (language === 'en') return text;
  return text
    .replace(/^assumed: ([\d.]+)% a year$/, '假设每年增长 $1%')
    .replace(/^the base of (\d{4}-\d{2}) in the record$/, '记录中 $1 的缴费基数')
    .replace(
      /^the crediting rate of (\d{4}) \((.*)\)$/,
      '人力资源社会保障部、财政部公布的 $1 年个人账户记账利率',
    )
    .replace(/^the average wage of (\d{4}-\d{2}) \(index 1\)$/, '$1 的社会平均工资（指数 1）');
}

/**
 * /person/pension-forecast: the pension on the person's own record at the earliest, the statutory and the
 * latest start, side by side, under assumptions the person may change (docs/RULES.md 14.8, 14.13), each
 * case with every part explained as an assessment is.
 */
export function PensionForecastPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.person.forecast.title'));
  const personId = user.personId!;
  const [assumptions, setAssumptions] = useState<ForecastAssumptions>({});
  const forecast = useQuery({
    queryKey: benefitKeys.forecast(personId, assumptions),
    queryFn: () => fetchForecast(personId, assumptions),
  });
  return (
    <div className="page person-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.person.forecast.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.person.forecast.intro')}</Typography.Paragraph>
      {forecast.isPending ? (
        <BenefitsLoading />
      ) : forecast.isError ? (
        <LoadFailure error={forecast.error} onRetry={() => void forecast.refetch()} />
      ) : (
        <>
          <Assumptions forecast={forecast.data} onChange={setAssumptions} />
          <Row gutter={[16, 16]} className="benefit-section forecast-cases">
            {forecast.data.cases.map((forecastCase) => (
              <Col key={forecastCase.label} xs={24} md={8}>
                <CaseSummary forecastCase={forecastCase} />
              </Col>
            ))}
          </Row>
          <Typography.Title level={2} className="section-title">
            {t('benefitPages.person.forecast.details')}
          </Typography.Title>
          <Collapse
            items={forecast.data.cases.map((forecastCase) => ({
              key: forecastCase.label,
              label: `${t(`benefitPages.person.forecast.cases.${forecastCase.label}`)} · ${forecastCase.startMonth}`,
              children: (
                <AssessmentView
                  assessment={{
                    applicationId: 0,
                    outcome: forecastCase.outcome,
                    inputs: {
                      accountBalanceFen: forecastCase.accountBalanceFen,
                      calcBaseFen: forecastCase.calcBaseFen,
                      deemedMonths: 0,
                      recordMonths: forecast.data.recordMonths,
                    },
                  }}
                />
              ),
            }))}
          />
          <Alert
            className="benefit-section"
            type="info"
            showIcon
            title={t('benefitPages.person.forecast.disclaimer')}
          />
        </>
      )}
    </div>
  );
}

function CaseSummary({ forecastCase }: { forecastCase: ForecastCase }) {
  const { t, i18n } = useTranslation();
  const pension = forecastCase.outcome.pension as { totalFen?: number } | undefined;
  return (
    <Card
      size="small"
      className="forecast-case"
      data-case={forecastCase.label}
      title={t(`benefitPages.person.forecast.cases.${forecastCase.label}`)}
    >
      {forecastCase.outcome.eligible && pension?.totalFen !== undefined ? (
        <Statistic title={t('benefitPages.person.forecast.monthly')} value={formatYuan(pension.totalFen)} />
      ) : (
        <Alert type="warning" showIcon title={t('benefitPages.person.forecast.notEligible')} />
      )}
      <Descriptions size="small" column={1}>
        <Descriptions.Item label={t('benefitPages.person.forecast.start')}>
          {formatPeriod(forecastCase.startMonth, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.contributionMonths')}>
          {forecastCase.outcome.contributionMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.person.forecast.projected')}>
          {forecastCase.projectedMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.assessment.accountBalance')}>
          {formatYuan(forecastCase.accountBalanceFen)}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The assumptions used, each with where it came from, and a form to change them. */
function Assumptions({
  forecast,
  onChange,
}: {
  forecast: Forecast;
  onChange: (assumptions: ForecastAssumptions) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<AssumptionForm>();
  const { assumptions } = forecast;
  const source = (text: string) => sourceText(text, i18n.language, t('benefitPages.person.forecast.given'));
  return (
    <Card
      size="small"
      className="benefit-section forecast-assumptions"
      title={t('benefitPages.person.forecast.assumptions')}
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item
          label={t('benefitPages.person.forecast.fromMonth', {
            month: formatPeriod(forecast.fromMonth, i18n.language),
          })}
        >
          {t('benefitPages.person.forecast.recordMonths')}: {forecast.recordMonths}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.person.forecast.accountNow')}>
          {formatYuan(forecast.accountBalanceNowFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefitPages.person.forecast.accountRate')}>
          {formatPpmAsPercent(assumptions.accountRatePpm.value)}
        </Descriptions.Item>
      </Descriptions>
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          wageGrowthPercent: percentText(assumptions.wageGrowthPpm.value),
          futureBaseYuan: formatFenAsYuan(assumptions.futureBaseFen.value),
          interestPercent: percentText(assumptions.interestPpm.value),
          retirementGroup: forecast.retirementGroup,
        }}
        onFinish={(values) => onChange(assumptionsOf(values))}
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="wageGrowthPercent"
              label={t('benefitPages.person.forecast.wageGrowth')}
              extra={`${t('benefitPages.person.forecast.source')}: ${source(assumptions.wageGrowthPpm.source)}`}
            >
              <InputNumber stringMode min={0} max={20} step={0.5} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="futureBaseYuan"
              label={t('benefitPages.person.forecast.futureBase')}
              extra={`${t('benefitPages.person.forecast.source')}: ${source(assumptions.futureBaseFen.source)}`}
            >
              <InputNumber
                stringMode
                min={0}
                max={1_000_000}
                step={100}
                precision={2}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name="interestPercent"
              label={t('benefitPages.person.forecast.interest')}
              extra={`${t('benefitPages.person.forecast.source')}: ${source(assumptions.interestPpm.source)}`}
            >
              <InputNumber stringMode min={0} max={20} step={0.1} precision={2} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {forecast.retirementGroup !== 'male' && (
            <Col xs={24} md={8}>
              <Form.Item name="retirementGroup" label={t('benefitPages.person.forecast.retirementGroup')}>
                <Select
                  options={(['female-55', 'female-50'] as const).map((group) => ({
                    value: group,
                    label: t(`benefitPages.person.forecast.groups.${group}`),
                  }))}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
        <Button type="primary" htmlType="submit">
          {t('benefitPages.person.forecast.recalculate')}
        </Button>
      </Form>
    </Card>
  );
}
