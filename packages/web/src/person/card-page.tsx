import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Radio, Select, Spin, Typography } from 'antd';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { CardDetails } from '../cards/card-details.tsx';
import { failedAs, fieldsNamed } from '../cards/card-problem.ts';
import {
  applyForCard,
  cardKeys,
  changeCard,
  choosePaymentCard,
  fetchCards,
  IN_USE,
  ON_ITS_WAY,
  photoBase64,
  replaceCard,
  type Card as CardData,
  type CardStep,
} from '../cards/cards-api.ts';
import '../cards/cards.css';
import { PhotoField, photoProblem } from '../cards/photo-field.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { ECardSection } from './e-card.tsx';

const P = 'cardPages.person';

interface ApplyFields {
  photo?: File;
  dispatch: 'branch' | 'mail';
  branchName?: string;
  mailAddress?: string;
}
interface ReplaceFields extends ApplyFields {
  reason: 'lost' | 'damaged' | 'upgrade';
}
const APPLY_FIELDS = ['photo', 'branchName', 'mailAddress'] as const;

/**
 * /person/card (docs/RULES.md 18.2): the person's social security cards with their status, clocks and
 * history; applying online with a photo (18.3); withdrawing an application; confirming a card received;
 * reporting a card temporarily lost, lifting or making it formal (18.5); a replacement and its fee (18.4);
 * the card benefits are paid to (18.9); and the electronic card (18.7). The card notices link here.
 */
export function CardPage({ user }: { user: UserView }) {
  const { t } = useTranslation();
  usePageTitle(t(`${P}.title`));
  const personId = user.personId!;
  const cards = useQuery({ queryKey: cardKeys.ofPerson(personId), queryFn: () => fetchCards(personId) });
  const items = cards.data?.items ?? [];
  const onItsWay = items.some((card) => ON_ITS_WAY.includes(card.effectiveStatus));
  const inUse = items.find((card) => IN_USE.includes(card.effectiveStatus));
  return (
    <div className="page person-page card-page">
      <Typography.Title level={1}>{t(`${P}.title`)}</Typography.Title>
      <Typography.Paragraph>{t(`${P}.intro`)}</Typography.Paragraph>
      {cards.isPending ? (
        <div className="card-loading" role="status">
          <Spin size="small" /> {t('cardPages.common.loading')}
        </div>
      ) : cards.isError ? (
        <ProblemAlert
          error={cards.error}
          describe={failedAs(t('cardPages.common.loadFailed'))}
          action={<Button onClick={() => void cards.refetch()}>{t('cardPages.common.retry')}</Button>}
        />
      ) : (
        <>
          {inUse?.effectiveStatus === 'active' && <ECardSection personId={personId} />}
          {!onItsWay && !inUse && <ApplySection personId={personId} />}
          <section aria-labelledby="person-cards-title" className="card-list">
            <Typography.Title level={2} id="person-cards-title" className="section-title">
              {t(`${P}.cardsTitle`)}
            </Typography.Title>
            {items.length === 0 && <Typography.Paragraph>{t(`${P}.none`)}</Typography.Paragraph>}
            {items.map((card) => (
              <CardDetails
                key={card.id}
                card={card}
                actions={<PersonActions personId={personId} card={card} replaceable={!onItsWay} />}
              />
            ))}
          </section>
        </>
      )}
    </div>
  );
}

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
            : t('cardPages.delivery.mailRequired'),
      ],
    })),
  );
  return names.length > 0;
}

