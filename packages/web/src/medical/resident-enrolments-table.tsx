import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { formulaSteps, stepText } from './explanation-text.ts';
import type { ResidentEnrolment } from './medical-api.ts';
import { Money } from './money-cell.tsx';

/**
 * A resident's yearly enrolments in the residents' scheme: the premium, the years of gap before it and
 * those paid for, and the first day the fund pays, when the waiting period ends (docs/RULES.md 16.5).
 */
export function ResidentEnrolmentsTable({ enrolments }: { enrolments: ResidentEnrolment[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table<ResidentEnrolment>
      className="medical-enrolments"
      size="small"
      rowKey="year"
      dataSource={enrolments}
      pagination={false}
      scroll={{ x: 720 }}
      columns={[
        { title: t('medicalPages.enrolments.year'), dataIndex: 'year' },
        { title: t('medicalPages.enrolments.paidOn'), dataIndex: 'paidOn' },
        {
          title: t('medicalPages.enrolments.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (fen: number) => <Money fen={fen} name="amountFen" />,
        },
        { title: t('medicalPages.enrolments.gapYears'), dataIndex: 'gapYears', align: 'right' },
        { title: t('medicalPages.enrolments.repairedYears'), dataIndex: 'repairedYears', align: 'right' },
        {
          title: t('medicalPages.enrolments.coveredFrom'),
          dataIndex: 'coveredFrom',
          render: (day: string) => <strong data-covered-from={day}>{day}</strong>,
        },
        {
          title: t('medicalPages.enrolments.how'),
          key: 'how',
          render: (_value, enrolment) =>
            formulaSteps(enrolment.explanation.formula)
              .map((step) => stepText(step, i18n.language))
              .join(i18n.language.startsWith('zh') ? '；' : '; '),
        },
      ]}
    />
  );
}
