import { useMutation } from '@tanstack/react-query';
import { Button, Card, QRCode, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { failedAs } from '../cards/card-problem.ts';
import { issueECardToken, type ECardToken } from '../cards/cards-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';

const E = 'cardPages.person.eCard';

interface Shown {
  token: ECardToken;
  /** When the browser received it: the countdown runs on the browser's clock from there. */
  receivedAt: number;
  lifetimeMs: number;
}

/**
 * The electronic card (docs/RULES.md 18.7): a fresh signed code drawn as a QR code in the browser, with
 * the seconds it has left and a refresh. The code's lifetime is the server's (its expiry less its issue),
 * counted on the browser's clock from its arrival, so a device clock that is off does not matter.
 */
export function ECardSection({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<Shown | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const issue = useMutation({
    mutationFn: () => issueECardToken(personId),
    onSuccess: (token) =>
      setShown({
        token,
        receivedAt: Date.now(),
        lifetimeMs: Date.parse(token.expiresAt) - Date.parse(token.issuedAt),
      }),
  });
  useEffect(() => {
    if (!shown) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [shown]);
  const seconds = shown ? Math.max(0, Math.ceil((shown.lifetimeMs - (now - shown.receivedAt)) / 1000)) : 0;
  const expired = shown !== null && seconds === 0;
  return (
    <section aria-labelledby="e-card-title" className="e-card">
      <Typography.Title level={2} id="e-card-title" className="section-title">
        {t(`${E}.title`)}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t(`${E}.intro`)}</Typography.Paragraph>
        {shown && (
          <div className="e-card-code" data-expired={expired}>
            <QRCode
              value={shown.token.token}
              size={220}
              status={expired ? 'expired' : 'active'}
              onRefresh={() => issue.mutate()}
              statusRender={expired ? () => <span>{t(`${E}.expired`)}</span> : undefined}
            />
            <div className="e-card-facts">
              <div>
                {t(`${E}.cardNumber`)} <code>{shown.token.cardNumberMasked}</code>
              </div>
              <div className="e-card-countdown" role="timer" aria-live="off">
                {expired ? t(`${E}.expired`) : t(`${E}.expiresIn`, { seconds })}
              </div>
              <div className="e-card-token-label">{t(`${E}.code`)}</div>
              <Typography.Paragraph copyable={{ text: shown.token.token }} className="e-card-token">
                <code>{shown.token.token}</code>
              </Typography.Paragraph>
            </div>
          </div>
        )}
        <Button type={shown ? 'default' : 'primary'} onClick={() => issue.mutate()} loading={issue.isPending}>
          {shown ? t(`${E}.refresh`) : t(`${E}.show`)}
        </Button>
        {issue.isError && (
          <ProblemAlert error={issue.error} describe={failedAs(t('cardPages.common.failed'))} />
        )}
      </Card>
    </section>
  );
}
