import { addDays, daysBetween } from '@shebao/domain';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The employer's 30 days to apply for a work injury identification (WIIR Art. 17; docs/RULES.md 15.14):
 * the last day and the days left, or, once passed, that the employer bears the late period (15.15).
 */
export function InjuryDeadline({ eventDate, today }: { eventDate: string; today: string }) {
  const { t } = useTranslation();
  const lastDay = addDays(eventDate, 30);
  const left = daysBetween(today, lastDay);
  return left >= 0 ? (
    <Alert
      className="injury-deadline"
      data-deadline="running"
      type="info"
      showIcon
      role="status"
      title={t('benefitPages.claims.employer.deadline', { date: lastDay, count: left })}
    />
  ) : (
    <Alert
      className="injury-deadline"
      data-deadline="passed"
      type="warning"
      showIcon
      role="alert"
      title={t('benefitPages.claims.employer.deadlinePassed', { date: lastDay })}
    />
  );
}
