import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BenefitsLoading, failedAs, LoadFailure } from '../benefits/application-parts.tsx';
import { fetchStanding, survivalKeys, verifySelf, type Standing } from '../benefits/survival-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';

const STATUS_COLOURS: Record<NonNullable<Standing['standing']>['status'], string> = {
  verified: 'green',
  'not-due': 'blue',
  due: 'gold',
  overdue: 'red',
};

/**
 * The pension page's survival verification card (docs/RULES.md 14.6, 14.9): the cycle, where it stands,
 * the month paid through, and a button with which the pensioner verifies through their own session.
 */
export function SurvivalCard({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const S = 'benefitPages.survival';
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: survivalKeys.standing(personId),
    queryFn: () => fetchStanding(personId),
  });
  const verify = useMutation({
    mutationFn: () => verifySelf(personId),
    onSuccess: (updated) => queryClient.setQueryData(survivalKeys.standing(personId), updated),
  });
  if (query.isPending) return <BenefitsLoading />;
  if (query.isError) return <LoadFailure error={query.error} onRetry={() => void query.refetch()} />;
  const { standing, deceased, verifications } = query.data;
  if (!standing) return null;
  return (
    <Card
      className="survival-card"
      data-status={standing.status}
      title={<h2 className="benefit-card-title">{t(`${S}.card.title`)}</h2>}
      extra={<Tag color={STATUS_COLOURS[standing.status]}>{t(`${S}.status.${standing.status}`)}</Tag>}
    >
      {deceased ? (
        <Typography.Paragraph>{t(`${S}.card.deceased`)}</Typography.Paragraph>
      ) : (
        <>
          <Typography.Paragraph>
            {t(`${S}.card.cycle`, { start: standing.cycleStart, end: standing.cycleEnd })}
            {!standing.verifiedThisCycle && (
              <>
                <br />
                <strong>{t(`${S}.card.dueBy`, { date: standing.dueBy })}</strong>
              </>
            )}
            <br />
            {standing.lastVerifiedOn
              ? t(`${S}.card.lastVerified`, { date: standing.lastVerifiedOn })
              : t(`${S}.card.neverVerified`)}
            <br />
            {t(`${S}.card.paidThrough`, { month: standing.verifiedThrough })}
          </Typography.Paragraph>
          {standing.suspendedFrom && (
            <Alert
              type="warning"
              showIcon
              title={t(`${S}.card.suspended`, { month: standing.suspendedFrom })}
            />
          )}
          <Typography.Paragraph type="secondary" className="survival-attest">
            {t(`${S}.card.attest`)}
          </Typography.Paragraph>
          <div aria-live="polite">
            {verify.isSuccess && (
              <Alert
                type="success"
                showIcon
                role="status"
                title={t(`${S}.card.verified`, { date: verify.data.asOf })}
              />
            )}
            {verify.isError && (
              <ProblemAlert error={verify.error} describe={failedAs(t(`${S}.card.failed`))} />
            )}
          </div>
          <Button type="primary" onClick={() => verify.mutate()} loading={verify.isPending}>
            {t(`${S}.card.verify`)}
          </Button>
        </>
      )}
      <h3 className="subsection-title">{t(`${S}.card.history`)}</h3>
      {verifications.length === 0 ? (
        <Typography.Paragraph type="secondary">{t(`${S}.card.none`)}</Typography.Paragraph>
      ) : (
        <ul className="survival-history">
          {verifications.map((verification) => (
            <li key={verification.id}>
              {verification.onDate} · {t(`${S}.methods.${verification.method}`)} ·{' '}
              {t(`${S}.channels.${verification.channel}`)}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
