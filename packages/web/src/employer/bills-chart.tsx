import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPeriod, formatYuan } from '../shell/format.ts';
import { StackedBarChart } from '../components/stacked-bar-chart.tsx';
import type { Bill } from './employer-api.ts';

/** Fen in whole yuan for the axis; the tooltip keeps the fen. */
const axisYuan = (valueFen: number) => formatYuan(valueFen).replace(/\.\d\d$/, '');

/**
 * The employer's contributions per month: what was paid and what is still owed, summed over the month's
 * bills (regular, settlement and adjustment; late fees are not contributions). Loaded with its page's
 * chunk only when there are bills.
 */
export default function BillsChart({ bills }: { bills: readonly Bill[] }) {
  const { t, i18n } = useTranslation();
  const months = useMemo(() => {
    const byPeriod = new Map<string, { paidFen: number; owedFen: number }>();
    for (const bill of bills) {
      if (bill.kind === 'late_fee') continue;
      const month = byPeriod.get(bill.period) ?? { paidFen: 0, owedFen: 0 };
      month.paidFen += Math.min(bill.paidFen, bill.totalFen);
      month.owedFen += Math.max(0, bill.totalFen - bill.paidFen);
      byPeriod.set(bill.period, month);
    }
    return [...byPeriod.entries()].sort(([a], [b]) => a.localeCompare(b));
  }, [bills]);
  const categories = useMemo(
    () => months.map(([period]) => formatPeriod(period, i18n.language)),
    [months, i18n.language],
  );
  const series = useMemo(
    () => [
      {
        name: t('employerPages.bills.paid'),
        values: months.map(([, month]) => month.paidFen),
        stack: 'total',
        colour: '#2f7d4f',
      },
      {
        name: t('employerPages.bills.owed'),
        values: months.map(([, month]) => month.owedFen),
        stack: 'total',
        colour: '#c2410c',
      },
    ],
    [months, t],
  );
  return (
    <StackedBarChart
      label={t('employerPages.bills.chartLabel')}
      categories={categories}
      series={series}
      format={axisYuan}
    />
  );
}
