import { useTranslation } from 'react-i18next';

const COLUMNS = ['bank_reference', 'payer_code', 'payer_name', 'amount', 'paid_on', 'payer'] as const;

/**
 * Why a statement line was not booked. The server names the column first ("amount: ..."): the column is
 * shown in the reader's language, the server's own wording after it, so nothing it said is lost.
 */
export function StatementReason({ reason }: { reason: string | undefined | null }) {
  const { t, i18n } = useTranslation();
  const colon = i18n.language.startsWith('zh') ? '：' : ': ';
  if (!reason) return <>—</>;
  const parts = reason.split('; ').map((part) => {
    const match = /^(\w+): (.*)$/.exec(part);
    const column = match?.[1] as (typeof COLUMNS)[number] | undefined;
    if (!match || !column || !COLUMNS.includes(column)) return { label: null, text: part };
    return { label: t(`staffMoneyPages.bank.columns.${column}`), text: match[2] };
  });
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
          <span lang="en">{part.text}</span>
        </li>
      ))}
    </ul>
  );
}
