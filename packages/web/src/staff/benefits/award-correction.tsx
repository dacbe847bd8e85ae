import { parseYuanToFen } from '@shebao/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { benefitKeys, type Award } from '../../benefits/benefits-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatPeriod, formatYuan } from '../../shell/format.ts';
import { dataOf } from '../api-data.ts';
import { problemMessage } from '../problem-message.tsx';

interface CorrectionForm {
  validFrom: Dayjs;
  monthlyYuan?: string;
  payeeKind?: 'bank' | 'card';
  account?: string;
  reason: string;
}

/** What a waiting correction changes, in the reader's language (the approval's summary is English). */
function proposedChange(t: TFunction, payload: unknown, language: string): string {
  const change = payload as {
    validFrom: string;
    monthlyFen?: number;
    payee?: { kind: 'bank' | 'card'; account: string };
    reason: string;
  };
  const parts = [
    ...(change.monthlyFen === undefined
      ? []
      : [t('benefitPages.staff.correction.newMonthly', { amount: formatYuan(change.monthlyFen) })]),
    ...(change.payee
      ? [
          t('benefitPages.staff.correction.newPayee', {
            kind: t(`benefitPages.facts.payeeKinds.${change.payee.kind}`),
            account: `****${change.payee.account.slice(-4)}`,
          }),
        ]
      : []),
  ];
  return t('benefitPages.staff.correction.change', {
    from: formatPeriod(change.validFrom, language),
    parts: parts.join(language === 'en' ? '; ' : '；'),
    reason: change.reason,
  });
}

const pendingKey = (personId: number, awardNo: string) =>
  ['benefits', 'correction', personId, awardNo] as const;

/**
 * A correction of an award (docs/RULES.md 14.12): the one waiting for a second officer, with the buttons to
 * decide it; or, for an officer, the form that proposes a new amount, a new payee account or both from a
 * month on, with the reason. Approved, it is the award's next version.
 */
export function AwardCorrection({ award, officer }: { award: Award; officer: boolean }) {
  const { t, i18n } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<CorrectionForm>();
  const key = useRef(newIdempotencyKey());
  const A = 'benefitPages.staff.correction';
  const path = { personId: String(award.personId), awardNo: award.awardNo };
  const pending = useQuery({
    queryKey: pendingKey(award.personId, award.awardNo),
    queryFn: () =>
      dataOf(() =>
        api.GET('/api/persons/{personId}/awards/{awardNo}/correction-proposal', { params: { path } }),
      ),
  });
  const refresh = () => {
    void client.invalidateQueries({ queryKey: pendingKey(award.personId, award.awardNo) });
    void client.invalidateQueries({ queryKey: benefitKeys.awards(award.personId) });
  };
  const propose = useMutation({
    mutationFn: (values: CorrectionForm) =>
      dataOf(() =>
        api.POST('/api/persons/{personId}/awards/{awardNo}/correction-proposal', {
          params: { path, header: { 'idempotency-key': key.current } },
          body: {
            validFrom: values.validFrom.format('YYYY-MM'),
            ...(values.monthlyYuan ? { monthlyFen: parseYuanToFen(values.monthlyYuan, 'monthlyYuan') } : {}),
            ...(values.payeeKind && values.account
              ? { payee: { kind: values.payeeKind, account: values.account.trim() } }
              : {}),
            reason: values.reason,
          },
        }),
      ),
    onSuccess: () => {
      key.current = newIdempotencyKey();
      form.resetFields();
      refresh();
    },
  });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') =>
      dataOf(() =>
        api.POST('/api/persons/{personId}/awards/{awardNo}/correction-decision', {
          params: { path },
          body: { decision },
        }),
      ),
    onSuccess: refresh,
  });
  const waiting = pending.data?.pending;
  if (waiting)
    return (
      <Card size="small" className="benefit-section award-correction" data-pending={waiting.id}>
        <Typography.Paragraph>
          {t(`${A}.waiting`, { id: waiting.id, who: waiting.proposedByName })}
        </Typography.Paragraph>
        <Typography.Paragraph>{proposedChange(t, waiting.payload, i18n.language)}</Typography.Paragraph>
        {officer && (
          <Space wrap>
            <Button type="primary" loading={decide.isPending} onClick={() => decide.mutate('approve')}>
              {t('benefitPages.staff.application.approve')}
            </Button>
            <Button danger loading={decide.isPending} onClick={() => decide.mutate('reject')}>
              {t('benefitPages.staff.application.reject')}
            </Button>
          </Space>
        )}
        {decide.isError && <ProblemAlert error={decide.error} describe={problemMessage} />}
      </Card>
    );
  if (!officer) return null;
  return (
    <Card
      size="small"
      className="benefit-section award-correction"
      title={t(`${A}.title`)}
      aria-label={`${t(`${A}.title`)} ${award.awardNo}`}
    >
      <Typography.Paragraph type="secondary">{t(`${A}.hint`)}</Typography.Paragraph>
      <Form<CorrectionForm>
        form={form}
        name={`correction-${award.awardNo}`}
        layout="vertical"
        onFinish={(values) => propose.mutate(values)}
      >
        <Form.Item
          name="validFrom"
          label={t(`${A}.validFrom`)}
          rules={[{ required: true, message: t(`${A}.required`) }]}
        >
          <DatePicker picker="month" />
        </Form.Item>
        <Form.Item
          name="monthlyYuan"
          label={t(`${A}.monthly`)}
          rules={[{ pattern: /^\d{1,7}(\.\d{1,2})?$/, message: t(`${A}.moneyInvalid`) }]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item name="payeeKind" label={t('benefitPages.form.payeeKind')}>
            <Select
              allowClear
              style={{ minWidth: '10rem' }}
              options={(['bank', 'card'] as const).map((kind) => ({
                value: kind,
                label: t(`benefitPages.facts.payeeKinds.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="account"
            label={t('benefitPages.form.account')}
            rules={[{ pattern: /^\d{12,30}$/, message: t('benefitPages.form.accountInvalid') }]}
          >
            <Input inputMode="numeric" />
          </Form.Item>
        </Space>
        <Form.Item
          name="reason"
          label={t(`${A}.reason`)}
          rules={[{ required: true, message: t(`${A}.required`) }]}
        >
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit" loading={propose.isPending}>
          {t(`${A}.submit`)}
        </Button>
      </Form>
      {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
      {propose.isSuccess && <Alert role="status" type="success" showIcon title={t(`${A}.proposed`)} />}
    </Card>
  );
}
