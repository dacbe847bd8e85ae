import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { formatPeriod } from '../../shell/format.ts';
import { describeRefusal } from './refusal.tsx';
import { settlementKeys, settleMonth } from './settlement-api.ts';

const S = 'medicalFundPages.settlements';

/**
 * Settles the chosen month with every institution of the region (docs/RULES.md 16.6): the statements it
 * draws replace the month's list above. A month settled already draws nothing and pays nothing twice; a
 * month not yet over is refused, and the page says so.
 */
export function SettleMonth({ regionCode, period }: { regionCode: string; period: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const month = formatPeriod(period, i18n.language);
  const settle = useMutation({
    mutationFn: () => settleMonth(regionCode, period),
    onSuccess: (result) => {
      queryClient.setQueryData(settlementKeys.period(regionCode, result.period), result.statements);
      // Each institution's own list of statements has the new month too.
      void queryClient.invalidateQueries({ queryKey: ['medical', 'settlements', 'institution'] });
    },
  });
  return (
    <div className="medical-settle-month">
      <Typography.Paragraph type="secondary">{t(`${S}.settleHint`)}</Typography.Paragraph>
      <Button type="primary" loading={settle.isPending} onClick={() => settle.mutate()}>
        {t(`${S}.settleButton`, { month })}
      </Button>
      <div aria-live="polite" className="medical-outcome">
        {settle.isError && (
          <ProblemAlert
            error={settle.error}
            describe={describeRefusal(t(`${S}.refused`), {
              'month-not-ended': t(`${S}.notEnded`, { month }),
            })}
          />
        )}
        {settle.data && (
          <Alert
            type="success"
            showIcon
            role="status"
            data-drawn={settle.data.drawn}
            title={
              settle.data.drawn > 0
                ? t(`${S}.drawn`, { month, drawn: settle.data.drawn })
                : t(`${S}.nothingNew`, { month })
            }
          />
        )}
      </div>
    </div>
  );
}
