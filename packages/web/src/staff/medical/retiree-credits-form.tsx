import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { Money } from '../../medical/money-cell.tsx';
import { currentPeriod } from '../../shell/agency-clock.ts';
import { MonthField } from '../../shell/date-field.tsx';
import { formatPeriod } from '../../shell/format.ts';
import { describeRefusal } from './refusal.tsx';
import { creditRetirees } from './settlement-api.ts';

const R = 'medicalFundPages.retireeCredits';

/**
 * The retirees' monthly credit to their medical personal accounts (docs/RULES.md 16.4), this month unless
 * the officer picks an earlier one: how many were credited and how much, and how many were left out because
 * their medical years fall short. A re-run credits only whoever was missed.
 */
export function RetireeCreditsForm({ regionCode }: { regionCode: string }) {
  const { t, i18n } = useTranslation();
  const thisMonth = currentPeriod();
  const [period, setPeriod] = useState(thisMonth);
  const credit = useMutation({ mutationFn: (month: string) => creditRetirees(regionCode, month) });
  const month = (value: string) => formatPeriod(value, i18n.language);
  const run = credit.data;
  return (
    <div className="medical-retiree-credits">
      <Typography.Paragraph type="secondary">{t(`${R}.intro`)}</Typography.Paragraph>
      <div className="medical-toolbar">
        <div className="medical-toolbar-field">
          <label htmlFor="retiree-credits-month">{t(`${R}.month`)}</label>
          <MonthField
            id="retiree-credits-month"
            value={period}
            max={thisMonth}
            allowClear={false}
            onChange={(value) => value && setPeriod(value)}
          />
        </div>
        <Button
          type="primary"
          loading={credit.isPending}
          disabled={!period}
          onClick={() => credit.mutate(period)}
        >
          {t(`${R}.submit`)}
        </Button>
      </div>
      <div aria-live="polite">
        {credit.isError && (
          <ProblemAlert
            error={credit.error}
            describe={describeRefusal(t(`${R}.refused`), {
              'period-in-future': t(`${R}.notBegun`, { month: month(credit.variables ?? period) }),
            })}
          />
        )}
        {run && (
          <div className="medical-retiree-credit-run" role="status" data-period={run.period}>
            <Typography.Title level={3} className="medical-subtitle">
              {t(`${R}.resultTitle`, { month: month(run.period) })}
            </Typography.Title>
            <Descriptions size="small" bordered column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={t(`${R}.credited`)}>
                <span data-credited={run.credited}>{t(`${R}.creditedValue`, { count: run.credited })}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t(`${R}.amount`)}>
                <Money fen={run.amountFen} name="amountFen" />
              </Descriptions.Item>
              <Descriptions.Item label={t(`${R}.short`)}>
                <span data-short={run.short}>{t(`${R}.shortValue`, { count: run.short })}</span>
              </Descriptions.Item>
            </Descriptions>
            {run.credited === 0 && (
              <Alert className="medical-outcome" type="info" showIcon title={t(`${R}.nothingNew`)} />
            )}
          </div>
        )}
      </div>
    </div>
  );
}
