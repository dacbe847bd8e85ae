import { formatYuan } from '../shell/format.ts';

/**
 * An amount of integer fen shown as yuan, carrying the fen it shows and what it is (`data-amount`, the
 * reply's field name), so a reader's tools and the browser tests read the exact amount, not the text.
 */
export function Money({ fen, name }: { fen: number; name?: string }) {
  return (
    <span className="medical-money" data-amount={name} data-amount-fen={fen}>
      {formatYuan(fen)}
    </span>
  );
}
