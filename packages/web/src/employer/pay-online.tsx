import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Typography } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { newIdempotencyKey } from '../api/idempotency-key.ts';
import { formatYuan } from '../shell/format.ts';
import { payEmployerOnline, type EmployerSummary } from './employer-api.ts';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { problemMessage } from './problem-message.ts';

/**
 * Paying online the amount due today: every open bill plus the late fee paying it today bills (the
 * server's quote), so that the payment leaves nothing open. One Idempotency-Key per attempt at one
 * amount, so pressing "pay" again after a lost answer never pays twice. The receipt follows.
 */
export function PayOnline({
  employerId,
  dueToday,
}: {
  employerId: number;
  dueToday: EmployerSummary['dueToday'];
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const attempt = useRef<{ amountFen: number; key: string } | null>(null);
  const pay = useMutation({
    mutationFn: (amountFen: number) => {
      if (attempt.current?.amountFen !== amountFen) attempt.current = { amountFen, key: newIdempotencyKey() };
      return payEmployerOnline(employerId, amountFen, attempt.current.key);
    },
    onSuccess: async (receipt) => {
      attempt.current = null;
      await queryClient.invalidateQueries({ queryKey: ['employer', employerId] });
      await navigate(`/employer/payments/${receipt.paymentNo}`);
    },
  });
  if (dueToday.totalFen <= 0) return null;
  return (
    <section className="employer-pay-online" aria-labelledby="pay-online-title">
      <Typography.Title level={2} id="pay-online-title" className="employer-card-title">
        {t('employerPages.home.payTitle')}
      </Typography.Title>
      <Typography.Paragraph>
        {dueToday.lateFeeFen > 0
          ? t('employerPages.home.payTextWithFee', {
              owed: formatYuan(dueToday.owedFen),
              fee: formatYuan(dueToday.lateFeeFen),
            })
          : t('employerPages.home.payText')}
      </Typography.Paragraph>
      <Button
        type="primary"
        size="large"
        loading={pay.isPending}
        onClick={() => pay.mutate(dueToday.totalFen)}
      >
        {pay.isPending
          ? t('employerPages.home.paying')
          : t('employerPages.home.pay', { amount: formatYuan(dueToday.totalFen) })}
      </Button>
      {pay.isError && <ProblemAlert error={pay.error} describe={problemMessage} />}
    </section>
  );
}
