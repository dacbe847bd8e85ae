import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Popconfirm, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserView } from '../api/pending-paths.ts';
import { CardDetails } from '../cards/card-details.tsx';
import { ApplySection, ReplaceForm } from '../cards/card-forms.tsx';
import { failedAs } from '../cards/card-problem.ts';
import {
  cardKeys,
  changeCard,
  choosePaymentCard,
  fetchCards,
  IN_USE,
  ON_ITS_WAY,
  type Card as CardData,
  type CardStep,
} from '../cards/cards-api.ts';
import '../cards/cards.css';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { usePageTitle } from '../shell/page-title.ts';
import { ECardSection } from './e-card.tsx';

const P = 'cardPages.person';

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
          {!onItsWay && !inUse && (
            <ApplySection personId={personId} formName="person-card-apply" headingId="card-apply-title" />
          )}
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
