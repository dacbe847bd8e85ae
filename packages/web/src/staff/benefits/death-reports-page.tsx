import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { BenefitsLoading, LoadFailure } from '../../benefits/application-parts.tsx';
import {
  decideDeathReport,
  fetchDeathReports,
  recordDeathReport,
  survivalKeys,
  type DeathReport,
  type NewDeathReport,
} from '../../benefits/survival-api.ts';
import { LoadMore, useCursorList } from '../../components/cursor-list.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { formatYuan } from '../../shell/format.ts';
import { usePageTitle } from '../../shell/page-title.ts';
import { problemMessage } from '../problem-message.tsx';
import { TitledSection } from '../titled-section.tsx';
import { actsOnBenefits } from './benefit-roles.ts';

const D = 'benefitPages.survival.death';
const S = 'benefitPages.survival';
const RELATIONS = ['spouse', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other'] as const;
const SOURCES = ['relative', 'data-match', 'staff'] as const;

interface HeirFields {
  name: string;
  idNumber: string;
  relation: (typeof RELATIONS)[number];
  bankAccount: string;
  numerator: number;
  denominator: number;
}
interface ReportFields {
  personId: number;
  dateOfDeath: string;
  reportedBy: (typeof SOURCES)[number];
  reporterName?: string;
  heirs: HeirFields[];
  funeralPayee: number;
  note?: string;
}

/**
 * /staff/death-reports: an officer records a death with the heirs and who receives the funeral grant; the
 * reports waiting for a second officer, who confirms or rejects them; and those confirmed, with the
 * one-time benefits explained (docs/RULES.md 14.10).
 */
export function DeathReportsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${D}.title`));
  const regionCode = user.regionCodes[0] ?? '';
  const officer = actsOnBenefits(user);
  return (
    <div className="page page-wide benefit-page">
      <Typography.Title level={1}>{t(`${D}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${D}.intro`)}</Typography.Paragraph>
      {officer && (
        <TitledSection id="death-report-form" title={t(`${D}.formTitle`)}>
          <DeathReportForm />
        </TitledSection>
      )}
      <TitledSection id="death-reports-proposed" title={t(`${D}.pendingTitle`)}>
        <ReportList regionCode={regionCode} state="proposed" officer={officer} />
      </TitledSection>
      <TitledSection id="death-reports-confirmed" title={t(`${D}.confirmedTitle`)}>
        <ReportList regionCode={regionCode} state="confirmed" officer={false} />
      </TitledSection>
    </div>
  );
}

function DeathReportForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReportFields>();
  const key = useRef(newIdempotencyKey());
  const [done, setDone] = useState(false);
  const today = chinaToday();
  const named = Number(useSearchParams()[0].get('personId'));
  const heirs = Form.useWatch('heirs', form) ?? [];
  const reportedBy = Form.useWatch('reportedBy', form);
  const record = useMutation({
    mutationFn: (values: ReportFields) => {
      const report: NewDeathReport = {
        dateOfDeath: values.dateOfDeath,
        reportedBy: values.reportedBy,
        ...(values.reporterName?.trim() ? { reporterName: values.reporterName.trim() } : {}),
        heirs: values.heirs.map((heir) => ({
          name: heir.name.trim(),
          idNumber: heir.idNumber.trim(),
          relation: heir.relation,
          bankAccount: heir.bankAccount.trim(),
          share: { numerator: heir.numerator, denominator: heir.denominator },
        })),
        funeralPayee: { heirIndex: values.funeralPayee },
        ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      };
      return recordDeathReport(values.personId, report, key.current);
    },
    onSuccess: () => {
      key.current = newIdempotencyKey();
      form.resetFields();
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: survivalKeys.all });
    },
  });
  const required = { required: true, whitespace: true, message: t(`${D}.required`) };
  return (
    <Form<ReportFields>
      form={form}
      layout="vertical"
      name="death-report"
      className="death-report-form"
      initialValues={{
        ...(Number.isSafeInteger(named) && named > 0 ? { personId: named } : {}),
        reportedBy: 'relative',
        heirs: [{ relation: 'spouse', numerator: 1, denominator: 1 }],
        funeralPayee: 0,
      }}
      onValuesChange={() => setDone(false)}
      onFinish={(values) => record.mutate(values)}
    >
      <Space wrap align="start">
        <Form.Item
          name="personId"
          label={t(`${D}.personId`)}
          rules={[{ required: true, message: t(`${D}.personIdRequired`) }]}
        >
          <InputNumber min={1} precision={0} />
        </Form.Item>
        <Form.Item
          name="dateOfDeath"
          label={t(`${D}.dateOfDeath`)}
          rules={[{ required: true, message: t(`${D}.dateOfDeathRequired`) }]}
        >
          <DateField max={today} />
        </Form.Item>
        <Form.Item name="reportedBy" label={t(`${D}.reportedBy`)}>
          <Select
            style={{ minWidth: '10rem' }}
            options={SOURCES.map((value) => ({ value, label: t(`${S}.sources.${value}`) }))}
          />
        </Form.Item>
        {reportedBy === 'relative' && (
          <Form.Item
            name="reporterName"
            label={t(`${D}.reporterName`)}
            rules={[{ ...required, message: t(`${D}.reporterNameRequired`) }]}
          >
            <Input maxLength={50} />
          </Form.Item>
        )}
      </Space>
      <Typography.Title level={3} className="subsection-title">
        {t(`${D}.heirs`)}
      </Typography.Title>
      <Form.List name="heirs">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field, index) => (
              <Card
                key={field.key}
                size="small"
                className="death-report-heir"
                title={<h4 className="benefit-card-title">{t(`${D}.heir`, { n: index + 1 })}</h4>}
                extra={
                  fields.length > 1 && (
                    <Button size="small" onClick={() => remove(field.name)}>
                      {t(`${D}.removeHeir`)}
                    </Button>
                  )
                }
              >
                <Space wrap align="start">
                  <Form.Item name={[field.name, 'name']} label={t(`${D}.heirName`)} rules={[required]}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'idNumber']}
                    label={t(`${D}.heirIdNumber`)}
                    rules={[required]}
                  >
                    <Input maxLength={18} autoComplete="off" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'relation']} label={t(`${D}.heirRelation`)}>
                    <Select
                      style={{ minWidth: '8rem' }}
                      options={RELATIONS.map((value) => ({ value, label: t(`${S}.relations.${value}`) }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'bankAccount']}
                    label={t(`${D}.heirAccount`)}
                    rules={[required, { pattern: /^\d{12,30}$/, message: t(`${D}.heirAccountInvalid`) }]}
                  >
                    <Input inputMode="numeric" maxLength={30} autoComplete="off" />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'numerator']}
                    label={t(`${D}.shareNumerator`)}
                    rules={[{ required: true, message: t(`${D}.required`) }]}
                  >
                    <InputNumber min={1} max={1000} precision={0} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'denominator']}
                    label={t(`${D}.shareDenominator`)}
                    rules={[{ required: true, message: t(`${D}.required`) }]}
                  >
                    <InputNumber min={1} max={1000} precision={0} />
                  </Form.Item>
                </Space>
              </Card>
            ))}
            <Button onClick={() => add({ relation: 'child', numerator: 1, denominator: 2 })}>
              {t(`${D}.addHeir`)}
            </Button>
          </>
        )}
      </Form.List>
      <Form.Item name="funeralPayee" label={t(`${D}.funeralPayee`)} className="death-report-payee">
        <Select
          style={{ minWidth: '12rem' }}
          options={heirs.map((heir, index) => ({
            value: index,
            label: heir?.name?.trim() || t(`${D}.heir`, { n: index + 1 }),
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={t(`${D}.note`)}>
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <div aria-live="polite">
        {record.isError && <ProblemAlert error={record.error} describe={problemMessage} />}
        {done && <Alert type="success" showIcon role="status" title={t(`${D}.proposed`)} />}
      </div>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t(`${D}.submit`)}
      </Button>
    </Form>
  );
}

function ReportList({
  regionCode,
  state,
  officer,
}: {
  regionCode: string;
  state: DeathReport['state'];
  officer: boolean;
}) {
  const { t } = useTranslation();
  const list = useCursorList(survivalKeys.reports(regionCode, state), (cursor) =>
    fetchDeathReports(regionCode, state, cursor),
  );
  if (list.isPending) return <BenefitsLoading />;
  if (list.isError) return <LoadFailure error={list.error} onRetry={() => void list.refetch()} />;
  if (list.rows.length === 0)
    return <Typography.Paragraph type="secondary">{t(`${D}.none`)}</Typography.Paragraph>;
  return (
    <>
      {list.rows.map((report) => (
        <ReportCard key={report.id} report={report} officer={officer} />
      ))}
      <LoadMore list={list} text={t('benefitPages.common.more')} />
    </>
  );
}

function ReportCard({ report, officer }: { report: DeathReport; officer: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => decideDeathReport(report.personId, decision),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: survivalKeys.all }),
  });
  const amount = (benefit: DeathReport['funeralGrant']) =>
    benefit ? `${formatYuan(benefit.amountFen)}（${benefit.explanation.formula}）` : t(`${D}.notSet`);
  return (
    <article className="death-report-card" data-state={report.state} aria-label={report.name}>
      <Card
        size="small"
        title={
          <h3 className="benefit-card-title">
            <Link to={`/staff/persons/${report.personId}`}>{report.name}</Link> {report.idNumberMasked}
          </h3>
        }
        extra={t(`${D}.states.${report.state}`)}
      >
        <dl className="death-report-facts">
          <dt>{t(`${D}.dateOfDeath`)}</dt>
          <dd>{report.dateOfDeath}</dd>
          <dt>{t(`${D}.stopFrom`)}</dt>
          <dd>{report.stopPaymentFrom}</dd>
          <dt>{t(`${D}.reportedBy`)}</dt>
          <dd>
            {t(`${S}.sources.${report.reportedBy}`)}
            {report.reporterName ? ` · ${report.reporterName}` : ''}
          </dd>
          <dt>{t(`${D}.heirs`)}</dt>
          <dd>
            {report.heirs
              .map(
                (heir) =>
                  `${heir.name}（${t(`${S}.relations.${heir.relation}`)}，${'numerator' in heir.share ? `${heir.share.numerator}/${heir.share.denominator}` : heir.share.parts}，${heir.accountMasked}）`,
              )
              .join('；')}
          </dd>
          <dt>{t(`${D}.funeralPayee`)}</dt>
          <dd>
            {report.funeralPayee.name} {report.funeralPayee.accountMasked}
          </dd>
          <dt>{t(`${D}.funeralGrant`)}</dt>
          <dd className="death-report-grant">{amount(report.funeralGrant)}</dd>
          <dt>{t(`${D}.survivorsBenefit`)}</dt>
          <dd className="death-report-survivors">{amount(report.survivorsBenefit)}</dd>
        </dl>
        {officer && report.state === 'proposed' && (
          <>
            <div aria-live="polite">
              {decide.isError && <ProblemAlert error={decide.error} describe={problemMessage} />}
            </div>
            <Space>
              <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate('approve')}>
                {t(`${D}.approve`)}
              </Button>
              <Button danger loading={decide.isPending} onClick={() => decide.mutate('reject')}>
                {t(`${D}.reject`)}
              </Button>
            </Space>
          </>
        )}
      </Card>
    </article>
  );
}
