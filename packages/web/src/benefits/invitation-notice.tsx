import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatPeriod } from '../shell/format.ts';
import { benefitKeys, fetchInvitations } from './benefits-api.ts';

/**
 * The latest invitation to claim the pension (docs/RULES.md 14.13): invited, with the forecast and the
 * application linked, or told the shortfall and the options while there is still time. Nothing when none.
 */
export function InvitationNotice({ personId }: { personId: number }) {
  const { t, i18n } = useTranslation();
  const invitations = useQuery({
    queryKey: benefitKeys.invitations(personId),
    queryFn: () => fetchInvitations(personId),
  });
  const latest = invitations.data?.items[0];
  if (!latest) return null;
  const values = {
    month: formatPeriod(latest.retirementMonth, i18n.language),
    months: latest.contributionMonths,
    minimum: latest.minContributionMonths,
    shortfall: latest.shortfallMonths,
  };
  return (
    <Alert
      className="benefit-decision benefit-invitation"
      data-kind={latest.kind}
      type={latest.kind === 'apply' ? 'info' : 'warning'}
      showIcon
      title={t(`benefitPages.person.invitation.${latest.kind}`, values)}
      description={
        <>
          {latest.kind === 'shortfall' && (
            <ul className="benefit-reasons">
              {latest.options.map((option) => (
                <li key={option}>{t(`benefitPages.assessment.optionTexts.${option}`)}</li>
              ))}
            </ul>
          )}
          <div className="benefit-links">
            <Link to="/person/pension-forecast">{t('benefitPages.person.invitation.forecast')}</Link>
            {latest.kind === 'apply' && (
              <Link to="/person/apply-pension">{t('benefitPages.person.invitation.apply_action')}</Link>
            )}
          </div>
          <small>
            {t('benefitPages.person.invitation.sentIn', {
              month: formatPeriod(latest.sentIn, i18n.language),
            })}
          </small>
        </>
      }
    />
  );
}
