import { Card, Descriptions, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatChinaTime, formatYuan } from '../shell/format.ts';
import { userName } from '../staff/medical/user-name.ts';
import type { Card as CardData, CardEvent, CardStatus } from './cards-api.ts';

const C = 'cardPages.card';
/** The channels an event may name (an application's, a loss report's). */
const CHANNELS = { online: 1, employer: 1, counter: 1, phone: 1, app: 1, branch: 1 } as const;
const REASONS = { first: 1, lost: 1, damaged: 1, upgrade: 1 } as const;

const STATUS_COLORS: Partial<Record<CardStatus, string>> = {
  applied: 'blue',
  approved: 'blue',
  sent_to_bank: 'geekblue',
  produced: 'cyan',
  at_branch: 'cyan',
  mailed: 'cyan',
  active: 'green',
  temporarily_lost: 'orange',
  lost: 'red',
  refused: 'red',
};

/** A card's status as a tag, the same on the person's and the staff's pages. */
export function CardStatusTag({ status }: { status: CardStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[status] ?? 'default'} className="card-status" data-status={status}>
      {t(`cardPages.statuses.${status}`)}
    </Tag>
  );
}

/** The fee in words (docs/RULES.md 18.4): free first card, free in the region, waived, or the amount. */
function feeText(t: TFunction, card: CardData): string {
  if (card.feeFen > 0) return t(`${C}.feeDue`, { amount: formatYuan(card.feeFen) });
  if (card.feeExemption)
    return t(`${C}.feeWaived`, { exemption: t(`cardPages.exemptions.${card.feeExemption}`) });
  return card.reason === 'first' ? t(`${C}.feeFree`) : t(`${C}.feeRegionFree`);
}

/** The facts of an event worth reading (never the full card number): a reason, a place, a day, a batch. */
function EventFacts({ event }: { event: CardEvent }) {
  const { t } = useTranslation();
  const detail = event.detail;
  const text = (key: string) => (typeof detail[key] === 'string' ? (detail[key] as string) : null);
  const parts: ReactNode[] = [];
  for (const key of ['reason', 'branch', 'until', 'lastDay'] as const) {
    let value = text(key);
    // An application's reason is the card's (first, lost ...); a refusal's or cancellation's is prose.
    if (key === 'reason' && value && event.event === 'applied')
      value = value in REASONS ? t(`cardPages.reasons.${value as keyof typeof REASONS}`) : null;
    if (value) parts.push(<span key={key}>{t(`${C}.detail.${key}`, { value })}</span>);
  }
  for (const key of ['trackingNo', 'batchNo', 'bankCode'] as const) {
    const value = text(key);
    if (value)
      parts.push(
        <span key={key}>
          {t(`${C}.detail.${key}`)}
          <code>{value}</code>
        </span>,
      );
  }
  return parts.length ? <div className="card-event-facts">{parts}</div> : null;
}

/**
 * One card (docs/RULES.md 18.2): its status, number (masked), the production clock with its due day and
 * whether it is overdue (18.6), the fee (18.4), the delivery, the bank account once produced, a temporary
 * loss's last day (18.5), whether benefits are paid to it (18.9), and every event, newest first. The page
 * puts what the reader may do under it (`actions`).
 */
export function CardDetails({ card, actions }: { card: CardData; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const onItsWay = ['applied', 'approved', 'sent_to_bank'].includes(card.effectiveStatus);
  const items = [
    {
      key: 'number',
      label: t(`${C}.number`),
      children: card.cardNumberMasked ? (
        <code className="card-number">{card.cardNumberMasked}</code>
      ) : (
        t(`${C}.numberPending`)
      ),
    },
    { key: 'reason', label: t(`${C}.reason`), children: t(`cardPages.reasons.${card.reason}`) },
    { key: 'channel', label: t(`${C}.channel`), children: t(`cardPages.channels.${card.channel}`) },
    { key: 'appliedOn', label: t(`${C}.appliedOn`), children: card.appliedOn },
    {
      key: 'dueOn',
      label: t(`${C}.dueOn`),
      children: (
        <span className="card-due" data-overdue={card.overdue}>
          {card.dueOn}
          {onItsWay && <span className="card-clock"> {t(`${C}.clock`, { days: card.clock.days })}</span>}
          {card.overdue && (
            <Tag color="red" className="card-overdue">
              {t(`${C}.overdue`)}
            </Tag>
          )}
        </span>
      ),
    },
    { key: 'fee', label: t(`${C}.fee`), children: <span className="card-fee">{feeText(t, card)}</span> },
    {
      key: 'delivery',
      label: t(`${C}.delivery`),
      children:
        card.dispatch === 'branch'
          ? t(`${C}.branchAt`, { branch: card.branchName ?? '' })
          : t(`${C}.mailTo`, { address: card.mailAddress ?? '' }),
    },
    ...(card.refusalReason
      ? [{ key: 'refusal', label: t(`${C}.refusal`), children: card.refusalReason }]
      : []),
    ...(card.bankCode
      ? [{ key: 'bank', label: t(`${C}.bank`), children: <code>{card.bankCode}</code> }]
      : []),
    ...(card.bankAccountMasked
      ? [
          {
            key: 'account',
            label: t(`${C}.bankAccount`),
            children: <code>{card.bankAccountMasked}</code>,
          },
        ]
      : []),
    ...(card.producedOn
      ? [{ key: 'producedOn', label: t(`${C}.producedOn`), children: card.producedOn }]
      : []),
    ...(card.collectedOn
      ? [{ key: 'collectedOn', label: t(`${C}.collectedOn`), children: card.collectedOn }]
      : []),
    ...(card.effectiveStatus === 'temporarily_lost' && card.temporaryLossUntil
      ? [
          {
            key: 'lossUntil',
            label: t(`${C}.lossUntil`),
            children: (
              <span className="card-loss-until">
                {t(`${C}.lossUntilText`, { day: card.temporaryLossUntil })}
              </span>
            ),
          },
        ]
      : []),
    ...(card.paymentCard
      ? [{ key: 'payment', label: t(`${C}.paymentCard`), children: t(`${C}.paymentCardYes`) }]
      : []),
  ];
  return (
    <Card
      className="card-item"
      data-card-id={card.id}
      data-status={card.effectiveStatus}
      title={
        <span className="card-item-title">
          <CardStatusTag status={card.effectiveStatus} />
          <span>{t(`${C}.generation`, { generation: card.generation })}</span>
        </span>
      }
    >
      <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      {actions && <div className="card-actions">{actions}</div>}
      <Typography.Title level={3} className="card-history-title">
        {t(`${C}.history`)}
      </Typography.Title>
      <ol className="card-history">
        {card.events.map((event, index) => (
          <li key={index} className="card-event" data-event={event.event}>
            <span className="card-event-day">{event.onDate}</span>{' '}
            <strong>{t(`cardPages.events.${event.event}`)}</strong>
            {event.channel && (
              <span className="card-event-channel">
                {' '}
                ·{' '}
                {event.channel in CHANNELS ? (
                  t(`cardPages.channels.${event.channel as keyof typeof CHANNELS}`)
                ) : (
                  <code>{event.channel}</code>
                )}
              </span>
            )}
            <EventFacts event={event} />
            <div className="card-event-by">
              {formatChinaTime(event.recordedAt, i18n.language)} {t(`${C}.recordedBy`)}{' '}
              <code>{userName(event.recordedBy)}</code>
            </div>
          </li>
        ))}
      </ol>
    </Card>
  );
}
