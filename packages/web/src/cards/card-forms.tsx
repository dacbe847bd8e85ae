import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Radio, Select, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { failedAs, fieldsNamed } from './card-problem.ts';
import { applyForCard, photoBase64, replaceCard, type Card as CardData } from './cards-api.ts';
import { photoProblem } from './card-checks.ts';
import { PhotoField } from './photo-field.tsx';

/*
 * The forms of an application and a replacement (docs/RULES.md 18.3, 18.4), the same for the person online
 * and for staff at the counter; the server's refusals are marked on the fields they name.
 */

const P = 'cardPages.person';

interface ApplyFields {
  photo?: File;
  dispatch: 'branch' | 'mail';
  branchName?: string;
  mailAddress?: string;
}
interface ReplaceFields extends ApplyFields {
  reason: 'lost' | 'damaged' | 'upgrade';
  exemption?: 'none' | 'subsistence-allowance' | 'disability';
  exemptionEvidence?: string;
}
const APPLY_FIELDS = ['photo', 'branchName', 'mailAddress', 'exemptionEvidence'] as const;

/** The delivery fields of an application or a replacement: a branch's name, or a postal address. */
function DeliveryFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const dispatch = (Form.useWatch('dispatch', form) as ApplyFields['dispatch'] | undefined) ?? 'branch';
  return (
    <>
      <Form.Item name="dispatch" label={t('cardPages.delivery.label')}>
        <Radio.Group
          options={(['branch', 'mail'] as const).map((value) => ({
            value,
            label: t(`cardPages.dispatch.${value}`),
          }))}
        />
      </Form.Item>
      {dispatch === 'branch' ? (
        <Form.Item
          key="branchName"
          name="branchName"
          label={t('cardPages.delivery.branchName')}
          rules={[{ required: true, whitespace: true, message: t('cardPages.delivery.branchRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      ) : (
        <Form.Item
          key="mailAddress"
          name="mailAddress"
          label={t('cardPages.delivery.mailAddress')}
          rules={[{ required: true, whitespace: true, message: t('cardPages.delivery.mailRequired') }]}
        >
          <Input.TextArea maxLength={300} autoSize={{ minRows: 2 }} />
        </Form.Item>
      )}
    </>
  );
}

function PhotoItem() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="photo"
      label={t('cardPages.photo.label')}
      extra={t('cardPages.photo.help')}
      rules={[
        {
          validator: (_rule, file: File | undefined) => {
            const problem = photoProblem(file);
            return problem ? Promise.reject(new Error(t(`cardPages.photo.${problem}`))) : Promise.resolve();
          },
        },
      ]}
    >
      <PhotoField />
    </Form.Item>
  );
}

/** The body's place: only the field of the way chosen. */
function deliveryOf(fields: ApplyFields) {
  return fields.dispatch === 'branch'
    ? { dispatch: 'branch' as const, branchName: fields.branchName?.trim() ?? '' }
    : { dispatch: 'mail' as const, mailAddress: fields.mailAddress?.trim() ?? '' };
}

/** Marks the fields the server refused with why, in the reader's language; true when one was marked. */
function markFields(form: FormInstance, t: TFunction, error: unknown): boolean {
  const names = fieldsNamed(error, APPLY_FIELDS);
  form.setFields(
    names.map((name) => ({
      name,
      errors: [
        name === 'photo'
          ? t('cardPages.photo.serverRefused')
          : name === 'branchName'
            ? t('cardPages.delivery.branchRequired')
            : name === 'exemptionEvidence'
              ? t('cardPages.counter.evidenceRequired')
              : t('cardPages.delivery.mailRequired'),
      ],
    })),
  );
  return names.length > 0;
}

/**
 * Applying for a first card (docs/RULES.md 18.3): the photo and where the card goes; online by the person,
 * or at the counter by staff (`formName` tells the two forms apart on a page).
 */
export function ApplySection({
  personId,
  formName,
  headingId,
  atCounter = false,
}: {
  personId: number;
  formName: string;
  headingId: string;
  atCounter?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplyFields>();
  const queryClient = useQueryClient();
  const [marked, setMarked] = useState(false);
  const apply = useMutation({
    mutationFn: async (fields: ApplyFields) =>
      applyForCard(personId, { photo: await photoBase64(fields.photo!), ...deliveryOf(fields) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['cards'] }),
    onError: (error) => setMarked(markFields(form, t, error)),
  });
  return (
    <section aria-labelledby={headingId} className="card-apply">
      <Typography.Title level={2} id={headingId} className="section-title">
        {atCounter ? t('cardPages.counter.applyTitle') : t(`${P}.applyTitle`)}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t(`${P}.applyIntro`)}</Typography.Paragraph>
        <Form<ApplyFields>
          form={form}
          name={formName}
          layout="vertical"
          initialValues={{ dispatch: 'branch' }}
          onFinish={(fields) => apply.mutate(fields)}
        >
          <PhotoItem />
          <DeliveryFields form={form} />
          <Button type="primary" htmlType="submit" loading={apply.isPending}>
            {t(`${P}.applySubmit`)}
          </Button>
        </Form>
        {apply.isError && !marked && (
          <ProblemAlert
            className="card-problem"
            error={apply.error}
            describe={failedAs(t('cardPages.common.failed'))}
          />
        )}
      </Card>
    </section>
  );
}

/**
 * A replacement (docs/RULES.md 18.4): why, a new photo, where it goes; the fee rules said beforehand. At the
 * counter staff also record an exemption from the fee with the certificate seen (never online).
 */
export function ReplaceForm({
  personId,
  card,
  onDone,
  atCounter = false,
}: {
  personId: number;
  card: CardData;
  onDone: () => void;
  atCounter?: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReplaceFields>();
  const queryClient = useQueryClient();
  const [marked, setMarked] = useState(false);
  const replace = useMutation({
    mutationFn: async (fields: ReplaceFields) =>
      replaceCard(personId, card.id, {
        reason: fields.reason,
        photo: await photoBase64(fields.photo!),
        ...deliveryOf(fields),
        ...(atCounter && fields.exemption && fields.exemption !== 'none'
          ? { exemption: fields.exemption, exemptionEvidence: fields.exemptionEvidence?.trim() ?? '' }
          : {}),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['cards'] });
      onDone();
    },
    onError: (error) => setMarked(markFields(form, t, error)),
  });
  const reasons =
    card.generation < 3 ? (['lost', 'damaged', 'upgrade'] as const) : (['lost', 'damaged'] as const);
  return (
    <section aria-labelledby={`card-replace-${card.id}`} className="card-replace">
      <Typography.Title level={3} id={`card-replace-${card.id}`}>
        {t(`${P}.replace.title`)}
      </Typography.Title>
      <Alert type="info" showIcon className="card-fee-note" title={t(`${P}.replace.feeNote`)} />
      <Form<ReplaceFields>
        form={form}
        name={atCounter ? `counter-card-replace-${card.id}` : 'person-card-replace'}
        layout="vertical"
        initialValues={{
          dispatch: card.dispatch,
          branchName: card.branchName ?? undefined,
          mailAddress: card.mailAddress ?? undefined,
          reason: card.effectiveStatus === 'active' ? 'damaged' : 'lost',
          exemption: 'none',
        }}
        onFinish={(fields) => replace.mutate(fields)}
      >
        <Form.Item name="reason" label={t(`${P}.replace.reason`)}>
          <Select options={reasons.map((value) => ({ value, label: t(`cardPages.reasons.${value}`) }))} />
        </Form.Item>
        {atCounter && <ExemptionFields form={form} />}
        <PhotoItem />
        <DeliveryFields form={form} />
        <div className="card-buttons">
          <Button type="primary" htmlType="submit" loading={replace.isPending}>
            {t(`${P}.replace.submit`)}
          </Button>
          <Button onClick={onDone}>{t('cardPages.common.cancel')}</Button>
        </div>
      </Form>
      {replace.isError && !marked && (
        <ProblemAlert error={replace.error} describe={failedAs(t('cardPages.common.failed'))} />
      )}
    </section>
  );
}

/** The fee exemption staff record at the counter, with the number of the certificate they saw. */
function ExemptionFields({ form }: { form: FormInstance }) {
  const { t } = useTranslation();
  const exemption = Form.useWatch('exemption', form) as ReplaceFields['exemption'];
  return (
    <>
      <Form.Item name="exemption" label={t('cardPages.counter.exemption')}>
        <Radio.Group
          options={(['none', 'subsistence-allowance', 'disability'] as const).map((value) => ({
            value,
            label: value === 'none' ? t('cardPages.counter.noExemption') : t(`cardPages.exemptions.${value}`),
          }))}
        />
      </Form.Item>
      {exemption && exemption !== 'none' && (
        <Form.Item
          name="exemptionEvidence"
          label={t('cardPages.counter.evidence')}
          rules={[{ required: true, whitespace: true, message: t('cardPages.counter.evidenceRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
      )}
    </>
  );
}
