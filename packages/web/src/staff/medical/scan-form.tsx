import { addMonths } from '@shebao/domain';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { chinaToday } from '../../shell/agency-clock.ts';
import { DateField } from '../../shell/date-field.tsx';
import { describeRefusal } from './refusal.tsx';
import { ReviewRuleTag } from './review-rule-tag.tsx';
import { REVIEW_RULES, scanClaims } from './supervision-api.ts';

const S = 'medicalFundPages.scan';

/**
 * Runs the supervision rules over the region's claims settled between two days, from the first of last
 * month to today unless the officer chooses others, and says what each rule caught and how many flags
 * are new (docs/RULES.md 16.7). The queue above shows the new flags.
 */
export function ScanForm({ regionCode }: { regionCode: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const today = chinaToday();
  const [from, setFrom] = useState(`${addMonths(today.slice(0, 7), -1)}-01`);
  const [to, setTo] = useState(today);
  const scan = useMutation({
    mutationFn: () => scanClaims(regionCode, from, to),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['medical', 'reviews'] }),
  });
  const result = scan.data;
  return (
    <div className="medical-scan">
      <Typography.Paragraph type="secondary">{t(`${S}.hint`)}</Typography.Paragraph>
      <div className="medical-toolbar">
        <div className="medical-toolbar-field">
          <label htmlFor="scan-from">{t(`${S}.from`)}</label>
          <DateField id="scan-from" value={from} max={to} allowClear={false} onChange={setFrom} />
        </div>
        <div className="medical-toolbar-field">
          <label htmlFor="scan-to">{t(`${S}.to`)}</label>
          <DateField id="scan-to" value={to} min={from} max={today} allowClear={false} onChange={setTo} />
        </div>
        <Button type="primary" loading={scan.isPending} disabled={!from || !to} onClick={() => scan.mutate()}>
          {t(`${S}.submit`)}
        </Button>
      </div>
      <div aria-live="polite">
        {scan.isError && <ProblemAlert error={scan.error} describe={describeRefusal(t(`${S}.refused`))} />}
        {result && (
          <div className="medical-scan-result" role="status">
            <Typography.Title level={3} className="medical-subtitle">
              {t(`${S}.resultTitle`, { from: result.from, to: result.to })}
            </Typography.Title>
            <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} title={t(`${S}.caught`)}>
              {REVIEW_RULES.map((rule) => (
                <Descriptions.Item key={rule} label={<ReviewRuleTag rule={rule} />}>
                  <span data-caught={rule} data-count={result.caught[rule]}>
                    {t(`${S}.caughtValue`, { count: result.caught[rule] })}
                  </span>
                </Descriptions.Item>
              ))}
            </Descriptions>
            <Typography.Paragraph className="medical-outcome" data-flagged={result.flagged}>
              {t(`${S}.flagged`, { count: result.flagged })}
            </Typography.Paragraph>
          </div>
        )}
      </div>
    </div>
  );
}
