import { formatPpmAsPercent } from '@shebao/domain';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClaimItem } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/** A claim's items as the institution sent them: catalogue code, name, class, quantity, amount, own share. */
export function ClaimItemsTable({ items }: { items: ClaimItem[] }) {
  const { t } = useTranslation();
  return (
    <Table<ClaimItem>
      className="medical-items"
      size="small"
      rowKey={(_item, index) => String(index)}
      pagination={false}
      scroll={{ x: 640 }}
      dataSource={items}
      columns={[
        {
          title: t('medicalPages.items.code'),
          dataIndex: 'code',
          render: (code: string) => <code>{code}</code>,
        },
        { title: t('medicalPages.items.name'), dataIndex: 'name' },
        {
          title: t('medicalPages.items.class'),
          dataIndex: 'itemClass',
          render: (itemClass: ClaimItem['itemClass']) => t(`medicalPages.itemClasses.${itemClass}`),
        },
        { title: t('medicalPages.items.quantity'), dataIndex: 'quantity', align: 'right' },
        {
          title: t('medicalPages.items.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => <Money fen={fen} />,
        },
        {
          title: t('medicalPages.items.selfPayShare'),
          dataIndex: 'selfPaySharePpm',
          align: 'right',
          render: (ppm: number, item) => (item.itemClass === 'part' ? formatPpmAsPercent(ppm) : '—'),
        },
      ]}
    />
  );
}
