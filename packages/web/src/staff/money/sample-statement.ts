import { formatFenAsYuan, makeCreditCode } from '@shebao/domain';

/** The columns the server reads (packages/server bank-statements parse-statement.ts), in its order. */
export const STATEMENT_HEADER = 'bank_reference,payer_code,payer_name,amount,paid_on';

export interface SamplePayer {
  code: string;
  name: string;
  amountFen: number;
}

/**
 * A statement a newcomer can import to see what happens: a transfer from a payer of the region (booked
 * against its oldest open bill) and one from a company the agency does not know (it waits for review).
 * The references carry `nonce`, so each downloaded sample is a new file, not a repeat of the last one.
 */
export function buildSampleStatement(input: {
  payer: SamplePayer | null;
  regionCode: string;
  paidOn: string;
  nonce: string;
}): string {
  const unknownCompany = makeCreditCode(input.regionCode, 99_000_000 + (hash(input.nonce) % 999_999));
  const lines = [STATEMENT_HEADER];
  if (input.payer)
    lines.push(
      csvLine([
        `SAMPLE-${input.nonce}-1`,
        input.payer.code,
        input.payer.name,
        formatFenAsYuan(input.payer.amountFen),
        input.paidOn,
      ]),
    );
  lines.push(csvLine([`SAMPLE-${input.nonce}-2`, unknownCompany, '未登记的公司', '1200.00', input.paidOn]));
  return `${lines.join('\r\n')}\r\n`;
}

/** One CSV line; a field holding a comma, quote or line break is quoted (RFC 4180). */
export function csvLine(fields: readonly string[]): string {
  return fields
    .map((field) => (/[",\r\n]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field))
    .join(',');
}

function hash(text: string): number {
  let value = 0;
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) >>> 0;
  return value;
}
