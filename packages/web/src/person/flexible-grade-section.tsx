import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Select,
  Table,
  Typography,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/api-error.ts';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { formatPercentPpm } from './format-percent.ts';
import {
  changeFlexibleGrade,
  fetchFlexibleContribution,
  type FlexibleContribution,
  type GradeChange,
} from './person-api.ts';
import { personKeys } from './person-queries.ts';
import { failedAs, reasonAlone, Loading, QueryFailure } from './query-failure.tsx';

type QuoteLine = FlexibleContribution['quote']['lines'][number];

/**
 * The grade part of the flexible worker's page: the grade in force and from next month, a grade to
 * choose, what a month costs at it (quoted by the server with the assessment's rules) and the change.
 */
export function FlexibleGradeSection({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const queryClient = useQueryClient();
  const held = useQuery({
    queryKey: personKeys.flexible(personId),
    queryFn: () => fetchFlexibleContribution(personId),
    retry: (count, error) => !(error instanceof ApiError && error.status === 409) && count < 2,
  });
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const grade = chosen ?? held.data?.next.gradePpm;
  const quoted = useQuery({
    queryKey: personKeys.flexible(personId, grade),
    queryFn: () => fetchFlexibleContribution(personId, grade),
    enabled: held.isSuccess && grade !== held.data.next.gradePpm,
    placeholderData: keepPreviousData,
  });
  const [done, setDone] = useState<GradeChange | null>(null);
  const change = useMutation({
    mutationFn: (gradePpm: number) => changeFlexibleGrade(personId, gradePpm),
    onSuccess: async (result) => {
      setDone(result);
      setChosen(undefined);
      await queryClient.invalidateQueries({ queryKey: ['person', personId, 'flexible'] });
    },
  });

  if (held.isPending) return <Loading />;
  if (held.isError) {
    if (held.error instanceof ApiError && held.error.status === 409)
      return <Alert type="info" showIcon title={t('personPages.flexible.notEnrolled')} />;
    return <QueryFailure error={held.error} onRetry={() => void held.refetch()} />;
  }
  const info = held.data;
  const quote = grade === info.next.gradePpm ? info.quote : (quoted.data?.quote ?? info.quote);
  const quoting = grade !== info.next.gradePpm && (quoted.isPending || quoted.isPlaceholderData);
  const from = formatPeriod(info.fromPeriod, language);
  const lines: TableColumnsType<QuoteLine> = [
    {
      title: t('personPages.record.insurance'),
      dataIndex: 'insurance',
      render: (insurance: QuoteLine['insurance']) => t(`personPages.insurances.${insurance}`),
    },
    {
      title: t('personPages.flexible.quoteBase'),
      dataIndex: 'baseFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t('personPages.flexible.quoteRate'),
      dataIndex: 'ratePpm',
      align: 'right',
      render: (ppm: number) => formatPercentPpm(ppm),
    },
    {
      title: t('personPages.flexible.quoteAmount'),
      dataIndex: 'amountFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
    {
      title: t('personPages.flexible.quoteAccount'),
      dataIndex: 'personalAccountFen',
      align: 'right',
      render: (fen: number) => formatYuan(fen),
    },
  ];
  const gradeText = (ppm: number, baseFen: number) =>
    t('personPages.flexible.currentGradeValue', { grade: formatPercentPpm(ppm), base: formatYuan(baseFen) });

  return (
    <section className="person-section" aria-labelledby="grade-title">
      <Typography.Title level={2} id="grade-title" className="section-title">
        {t('personPages.flexible.gradeTitle')}
      </Typography.Title>
      <Descriptions column={{ xs: 1, md: 2 }} bordered size="small" className="person-section">
        <Descriptions.Item label={t('personPages.flexible.currentGrade')}>
          {info.current
            ? gradeText(info.current.gradePpm, info.current.baseFen)
            : t('personPages.common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.flexible.nextGrade', { period: from })}>
          <span data-testid="next-grade">{gradeText(info.next.gradePpm, info.next.baseFen)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.flexible.paymentMethod')}>
          {t(`personPages.flexible.methods.${info.next.paymentMethod}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.flexible.averageWage')}>
          {formatYuan(info.allowed.averageWageFen)}
        </Descriptions.Item>
        <Descriptions.Item label={t('personPages.flexible.allowedRange')}>
          {t('personPages.flexible.allowedRangeValue', {
            min: formatYuan(info.allowed.minFen),
            max: formatYuan(info.allowed.maxFen),
          })}
        </Descriptions.Item>
      </Descriptions>

      <Card>
        <Form
          layout="vertical"
          name="grade-change"
          onFinish={() => grade !== undefined && change.mutate(grade)}
        >
          <Form.Item
            label={t('personPages.flexible.chooseGrade')}
            htmlFor="flexible-grade"
            extra={t('personPages.flexible.chooseGradeHelp', { period: from })}
          >
            <Select
              id="flexible-grade"
              className="person-grade-select"
              // 25 grades: all rendered, so each can be reached with the arrow keys and found by the page's search
              virtual={false}
              value={grade}
              onChange={(value: number) => {
                setChosen(value);
                setDone(null);
              }}
              options={info.grades.map((ppm) => ({
                value: ppm,
                label: t('personPages.flexible.gradeOption', { grade: formatPercentPpm(ppm) }),
              }))}
            />
          </Form.Item>
          <Typography.Title level={3} className="person-quote-title">
            {t('personPages.flexible.quoteTitle', { period: formatPeriod(quote.period, language) })}
          </Typography.Title>
          {quoted.isError ? (
            <ProblemAlert error={quoted.error} describe={reasonAlone} />
          ) : (
            <div aria-busy={quoting} aria-live="polite" className="person-quote">
              <Table<QuoteLine>
                size="small"
                rowKey={(line) => `${line.insurance}|${line.party}`}
                columns={lines}
                dataSource={quote.lines}
                pagination={false}
                scroll={{ x: 560 }}
                loading={quoting}
              />
              <p className="person-quote-total">
                {t('personPages.flexible.quoteTotal')}{' '}
                <strong data-testid="quote-total">{formatYuan(quote.totalFen)}</strong>
              </p>
            </div>
          )}
          <Button
            type="primary"
            htmlType="submit"
            loading={change.isPending}
            disabled={grade === undefined || grade === info.next.gradePpm || quoting}
          >
            {t('personPages.flexible.confirm', { grade: formatPercentPpm(grade ?? info.next.gradePpm) })}
          </Button>
        </Form>
        <div role="status" className="person-form-status">
          {done && (
            <Alert
              type="success"
              showIcon
              title={
                done.changed
                  ? t('personPages.flexible.changed', {
                      period: formatPeriod(done.fromPeriod, language),
                      grade: formatPercentPpm(done.enrolment.gradePpm),
                      amount: formatYuan(done.quote.totalFen),
                    })
                  : t('personPages.flexible.unchanged', { period: formatPeriod(done.fromPeriod, language) })
              }
            />
          )}
        </div>
        {change.isError && (
          <ProblemAlert error={change.error} describe={failedAs(t('personPages.flexible.changeFailed'))} />
        )}
      </Card>
    </section>
  );
}
