import { FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { MoreButton, useCursorList } from '../components/cursor-list.tsx';
import { formatChinaTime, formatPeriod } from '../shell/format.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { chinaYear } from '../shell/agency-clock.ts';
import {
  fetchStatements,
  issueStatement,
  statementPdfUrl,
  type StatementRequest,
  type StatementSummary,
} from './person-api.ts';
import { personKeys, useRightsRecord } from './person-queries.ts';
import { failedAs, Loading, QueryFailure } from './query-failure.tsx';

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * /person/statements: issue the yearly rights statement or a contribution certificate, signed by the
 * agency. Every statement issued to the person (by them or by staff, in any session) is listed from the
 * server, newest first, with its verification code, its PDF in Chinese or English and the public
 * verification page: they are the person's documents.
 */
export function StatementsPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t('personPages.statements.title'));
  const personId = user.personId!;
  const queryClient = useQueryClient();
  const issued = useCursorList(personKeys.statements(personId), (cursor) =>
    fetchStatements(personId, cursor),
  );
  const issue = useMutation({
    mutationFn: (body: StatementRequest) => issueStatement(personId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: personKeys.statements(personId) }),
  });
  const statements = issued.rows;
  // The years offered: from the first contribution to this year.
  const record = useRightsRecord(personId);
  const first = record.data?.firstPeriod ? Number(record.data.firstPeriod.slice(0, 4)) : chinaYear();
  const lastYear = record.data?.lastPeriod ? Number(record.data.lastPeriod.slice(0, 4)) : undefined;
  const years: number[] = [];
  for (let year = chinaYear(); year >= first; year -= 1) years.push(year);

  return (
    <div className="page person-page">
      <Typography.Title level={1}>{t('personPages.statements.title')}</Typography.Title>
      <Typography.Paragraph>{t('personPages.statements.intro')}</Typography.Paragraph>
      {issue.isError && (
        <ProblemAlert
          className="person-section"
          error={issue.error}
          describe={failedAs(t('personPages.statements.failed'))}
        />
      )}
      <Row gutter={[16, 16]} className="person-section">
        <Col xs={24} md={12}>
          <Card className="entry-card">
            <Typography.Title level={2} className="entry-title">
              {t('personPages.statements.rightsTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('personPages.statements.rightsText')}</Typography.Paragraph>
            <Form<{ year: number }>
              layout="vertical"
              name="rights-statement"
              key={lastYear}
              initialValues={{ year: lastYear ?? years[0] }}
              onFinish={(values) => issue.mutate({ kind: 'rights', year: values.year })}
            >
              <Form.Item name="year" label={t('personPages.statements.rightsYear')}>
                <Select options={years.map((year) => ({ value: year, label: String(year) }))} />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={issue.isPending}>
                {t('personPages.statements.issue')}
              </Button>
            </Form>
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card className="entry-card">
            <Typography.Title level={2} className="entry-title">
              {t('personPages.statements.certificateTitle')}
            </Typography.Title>
            <Typography.Paragraph>{t('personPages.statements.certificateText')}</Typography.Paragraph>
            <CertificateForm pending={issue.isPending} onIssue={(body) => issue.mutate(body)} />
          </Card>
        </Col>
      </Row>
      <section className="person-section" aria-labelledby="issued-title">
        <Typography.Title level={2} id="issued-title" className="section-title">
          {t('personPages.statements.issuedTitle')}
        </Typography.Title>
        {issued.isPending ? (
          <Loading />
        ) : issued.isError ? (
          <QueryFailure error={issued.error} onRetry={() => void issued.refetch()} />
        ) : (
          <>
            <Typography.Paragraph type="secondary">
              {statements.length > 0
                ? t('personPages.statements.listedHint')
                : t('personPages.statements.noneIssued')}
            </Typography.Paragraph>
            <div role="status">
              {statements.map((statement) => (
                <IssuedCard key={statement.code} statement={statement} />
              ))}
            </div>
            {issued.hasNextPage && (
              <div className="person-more">
                <MoreButton list={issued} text={t('personPages.statements.more')} />
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function CertificateForm({
  pending,
  onIssue,
}: {
  pending: boolean;
  onIssue: (body: StatementRequest) => void;
}) {
  const { t } = useTranslation();
  const periodRule = {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (value?.trim() && !PERIOD.test(value.trim()))
        throw new Error(t('personPages.statements.periodInvalid'));
    },
  };
  return (
    <Form<{ from?: string; to?: string }>
      layout="vertical"
      name="certificate"
      onFinish={(values) => {
        const from = values.from?.trim();
        const to = values.to?.trim();
        onIssue({ kind: 'certificate', ...(from ? { from } : {}), ...(to ? { to } : {}) });
      }}
    >
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="from"
            label={t('personPages.statements.from')}
            rules={[periodRule]}
            validateTrigger="onBlur"
          >
            <Input placeholder="YYYY-MM" inputMode="numeric" maxLength={7} autoComplete="off" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="to"
            label={t('personPages.statements.to')}
            dependencies={['from']}
            validateTrigger="onBlur"
            rules={[
              periodRule,
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const from = (getFieldValue('from') as string | undefined)?.trim();
                  const to = value?.trim();
                  if (from && to && PERIOD.test(from) && PERIOD.test(to) && from > to)
                    throw new Error(t('personPages.statements.periodOrder'));
                },
              }),
            ]}
          >
            <Input placeholder="YYYY-MM" inputMode="numeric" maxLength={7} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary">{t('personPages.statements.periodHelp')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={pending}>
        {t('personPages.statements.issue')}
      </Button>
    </Form>
  );
}

function IssuedCard({ statement }: { statement: StatementSummary }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card size="small" className="person-issued" data-code={statement.code}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label={t('personPages.statements.kind')}>
          {t(`verify.kinds.${statement.kind}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.statements.covers')}>
          {formatPeriod(statement.periodFrom, language)} – {formatPeriod(statement.periodTo, language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.statements.code')}>
          <Typography.Text code copyable className="person-code">
            {statement.code}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.statements.issuedAt')}>
          {formatChinaTime(statement.issuedAt, language)}
        </Descriptions.Item>
      </Descriptions>
      <Space wrap>
        <Button
          icon={<FilePdfOutlined aria-hidden />}
          href={statementPdfUrl(statement.code, 'zh')}
          download={`statement-${statement.code}-zh.pdf`}
        >
          {t('personPages.statements.downloadZh')}
        </Button>
        <Button
          icon={<FilePdfOutlined aria-hidden />}
          href={statementPdfUrl(statement.code, 'en')}
          download={`statement-${statement.code}-en.pdf`}
        >
          {t('personPages.statements.downloadEn')}
        </Button>
        <Button
          type="link"
          icon={<SafetyCertificateOutlined aria-hidden />}
          href={`/verify/${statement.code}`}
          target="_blank"
        >
          {t('personPages.statements.verify')}
        </Button>
      </Space>
    </Card>
  );
}
