import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Typography } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { chinaToday } from '../shell/agency-clock.ts';
import { MonthField } from '../shell/date-field.tsx';
import { formatPeriod } from '../shell/format.ts';
import { declareMonth } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';

/**
 * The monthly declaration (月度申报): the month's staff and bases are those registered. A month not
 * declared is billed as an estimate (SIL Art. 62) until it is, and an estimate is not on the employees'
 * records. Declaring again changes nothing.
 */
export function MonthDeclaration({ employerId }: { employerId: number }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const [period, setPeriod] = useState(chinaToday().slice(0, 7));
  const periodId = useId();
  const declare = useMutation({
    mutationFn: (month: string) => declareMonth({ employerId, period: month }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['employer', employerId] }),
  });
  const valid = /^\d{4}-\d{2}$/.test(period);
  const declared = declare.data?.declaration;
  return (
    <section aria-labelledby={`${periodId}-title`} className="employer-month-declaration">
      <Typography.Title level={2} id={`${periodId}-title`}>
        {t('employerPages.monthDeclaration.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('employerPages.monthDeclaration.intro')}</Typography.Paragraph>
      <Form layout="inline" className="employer-toolbar" onFinish={() => valid && declare.mutate(period)}>
        <Form.Item label={t('employerPages.monthDeclaration.month')} htmlFor={periodId}>
          <MonthField
            id={periodId}
            value={period}
            onChange={(month) => {
              setPeriod(month);
              declare.reset();
            }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={!valid} loading={declare.isPending}>
          {valid
            ? t('employerPages.monthDeclaration.declare', { period: formatPeriod(period, i18n.language) })
            : t('employerPages.monthDeclaration.declareAny')}
        </Button>
      </Form>
      {declare.isError && <ProblemAlert error={declare.error} describe={problemMessage} />}
      {declare.isSuccess && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t(
            declare.data.created === false
              ? 'employerPages.monthDeclaration.already'
              : 'employerPages.monthDeclaration.done',
            {
              period: formatPeriod(declared?.period ?? declare.variables, i18n.language),
              date: declared?.declaredOn ?? '',
            },
          )}
        />
      )}
    </section>
  );
}
