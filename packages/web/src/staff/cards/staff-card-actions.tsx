import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Input, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ReplaceForm } from '../../cards/card-forms.tsx';
import { failedAs } from '../../cards/card-problem.ts';
import { changeCard, photoUrl, type Card, type CardStep } from '../../cards/cards-api.ts';
import { ProblemAlert } from '../../components/problem-alert.tsx';

const S = 'cardPages.staff';
const ENDED = ['refused', 'lost', 'damaged', 'replaced', 'cancelled'];

/**
 * What an officer does with a card at its status (docs/RULES.md 18.2): decide an application (the photo
 * beside it; a refusal gives its reason), dispatch a produced card to its branch or record it mailed with
 * the tracking number, hand it over at the counter, record a loss reported at a branch (18.5), lift it or
 * make it formal, and cancel a card not ended with the reason. The server checks each step again.
 */
export function StaffCardActions({ card, replaceable }: { card: Card; replaceable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [tracking, setTracking] = useState('');
  const [missing, setMissing] = useState<'refuse' | 'cancel' | null>(null);
  const [replacing, setReplacing] = useState(false);
  const step = useMutation({
    mutationFn: (change: CardStep) => changeCard(card.personId, card.id, change),
    onSuccess: () => {
      setText('');
      setTracking('');
      return queryClient.invalidateQueries({ queryKey: ['cards'] });
    },
  });
  const status = card.effectiveStatus;
  const run = (change: CardStep) => {
    setMissing(null);
    step.mutate(change);
  };
  const withReason = (kind: 'refuse' | 'cancel') => {
    if (!text.trim()) return setMissing(kind);
    run(
      kind === 'refuse'
        ? { step: 'decision', approve: false, reason: text.trim() }
        : { step: 'cancellation', reason: text.trim() },
    );
  };
  const busy = (name: CardStep['step']) => step.isPending && step.variables?.step === name;
  const input = (id: string, label: string) => (
    <Input
      id={id}
      aria-label={label}
      placeholder={label}
      value={text}
      maxLength={500}
      onChange={(event) => setText(event.target.value)}
      status={missing ? 'error' : undefined}
      style={{ maxWidth: '20rem' }}
    />
  );
  return (
    <div className="card-staff-actions">
      {status === 'applied' && (
        <>
          <img
            className="card-photo"
            src={photoUrl(card.personId, card.id)}
            alt={t(`${S}.photo`)}
            width={96}
            height={128}
            style={{ objectFit: 'cover', marginBottom: '0.5rem' }}
          />
          <Space wrap>
            <Button
              type="primary"
              loading={busy('decision')}
              onClick={() => run({ step: 'decision', approve: true })}
            >
              {t(`${S}.approve`)}
            </Button>
            {input(`card-refusal-${card.id}`, t(`${S}.refusalReason`))}
            <Button danger onClick={() => withReason('refuse')}>
              {t(`${S}.refuse`)}
            </Button>
          </Space>
        </>
      )}
      {status === 'produced' && (
        <Space wrap>
          {card.dispatch === 'branch' ? (
            <Button type="primary" loading={busy('dispatch')} onClick={() => run({ step: 'dispatch' })}>
              {t(`${S}.dispatchBranch`)}
            </Button>
          ) : (
            <>
              <Input
                id={`card-tracking-${card.id}`}
                aria-label={t(`${S}.trackingNo`)}
                placeholder={t(`${S}.trackingNo`)}
                value={tracking}
                maxLength={40}
                onChange={(event) => setTracking(event.target.value)}
                style={{ maxWidth: '14rem' }}
              />
              <Button
                type="primary"
                loading={busy('dispatch')}
                onClick={() =>
                  run({ step: 'dispatch', ...(tracking.trim() ? { trackingNo: tracking.trim() } : {}) })
                }
              >
                {t(`${S}.dispatchMail`)}
              </Button>
            </>
          )}
        </Space>
      )}
      {(status === 'at_branch' || status === 'mailed') && (
        <Button type="primary" loading={busy('collection')} onClick={() => run({ step: 'collection' })}>
          {t(`${S}.collect`)}
        </Button>
      )}
      {(status === 'active' || status === 'temporarily_lost') && (
        <Space wrap className="card-buttons">
          {status === 'active' ? (
            <Button
              loading={busy('temporary-loss')}
              onClick={() => run({ step: 'temporary-loss', channel: 'branch' })}
            >
              {t(`${S}.temporaryLoss`)}
            </Button>
          ) : (
            <Button loading={busy('lifting')} onClick={() => run({ step: 'lifting' })}>
              {t(`${S}.lift`)}
            </Button>
          )}
          <Popconfirm
            title={t('cardPages.person.actions.formalLossConfirm')}
            okText={t('cardPages.common.confirm')}
            cancelText={t('cardPages.common.cancel')}
            onConfirm={() => run({ step: 'formal-loss' })}
          >
            <Button danger loading={busy('formal-loss')}>
              {t(`${S}.formalLoss`)}
            </Button>
          </Popconfirm>
        </Space>
      )}
      {replaceable && ['active', 'temporarily_lost', 'lost', 'damaged'].includes(status) && !replacing && (
        <Button className="card-counter-replace" onClick={() => setReplacing(true)}>
          {t('cardPages.counter.replace')}
        </Button>
      )}
      {!ENDED.includes(status) && status !== 'applied' && (
        <Space wrap className="card-cancel">
          {input(`card-cancel-${card.id}`, t(`${S}.cancelReason`))}
          <Button danger loading={busy('cancellation')} onClick={() => withReason('cancel')}>
            {t(`${S}.cancel`)}
          </Button>
        </Space>
      )}
      {missing && (
        <div className="card-field-error" role="alert">
          {t(missing === 'refuse' ? `${S}.refusalRequired` : `${S}.cancelRequired`)}
        </div>
      )}
      <div role="status">{step.isSuccess && <Alert type="success" showIcon title={t(`${S}.done`)} />}</div>
      {replacing && (
        <ReplaceForm personId={card.personId} card={card} atCounter onDone={() => setReplacing(false)} />
      )}
      {step.isError && <ProblemAlert error={step.error} describe={failedAs(t('cardPages.common.failed'))} />}
    </div>
  );
}
