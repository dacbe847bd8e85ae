import {
  formatPpmAsPercent,
  parsePercentToPpm,
  parseYuanToFen,
  ROUNDING_MODE_LABELS,
  ROUNDING_MODES,
} from '@shebao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import type { UserView } from '../../api/pending-paths.ts';
import type { paths } from '../../api/schema.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { dataOf } from '../api-data.ts';
import { problemMessage } from '../problem-message.tsx';
import { RegionSelect } from '../region-select.tsx';
import { actsOnBenefits } from './benefit-roles.ts';

type Policy =
  paths['/api/regions/{regionCode}/pension-adjustments']['get']['responses'][200]['content']['application/json']['items'][number];
type Proposal =
  paths['/api/regions/{regionCode}/pension-adjustments/proposals']['get']['responses'][200]['content']['application/json']['items'][number];
type RunReply =
  paths['/api/regions/{regionCode}/pension-adjustments/{policyId}/application']['post']['responses'][200]['content']['application/json'];
type PolicyInput = NonNullable<
  paths['/api/regions/{regionCode}/pension-adjustments']['post']['requestBody']
>['content']['application/json'];

const keys = {
  policies: (regionCode: string) => ['pension-adjustments', regionCode, 'policies'] as const,
  proposals: (regionCode: string) => ['pension-adjustments', regionCode, 'proposals'] as const,
};

const onRegion = (regionCode: string) => ({ path: { regionCode } });

/** What the form keeps: amounts and rates as typed (read exactly into fen and ppm), months as pickers. */
interface ProposalForm {
  year: number;
  effectiveMonth: Dayjs;
  publishedOn: Dayjs;
  startedBy: Dayjs;
  percent: string;
  fixedYuan: string;
  perYearYuan: string;
  yearCounting: PolicyInput['yearCounting'];
  ageTilt?: { minAgeYears: number; extraYuan: string }[];
  rounding: PolicyInput['rounding'];
  source: string;
}

function inputOf(form: ProposalForm): PolicyInput {
  return {
    year: form.year,
    effectiveMonth: form.effectiveMonth.format('YYYY-MM'),
    publishedOn: form.publishedOn.format('YYYY-MM-DD'),
    startedBy: form.startedBy.format('YYYY-MM'),
    percentPpm: parsePercentToPpm(form.percent, 'percent'),
    fixedFen: parseYuanToFen(form.fixedYuan, 'fixedYuan'),
    perYearFen: parseYuanToFen(form.perYearYuan, 'perYearYuan'),
    yearCounting: form.yearCounting,
    ageTilt: (form.ageTilt ?? []).map((bracket) => ({
      minAgeYears: bracket.minAgeYears,
      extraFen: parseYuanToFen(bracket.extraYuan, 'extraYuan'),
    })),
    rounding: form.rounding,
    source: form.source,
  };
}

/**
 * /staff/pension-adjustments: the region's yearly pension adjustments (docs/RULES.md 14.11): the versions
 * approved, each applied to the pensions in payment with one button (a repeat changes nothing); the
 * proposals waiting for a second officer; and the form that proposes the year's notice.
 */
export function AdjustmentsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('benefitPages.staff.adjustments.title'));
  const regionId = useId();
  const [regionCode, setRegionCode] = useState(user.regionCodes[0] ?? '');
  const officer = actsOnBenefits(user);
  return (
    <div className="page staff-page benefit-page">
      <Typography.Title level={1}>{t('benefitPages.staff.adjustments.title')}</Typography.Title>
      <Typography.Paragraph>{t('benefitPages.staff.adjustments.intro')}</Typography.Paragraph>
      <Space className="benefit-section">
        <label htmlFor={regionId}>{t('benefitPages.common.region')}</label>
        <RegionSelect
          id={regionId}
          regionCodes={user.regionCodes}
          value={regionCode}
          onChange={setRegionCode}
        />
      </Space>
      {regionCode !== '' && (
        <>
          <Policies regionCode={regionCode} officer={officer} />
          <Proposals regionCode={regionCode} officer={officer} />
          {officer && <ProposeForm regionCode={regionCode} />}
        </>
      )}
    </div>
  );
}

