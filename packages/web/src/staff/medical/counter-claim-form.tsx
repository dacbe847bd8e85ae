import { addDays, validateResidentId } from '@shebao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import i18next from 'i18next';
import { Alert, Button, Form, Input, Radio, Select, Switch, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { newIdempotencyKey } from '../../api/idempotency-key.ts';
import { ProblemAlert, type DescribeProblem } from '../../components/problem-alert.tsx';
import { ClaimFacts } from '../../medical/claim-facts.tsx';
import { ClaimSettlement } from '../../medical/claim-settlement.tsx';
import { CLAIM_KINDS, medicalKeys, settleClaim } from '../../medical/medical-api.ts';
import { Money } from '../../medical/money-cell.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { problemReason } from '../../shell/problem-reason.ts';
import { claimInputOf, type ClaimValues, type Relation } from './claim-form-values.ts';
import { ClaimItemRows, NEW_ITEM } from './claim-item-rows.tsx';

const F = 'medicalPages.counter';
const RELATIONS: Relation[] = ['spouse', 'parent', 'child'];

/** A refusal says that nothing was settled, then why, in the reader's language (the server's detailCode). */
const refusal: DescribeProblem = (t, error) => ({
  title: t(`${F}.refused`),
  detail: problemReason(i18next, error),
});

const validId = (message: string) => ({
  validator: async (_rule: unknown, value: string | undefined) => {
    if (value?.trim() && !validateResidentId(value.trim().toUpperCase()).ok) throw new Error(message);
  },
});

/**
 * The counter's claim (docs/RULES.md 16.3): the patient read from the card, the kind, the day or the stay,
 * the items, and whether the medical personal account pays what the person owes. One Idempotency-Key per
 * submission: a retry after a timeout settles nothing twice, changed values or a settled claim start a new
 * one. The answer shows who pays what, the year it leaves and how it was worked out.
 */
export function CounterClaimForm({ institutionId }: { institutionId: number }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ClaimValues>();
  const key = useRef(newIdempotencyKey());
  const kind = Form.useWatch('kind', form);
  const useAccount = Form.useWatch('useAccount', form);
  const relativePays = Form.useWatch('relativePays', form);
  const today = chinaToday();
  const settle = useMutation({
    mutationFn: (values: ClaimValues) => settleClaim(claimInputOf(institutionId, values), key.current),
    onSuccess: (claim) => {
      key.current = newIdempotencyKey();
      queryClient.setQueryData(medicalKeys.claim(claim.claimNo), claim);
      void queryClient.invalidateQueries({ queryKey: ['medical', 'claims'] });
    },
  });
  const claim = settle.data;
  return (
    <>
      <Form<ClaimValues>
        form={form}
        layout="vertical"
        name="medical-claim"
        requiredMark={false}
        className="medical-form medical-claim-form"
        initialValues={{ kind: 'outpatient', visitDate: today, items: [NEW_ITEM], useAccount: true }}
        onValuesChange={() => {
          key.current = newIdempotencyKey();
        }}
        onFinish={(values) => settle.mutate(values)}
      >
        <Form.Item
          name="idNumber"
          label={t(`${F}.idNumber`)}
          extra={t(`${F}.idNumberHelp`)}
          validateTrigger="onBlur"
          rules={[
            { required: true, whitespace: true, message: t(`${F}.idNumberRequired`) },
            validId(t(`${F}.idNumberInvalid`)),
          ]}
        >
          <Input autoComplete="off" spellCheck={false} maxLength={18} />
        </Form.Item>
        <Form.Item name="kind" label={t('medicalPages.claim.kind')}>
          <Radio.Group
            optionType="button"
            options={CLAIM_KINDS.map((value) => ({ value, label: t(`medicalPages.kinds.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="visitDate"
          label={kind === 'inpatient' ? t(`${F}.admissionDate`) : t('medicalPages.claim.visitDate')}
          rules={[{ required: true, message: t(`${F}.visitDateRequired`) }]}
        >
          <DateField block min={addDays(today, -365)} max={today} allowClear={false} />
        </Form.Item>
        {kind === 'inpatient' && (
          <Form.Item
            name="dischargeDate"
            label={t(`${F}.dischargeDate`)}
            dependencies={['visitDate']}
            rules={[
              { required: true, message: t(`${F}.dischargeDateRequired`) },
              ({ getFieldValue }) => ({
                validator: async (_rule, value: string | undefined) => {
                  const admitted = getFieldValue('visitDate') as string | undefined;
                  if (value && admitted && value < admitted)
                    throw new Error(t(`${F}.dischargeBeforeAdmission`));
                },
              }),
            ]}
          >
            <DateField block max={today} />
          </Form.Item>
        )}
        <Form.Item name="department" label={t(`${F}.department`)}>
          <Input autoComplete="off" maxLength={100} />
        </Form.Item>
        <Form.Item name="diagnosis" label={t(`${F}.diagnosis`)}>
          <Input autoComplete="off" maxLength={200} />
        </Form.Item>
        <ClaimItemRows />
        <Form.Item
          name="useAccount"
          label={t(`${F}.useAccount`)}
          extra={t(`${F}.useAccountHelp`)}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        {useAccount && (
          <Form.Item
            name="relativePays"
            label={t(`${F}.relativePays`)}
            extra={t(`${F}.relativePaysHelp`)}
            valuePropName="checked"
          >
            <Switch />
          </Form.Item>
        )}
        {useAccount && relativePays && (
          <>
            <Form.Item
              name="accountHolderIdNumber"
              label={t(`${F}.holderIdNumber`)}
              validateTrigger="onBlur"
              rules={[
                { required: true, whitespace: true, message: t(`${F}.idNumberRequired`) },
                validId(t(`${F}.idNumberInvalid`)),
              ]}
            >
              <Input autoComplete="off" spellCheck={false} maxLength={18} />
            </Form.Item>
            <Form.Item
              name="accountHolderRelation"
              label={t(`${F}.holderRelation`)}
              rules={[{ required: true, message: t(`${F}.holderRelationRequired`) }]}
            >
              <Select
                options={RELATIONS.map((value) => ({ value, label: t(`medicalPages.relations.${value}`) }))}
              />
            </Form.Item>
          </>
        )}
        <Button type="primary" htmlType="submit" loading={settle.isPending}>
          {settle.isPending ? t(`${F}.submitting`) : t(`${F}.submit`)}
        </Button>
      </Form>
      <div aria-live="polite" className="medical-result">
        {settle.isError && (
          <ProblemAlert error={settle.error} describe={refusal} className="medical-refusal" />
        )}
        {claim && !settle.isError && (
          <section aria-labelledby="counter-result-title" className="medical-counter-result">
            <Typography.Title level={2} id="counter-result-title" className="section-title">
              {t(`${F}.resultTitle`)}
            </Typography.Title>
            <Alert
              type="success"
              showIcon
              role="status"
              title={t(`${F}.settled`, { claimNo: claim.claimNo })}
              description={
                <span>
                  {t(`${F}.settledSplit`)} <Money fen={claim.pooledFen} /> ·{' '}
                  {t('medicalPages.amounts.accountFen')} <Money fen={claim.accountFen} /> ·{' '}
                  {t('medicalPages.amounts.cashFen')} <Money fen={claim.cashFen} />
                </span>
              }
              action={
                <Link to={`/staff/medical/claims/${encodeURIComponent(claim.claimNo)}`}>
                  {t(`${F}.openClaim`)}
                </Link>
              }
            />
            <ClaimFacts claim={claim} />
            <ClaimSettlement claim={claim} headingLevel={3} />
          </section>
        )}
      </div>
    </>
  );
}
