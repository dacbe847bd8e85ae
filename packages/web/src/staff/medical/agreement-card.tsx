import { Card, Descriptions, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { sourceText } from '../../medical/explanation-text.ts';
import type { Agreement, AgreementStatus } from '../../medical/medical-api.ts';
import { formatChinaTime } from '../../shell/format.ts';

const STATUS_COLORS: Record<AgreementStatus, string> = {
  active: 'green',
  suspended: 'orange',
  terminated: 'red',
};

/** An agreement's standing as a tag: active, suspended (until a day), terminated. */
export function AgreementStatusTag({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLORS[agreement.status]} data-status={agreement.status}>
      {agreement.status === 'suspended' && agreement.statusUntil
        ? t('medicalPages.agreements.suspendedUntil', { until: agreement.statusUntil })
        : t(`medicalPages.agreementStatuses.${agreement.status}`)}
    </Tag>
  );
}

/** A reason the server wrote itself ("signed") in the reader's words; staff's own reasons as typed. */
function useReason() {
  const { t } = useTranslation();
  return (reason: string | null) =>
    reason === 'signed' ? t('medicalPages.agreements.signedReason') : (reason ?? '—');
}

/**
 * A service agreement (docs/RULES.md 16.1): its number, period, the kinds of claim it covers, the days to
 * pay a month's statement, where it stands and why, and every change of standing, newest last. The
 * officers' page puts its actions under it.
 */
export function AgreementCard({ agreement, actions }: { agreement: Agreement; actions?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const reason = useReason();
  const source = (text: string | null) => (text ? sourceText(t, text, i18n.language) : '—');
  return (
    <Card
      size="small"
      className="medical-agreement"
      data-agreement-no={agreement.agreementNo}
      title={
        <Typography.Title level={3} className="medical-card-title">
          {t('medicalPages.agreements.agreement', { no: agreement.agreementNo })}{' '}
          <AgreementStatusTag agreement={agreement} />
        </Typography.Title>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('medicalPages.agreements.period')}>
          {t('medicalPages.agreements.periodValue', { from: agreement.validFrom, to: agreement.validTo })}
        </Descriptions.Item>
        <Descriptions.Item label={t('medicalPages.agreements.scope')}>
          {agreement.scope
            .map((kind) => t(`medicalPages.kinds.${kind}`))
            .join(i18n.language === 'en' ? ', ' : '、')}
        </Descriptions.Item>
        <Descriptions.Item label={t('medicalPages.agreements.paymentDays')}>
          {t('medicalPages.agreements.paymentDaysValue', { days: agreement.paymentDays })}
        </Descriptions.Item>
        <Descriptions.Item label={t('medicalPages.agreements.standing')}>
          <span data-standing-reason>
            {t('medicalPages.agreements.standingValue', {
              from: agreement.statusFrom,
              reason: reason(agreement.statusReason),
              source: source(agreement.statusSource),
            })}
          </span>
        </Descriptions.Item>
      </Descriptions>
      <Typography.Title level={4} className="subsection-title">
        {t('medicalPages.agreements.history')}
      </Typography.Title>
      <ol className="medical-history">
        {agreement.history.map((event, index) => (
          <li key={index} data-status={event.status}>
            <strong>{t(`medicalPages.agreementStatuses.${event.status}`)}</strong>{' '}
            {t(event.until ? 'medicalPages.agreements.eventUntil' : 'medicalPages.agreements.event', {
              from: event.from,
              until: event.until,
              reason: reason(event.reason),
            })}
            {event.source && t('medicalPages.agreements.eventSource', { source: source(event.source) })}
            <div className="medical-history-note">
              {t('medicalPages.agreements.recorded', {
                at: formatChinaTime(event.recordedAt, i18n.language),
              })}{' '}
              <code>{event.recordedBy}</code>
            </div>
          </li>
        ))}
      </ol>
      {actions}
    </Card>
  );
}
