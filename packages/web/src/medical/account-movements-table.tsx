import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../shell/format.ts';
import type { AccountMovement } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/**
 * Every entry of the medical personal account, newest first: credits (the person's contributions, the
 * retiree's monthly credit, interest), spending at an institution on a visit, and refunds of cancelled
 * claims. Spending is negative, so the balance is the plain sum (docs/RULES.md 16.4).
 */
export function AccountMovementsTable({ movements }: { movements: AccountMovement[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<AccountMovement>
      className="medical-movements"
      size="small"
      rowKey={(_movement, index) => String(index)}
      dataSource={movements}
      pagination={{ pageSize: 12, hideOnSinglePage: true, showSizeChanger: false }}
      scroll={{ x: 620 }}
      locale={{ emptyText: t('medicalPages.account.noMovements') }}
      onRow={(movement) => ({ 'data-kind': movement.kind }) as object}
      columns={[
        {
          title: t('medicalPages.movements.period'),
          dataIndex: 'period',
          render: (period: string) => formatPeriod(period, i18n.language),
        },
        {
          title: t('medicalPages.movements.kind'),
          dataIndex: 'kind',
          render: (kind: AccountMovement['kind']) => t(`medicalPages.movementKinds.${kind}`),
        },
        {
          title: t('medicalPages.movements.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => <Money fen={fen} name="amountFen" />,
        },
        {
          title: t('medicalPages.movements.detail'),
          key: 'detail',
          render: (_value, movement) =>
            movement.institutionName
              ? t('medicalPages.movements.visit', {
                  institution: movement.institutionName,
                  date: movement.visitDate ?? '',
                })
              : '—',
        },
      ]}
    />
  );
}