function Policies({ regionCode, officer }: { regionCode: string; officer: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const A = 'benefitPages.staff.adjustments';
  const policies = useQuery({
    queryKey: keys.policies(regionCode),
    queryFn: () =>
      dataOf(() =>
        api.GET('/api/regions/{regionCode}/pension-adjustments', { params: onRegion(regionCode) }),
      ),
  });
  const apply = useMutation({
    mutationFn: (policyId: number) =>
      dataOf(() =>
        api.POST('/api/regions/{regionCode}/pension-adjustments/{policyId}/application', {
          params: { path: { regionCode, policyId: String(policyId) } },
        }),
      ),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.policies(regionCode) }),
  });
  return (
    <section className="benefit-section" aria-label={t(`${A}.policies`)}>
      <Typography.Title level={2} className="section-title">
        {t(`${A}.policies`)}
      </Typography.Title>
      {policies.isError && <ProblemAlert error={policies.error} describe={problemMessage} />}
      <Table<Policy>
        rowKey="id"
        size="small"
        loading={policies.isPending}
        pagination={false}
        scroll={{ x: 900 }}
        dataSource={policies.data?.items ?? []}
        locale={{ emptyText: t(`${A}.none`) }}
        columns={[
          { title: t(`${A}.year`), dataIndex: 'year' },
          { title: t(`${A}.version`), dataIndex: 'version' },
          {
            title: t(`${A}.effectiveMonth`),
            dataIndex: 'effectiveMonth',
            render: (month: string) => formatPeriod(month, i18n.language),
          },
          { title: t(`${A}.publishedOn`), dataIndex: 'publishedOn' },
          {
            title: t(`${A}.parts`),
            key: 'parts',
            render: (_, policy) =>
              t(`${A}.partsValue`, {
                percent: formatPpmAsPercent(policy.percentPpm),
                fixed: formatYuan(policy.fixedFen),
                perYear: formatYuan(policy.perYearFen),
                counting: t(`${A}.countings.${policy.yearCounting}`),
                tilt:
                  policy.ageTilt.length === 0
                    ? '—'
                    : policy.ageTilt
                        .map((bracket) => `≥${bracket.minAgeYears}: ${formatYuan(bracket.extraFen)}`)
                        .join('，'),
              }),
          },
          { title: t(`${A}.source`), dataIndex: 'source' },
          { title: t(`${A}.adjustedAwards`), dataIndex: 'adjustedAwards', align: 'right' },
          ...(officer
            ? [
                {
                  title: t(`${A}.apply`),
                  key: 'apply',
                  render: (_: unknown, policy: Policy) => (
                    <Button
                      size="small"
                      loading={apply.isPending && apply.variables === policy.id}
                      onClick={() => apply.mutate(policy.id)}
                    >
                      {t(`${A}.apply`)}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {apply.isError && <ProblemAlert error={apply.error} describe={problemMessage} />}
      {apply.data && <RunResult run={apply.data} />}
    </section>
  );
}

function RunResult({ run }: { run: RunReply }) {
  const { t } = useTranslation();
  const A = 'benefitPages.staff.adjustments';
  return (
    <Alert
      className="benefit-section adjustment-run"
      role="status"
      type={run.heldForReview.length > 0 ? 'warning' : 'success'}
      showIcon
      title={t(`${A}.applied`, {
        adjusted: run.adjusted,
        already: run.alreadyAdjusted,
        notEligible: run.notEligible,
      })}
      description={
        <>
          {run.lateMonths > 0 && <div>{t(`${A}.late`, { count: run.lateMonths })}</div>}
          {run.arrearsMonths > 0 && <div>{t(`${A}.arrears`, { count: run.arrearsMonths })}</div>}
          {run.heldForReview.length > 0 && (
            <>
              <div>{t(`${A}.held`, { count: run.heldForReview.length })}</div>
              <ul className="benefit-reasons">
                {run.heldForReview.map((held) => (
                  <li key={held.awardNo}>
                    {held.awardNo}: {held.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      }
    />
  );
}

function Proposals({ regionCode, officer }: { regionCode: string; officer: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const A = 'benefitPages.staff.adjustments';
  const proposals = useQuery({
    queryKey: keys.proposals(regionCode),
    queryFn: () =>
      dataOf(() =>
        api.GET('/api/regions/{regionCode}/pension-adjustments/proposals', {
          params: onRegion(regionCode),
        }),
      ),
  });
  const decide = useMutation({
    mutationFn: ({ approvalId, decision }: { approvalId: number; decision: 'approve' | 'reject' }) =>
      dataOf(() =>
        api.POST('/api/regions/{regionCode}/pension-adjustments/proposals/{approvalId}/decision', {
          params: { path: { regionCode, approvalId: String(approvalId) } },
          body: { decision },
        }),
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.proposals(regionCode) });
      void client.invalidateQueries({ queryKey: keys.policies(regionCode) });
    },
  });
  const items = proposals.data?.items ?? [];
  return (
    <section className="benefit-section" aria-label={t(`${A}.proposals`)}>
      <Typography.Title level={2} className="section-title">
        {t(`${A}.proposals`)}
      </Typography.Title>
      {proposals.isError && <ProblemAlert error={proposals.error} describe={problemMessage} />}
      {items.length === 0 && !proposals.isPending && (
        <Typography.Paragraph type="secondary">{t(`${A}.noProposals`)}</Typography.Paragraph>
      )}
      {items.map((proposal: Proposal) => (
        <Card key={proposal.id} size="small" className="adjustment-proposal" data-approval={proposal.id}>
          <Typography.Paragraph>{proposal.summary}</Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            {t(`${A}.proposedBy`, { who: proposal.proposedByName, id: proposal.id })}
          </Typography.Paragraph>
          {officer && (
            <Space wrap>
              <Button
                type="primary"
                loading={decide.isPending}
                onClick={() => decide.mutate({ approvalId: proposal.id, decision: 'approve' })}
              >
                {t('benefitPages.staff.application.approve')}
              </Button>
              <Button
                danger
                loading={decide.isPending}
                onClick={() => decide.mutate({ approvalId: proposal.id, decision: 'reject' })}
              >
                {t('benefitPages.staff.application.reject')}
              </Button>
            </Space>
          )}
        </Card>
      ))}
      {decide.isError && <ProblemAlert error={decide.error} describe={problemMessage} />}
    </section>
  );
}

/** A rounding mode's name in the reader's language (the labels give both: "四舍五入到分 (half-up to the fen)"). */
function roundingLabel(mode: (typeof ROUNDING_MODES)[number], language: string): string {
  const [chinese, english] = ROUNDING_MODE_LABELS[mode].split(' (');
  return language === 'en' ? english!.replace(/\)$/, '') : chinese!;
}

function ProposeForm({ regionCode }: { regionCode: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const client = useQueryClient();
  const [form] = Form.useForm<ProposalForm>();
  const key = useRef(newIdempotencyKey());
  const A = 'benefitPages.staff.adjustments';
  const propose = useMutation({
    mutationFn: (input: PolicyInput) =>
      dataOf(() =>
        api.POST('/api/regions/{regionCode}/pension-adjustments', {
          params: { ...onRegion(regionCode), header: { 'idempotency-key': key.current } },
          body: input,
        }),
      ),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      form.resetFields();
      void client.invalidateQueries({ queryKey: keys.proposals(regionCode) });
    },
  });
  const required = [{ required: true, message: t(`${A}.required`) }];
  const money = [...required, { pattern: /^\d{1,7}(\.\d{1,2})?$/, message: t(`${A}.moneyInvalid`) }];
  return (
    <Card
      className="benefit-section"
      title={<span className="section-title">{t(`${A}.propose`)}</span>}
      aria-label={t(`${A}.propose`)}
    >
      <Typography.Paragraph type="secondary">{t(`${A}.proposeHint`)}</Typography.Paragraph>
      <Form<ProposalForm>
        form={form}
        name="adjustment"
        layout="vertical"
        initialValues={{
          yearCounting: 'full-years',
          rounding: 'half-up-fen',
          fixedYuan: '0',
          perYearYuan: '0',
        }}
        onFinish={(values) => propose.mutate(inputOf(values))}
      >
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item name="year" label={t(`${A}.year`)} rules={required}>
              <InputNumber min={1990} max={2200} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="effectiveMonth" label={t(`${A}.effectiveMonth`)} rules={required}>
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="publishedOn" label={t(`${A}.publishedOn`)} rules={required}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="startedBy" label={t(`${A}.startedBy`)} rules={required}>
              <DatePicker picker="month" style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="percent"
              label={t(`${A}.percent`)}
              rules={[...required, { pattern: /^\d{1,2}(\.\d{1,4})?$/, message: t(`${A}.percentInvalid`) }]}
            >
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="fixedYuan" label={t(`${A}.fixed`)} rules={money}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="perYearYuan" label={t(`${A}.perYear`)} rules={money}>
              <Input inputMode="decimal" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="yearCounting" label={t(`${A}.counting`)}>
              <Select
                options={(['full-years', 'started-years'] as const).map((counting) => ({
                  value: counting,
                  label: t(`${A}.countings.${counting}`),
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="ageTilt">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item name={[field.name, 'minAgeYears']} label={t(`${A}.minAge`)} rules={required}>
                    <InputNumber min={40} max={120} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'extraYuan']} label={t(`${A}.extra`)} rules={money}>
                    <Input inputMode="decimal" />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{t(`${A}.removeBracket`)}</Button>
                </Space>
              ))}
              <Form.Item>
                <Button onClick={() => add()}>{t(`${A}.addBracket`)}</Button>
              </Form.Item>
            </>
          )}
        </Form.List>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="rounding" label={t(`${A}.rounding`)}>
              <Select
                options={ROUNDING_MODES.map((mode) => ({
                  value: mode,
                  label: roundingLabel(mode, language),
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={16}>
            <Form.Item name="source" label={t(`${A}.source`)} rules={required}>
              <Input maxLength={300} />
            </Form.Item>
          </Col>
        </Row>
        <Button type="primary" htmlType="submit" loading={propose.isPending}>
          {t(`${A}.submit`)}
        </Button>
      </Form>
      {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
      {propose.data && (
        <Alert
          className="benefit-section"
          role="status"
          type="success"
          showIcon
          title={t(`${A}.proposed`, { id: propose.data.id })}
        />
      )}
    </Card>
  );
}
