import { useTranslation } from 'react-i18next';
import type { UnmatchedRow } from './money-api.ts';

const COLUMNS = ['bank_reference', 'payer_code', 'payer_name', 'amount', 'paid_on', 'payer'] as const;
type Column = (typeof COLUMNS)[number];

export type RowReason = NonNullable<UnmatchedRow['reasons']>[number];

/** The statement column each reason code is about (none for a line that could not be read at all). */
function columnOf(code: RowReason['code']): Column | null {
  if (code === 'not-csv' || code === 'field-count') return null;
  if (code.startsWith('amount-')) return 'amount';
  if (code.startsWith('paid-on-')) return 'paid_on';
  if (code.startsWith('reference-') || code.startsWith('already-')) return 'bank_reference';
  return 'payer_code';
}

interface Part {
  label: string | null;
  text: string;
  /** The server's English words, shown as they are when the row has no reason codes. */
  english: boolean;
}

/**
 * Why a statement line was not booked: each of the server's reason codes in the reader's language after
 * the column it is about. A row stored before reasons had codes shows the server's English sentence, its
 * column translated, so nothing it said is lost.
 */
export function StatementReason({
  reason,
  reasons,
}: {
  reason: string | undefined | null;
  reasons?: readonly RowReason[] | undefined;
}) {
  const { t, i18n } = useTranslation();
  const colon = i18n.language.startsWith('zh') ? '：' : ': ';
  const tr = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const label = (column: Column | null) => (column ? tr(`staffMoneyPages.bank.columns.${column}`) : null);

  let parts: Part[];
  if (reasons?.length) {
    parts = reasons.map(({ code, params }) => {
      const values: Record<string, unknown> = { ...params };
      if (code === 'not-csv')
        values.problem = tr(`staffMoneyPages.bank.rowReasons.csvProblems.${String(params.kind ?? 'other')}`);
      const key =
        code === 'not-in-importer-regions' && params.creditCode === undefined
          ? 'not-in-importer-regions-person'
          : code;
      return {
        label: label(columnOf(code)),
        text: tr(`staffMoneyPages.bank.rowReasons.${key}`, values),
        english: false,
      };
    });
  } else if (reason) {
    parts = reason.split('; ').map((part) => {
      const match = /^(\w+): (.*)$/.exec(part);
      const column = match?.[1] as Column | undefined;
      if (!match || !column || !COLUMNS.includes(column)) return { label: null, text: part, english: true };
      return { label: label(column), text: match[2]!, english: true };
    });
  } else return <>—</>;

  return (
    <ul className="money-reasons">
      {parts.map((part, index) => (
        <li key={index}>
          {part.label && (
            <strong>
              {part.label}
              {colon}
            </strong>
          )}
          {part.english ? <span lang="en">{part.text}</span> : <span>{part.text}</span>}
        </li>
      ))}
    </ul>
  );
}
