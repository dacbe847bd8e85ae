import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RegionPayment } from './money-api.ts';

/**
 * A payer as the money lists show it: name, kind and code (identity numbers arrive masked). An employer
 * links to its arrears and bills; a flexible worker's record is not opened from a money list.
 */
export function PayerCell({ payer }: { payer: RegionPayment['payer'] }) {
  const { t } = useTranslation();
  const name =
    payer.kind === 'employer' && payer.employerId !== null ? (
      <Link
        to={`/staff/arrears/employers/${payer.employerId}?${new URLSearchParams({ name: payer.name, code: payer.code })}`}
      >
        {payer.name}
      </Link>
    ) : (
      payer.name
    );
  return (
    <div className="money-payer">
      <div>{name}</div>
      <div className="money-payer-code">
        {t(`staffMoneyPages.common.kinds.${payer.kind}`)} · <span translate="no">{payer.code}</span>
      </div>
    </div>
  );
}