/** Applying online for a first card (docs/RULES.md 18.3): the photo and where the card goes. */
function ApplySection({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ApplyFields>();
  const queryClient = useQueryClient();
  const [marked, setMarked] = useState(false);
  const apply = useMutation({
    mutationFn: async (fields: ApplyFields) =>
      applyForCard(personId, { photo: await photoBase64(fields.photo!), ...deliveryOf(fields) }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: cardKeys.ofPerson(personId) }),
    onError: (error) => setMarked(markFields(form, t, error)),
  });
  return (
    <section aria-labelledby="card-apply-title" className="card-apply">
      <Typography.Title level={2} id="card-apply-title" className="section-title">
        {t(`${P}.applyTitle`)}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t(`${P}.applyIntro`)}</Typography.Paragraph>
        <Form<ApplyFields>
          form={form}
          name="person-card-apply"
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

/** What the person may do with a card in its status (the server decides; this offers only what fits). */
function PersonActions({
  personId,
  card,
  replaceable,
}: {
  personId: number;
  card: CardData;
  replaceable: boolean;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [replacing, setReplacing] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: cardKeys.ofPerson(personId) });
  const step = useMutation({
    mutationFn: (change: CardStep) => changeCard(personId, card.id, change),
    onSuccess: refresh,
  });
  const payment = useMutation({ mutationFn: () => choosePaymentCard(personId, card.id), onSuccess: refresh });
  const status = card.effectiveStatus;
  const confirm = (label: string, text: string, change: CardStep, danger = false) => (
    <Popconfirm
      key={change.step}
      title={text}
      okText={t('cardPages.common.confirm')}
      cancelText={t('cardPages.common.cancel')}
      onConfirm={() => step.mutate(change)}
    >
      <Button danger={danger} loading={step.isPending && step.variables?.step === change.step}>
        {label}
      </Button>
    </Popconfirm>
  );
  const buttons = [
    status === 'applied' &&
      confirm(
        t(`${P}.actions.withdraw`),
        t(`${P}.actions.withdrawConfirm`),
        { step: 'cancellation', reason: t(`${P}.actions.withdrawReason`) },
        true,
      ),
    (status === 'at_branch' || status === 'mailed') &&
      confirm(t(`${P}.actions.collect`), t(`${P}.actions.collectConfirm`), { step: 'collection' }),
    status === 'active' &&
      confirm(
        t(`${P}.actions.temporaryLoss`),
        t(`${P}.actions.temporaryLossConfirm`, { days: t(`${P}.actions.temporaryLossDays`) }),
        { step: 'temporary-loss', channel: 'app' },
        true,
      ),
    status === 'temporarily_lost' &&
      confirm(t(`${P}.actions.lift`), t(`${P}.actions.liftConfirm`), { step: 'lifting' }),
    status === 'temporarily_lost' &&
      confirm(
        t(`${P}.actions.formalLoss`),
        t(`${P}.actions.formalLossConfirm`),
        { step: 'formal-loss' },
        true,
      ),
    status === 'active' && card.bankAccountMasked && !card.paymentCard && (
      <Button key="payment" onClick={() => payment.mutate()} loading={payment.isPending}>
        {t(`${P}.actions.choosePayment`)}
      </Button>
    ),
    replaceable && ['active', 'temporarily_lost', 'lost', 'damaged'].includes(status) && !replacing && (
      <Button key="replace" onClick={() => setReplacing(true)}>
        {t(`${P}.actions.replace`)}
      </Button>
    ),
  ].filter(Boolean);
  if (!buttons.length && !replacing) return null;
  return (
    <>
      <div className="card-buttons">{buttons}</div>
      <div role="status" className="card-done">
        {step.isSuccess && (
          <Alert
            type="success"
            showIcon
            title={t(`${P}.actions.done`)}
            description={
              ['temporary-loss', 'formal-loss'].includes(step.variables.step)
                ? t(`${P}.actions.bankFreeze`)
                : undefined
            }
          />
        )}
        {payment.isSuccess && <Alert type="success" showIcon title={t(`${P}.actions.paymentChosen`)} />}
      </div>
      {step.isError && <ProblemAlert error={step.error} describe={failedAs(t('cardPages.common.failed'))} />}
      {payment.isError && (
        <ProblemAlert error={payment.error} describe={failedAs(t('cardPages.common.failed'))} />
      )}
      {replacing && <ReplaceForm personId={personId} card={card} onDone={() => setReplacing(false)} />}
    </>
  );
}

/** A replacement (docs/RULES.md 18.4): why, a new photo, where it goes; the fee rules said beforehand. */
function ReplaceForm({ personId, card, onDone }: { personId: number; card: CardData; onDone: () => void }) {
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
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: cardKeys.ofPerson(personId) });
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
        name="person-card-replace"
        layout="vertical"
        initialValues={{
          dispatch: card.dispatch,
          branchName: card.branchName ?? undefined,
          mailAddress: card.mailAddress ?? undefined,
          reason: card.effectiveStatus === 'active' ? 'damaged' : 'lost',
        }}
        onFinish={(fields) => replace.mutate(fields)}
      >
        <Form.Item name="reason" label={t(`${P}.replace.reason`)}>
          <Select options={reasons.map((value) => ({ value, label: t(`cardPages.reasons.${value}`) }))} />
        </Form.Item>
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
