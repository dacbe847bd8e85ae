import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ROUNDING_MODES } from '@shebao/domain';
import { Alert, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client.ts';
import type { UserView } from '../../api/pending-paths.ts';
import { dataOf } from '../api-data.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import {
  DIMENSION_VALUES,
  dimensionsOf,
  kindOf,
  PARAMETER_NAMES,
  parameterLabel,
  parameterSearch,
  parseParameterValue,
} from './parameter-value.ts';

interface ProposalFields {
  name: string;
  insurance?: string;
  party?: string;
  category?: string;
  validFrom: string;
  validTo?: string;
  value: string;
  source: string;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;

/** Proposes a new parameter version for the region; it waits for a second administrator's approval. */
export function ProposeVersionForm({ user, regionCode }: { user: UserView; regionCode: string }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProposalFields>();
  const name = Form.useWatch('name', form) ?? '';
  const queryClient = useQueryClient();
  const propose = useMutation({
    mutationFn: (fields: ProposalFields) => {
      const parsed = parseParameterValue(fields.name, fields.value);
      return dataOf(() =>
        api.POST('/api/policy/parameters', {
          body: {
            name: fields.name,
            regionCode,
            insurance: fields.insurance ?? null,
            party: fields.party ?? null,
            category: fields.category ?? null,
            validFrom: fields.validFrom.trim(),
            validTo: fields.validTo?.trim() ? fields.validTo.trim() : null,
            value: (parsed.ok ? parsed.value : null) as number,
            source: fields.source.trim(),
          },
        }),
      );
    },
    onSuccess: () => {
      form.resetFields();
      void queryClient.invalidateQueries({ queryKey: ['staff', 'approvals'] });
    },
  });
  if (!user.roles.includes('admin'))
    return <Typography.Paragraph type="secondary">{t('staffPages.propose.adminsOnly')}</Typography.Paragraph>;
  const kind = kindOf(name);
  const dimensions = dimensionsOf(name);
  return (
    <section aria-labelledby="propose-version">
      <Card>
        <Typography.Title level={2} id="propose-version" className="section-title">
          {t('staffPages.propose.title', { region: regionCode })}
        </Typography.Title>
        <Typography.Paragraph>{t('staffPages.propose.intro')}</Typography.Paragraph>
        <Form<ProposalFields>
          form={form}
          name="propose-version"
          layout="vertical"
          onFinish={(fields) => propose.mutate(fields)}
          onValuesChange={(changed: Partial<ProposalFields>) => {
            if ('name' in changed)
              form.setFieldsValue({ insurance: undefined, party: undefined, category: undefined, value: '' });
          }}
          className="propose-form"
        >
          <Form.Item
            name="name"
            label={t('staffPages.policy.name')}
            rules={[{ required: true, message: t('staffPages.propose.nameRequired') }]}
          >
            <Select
              showSearch={parameterSearch}
              options={PARAMETER_NAMES.map((value) => ({ value, label: parameterLabel(t as never, value) }))}
            />
          </Form.Item>
          {dimensions.map((dimension) => (
            <Form.Item
              key={dimension}
              name={dimension}
              label={t(`staffPages.policy.${dimension}`)}
              extra={t('staffPages.propose.dimensionHelp')}
            >
              <Select
                allowClear
                placeholder={t('staffPages.policy.any')}
                options={DIMENSION_VALUES[dimension].map((value) => ({
                  value,
                  label: t(
                    `staffPages.dimensions.${dimension}.${value}` as 'staffPages.dimensions.insurance.pension',
                  ),
                }))}
              />
            </Form.Item>
          ))}
          <Form.Item
            name="validFrom"
            label={t('staffPages.propose.validFrom')}
            extra={t('staffPages.propose.periodHelp')}
            rules={[
              { required: true, message: t('staffPages.propose.validFromRequired') },
              { pattern: PERIOD, message: t('staffPages.propose.periodInvalid') },
            ]}
          >
            <Input autoComplete="off" maxLength={7} placeholder="2027-01" />
          </Form.Item>
          <Form.Item
            name="validTo"
            label={t('staffPages.propose.validTo')}
            extra={t('staffPages.propose.validToHelp')}
            dependencies={['validFrom']}
            rules={[
              { pattern: PERIOD, message: t('staffPages.propose.periodInvalid') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value?: string) => {
                  const from = String(getFieldValue('validFrom') ?? '');
                  if (value && PERIOD.test(value) && PERIOD.test(from) && value < from)
                    throw new Error(t('staffPages.propose.validToBeforeFrom'));
                },
              }),
            ]}
          >
            <Input autoComplete="off" maxLength={7} />
          </Form.Item>
          <Form.Item
            name="value"
            label={t('staffPages.propose.value')}
            extra={kind ? t(`staffPages.propose.valueHelp.${kind}`) : undefined}
            rules={[
              { required: true, whitespace: true, message: t('staffPages.propose.valueRequired') },
              {
                validator: async (_rule, value?: string) => {
                  const parsed = parseParameterValue(name, value ?? '');
                  if (!parsed.ok && parsed.reason === 'invalid')
                    throw new Error(t('staffPages.propose.valueInvalid'));
                },
              },
            ]}
          >
            {kind === 'rounding-mode' ? (
              <Select options={ROUNDING_MODES.map((mode) => ({ value: mode, label: mode }))} />
            ) : kind === 'table' ? (
              <Input.TextArea rows={4} spellCheck={false} />
            ) : (
              <Input autoComplete="off" inputMode="decimal" />
            )}
          </Form.Item>
          <Form.Item
            name="source"
            label={t('staffPages.propose.source')}
            extra={t('staffPages.propose.sourceHelp')}
            rules={[{ required: true, whitespace: true, message: t('staffPages.propose.sourceRequired') }]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={propose.isPending} disabled={regionCode === ''}>
            {t('staffPages.propose.submit')}
          </Button>
        </Form>
        <div aria-live="polite" className="form-outcome">
          {propose.isSuccess && (
            <Alert
              type="success"
              showIcon
              role="status"
              title={t('staffPages.propose.proposed', { id: propose.data.id })}
              description={<Link to="/staff/approvals">{t('staffPages.propose.toApprovals')}</Link>}
            />
          )}
          {propose.isError && <ProblemAlert error={propose.error} describe={problemMessage} />}
        </div>
      </Card>
    </section>
  );
}
