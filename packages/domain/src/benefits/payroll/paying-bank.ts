/**
 * The banks the agency pays benefits through, and which one an account belongs to (docs/RULES.md 14.16).
 * A debit card number starts with its issuer's identification number (IIN, ISO/IEC 7812); the agency
 * sends one payment file to each bank for the accounts it holds, and the accounts of banks it has no
 * agreement with to its clearing bank (`OTHER`). The prefixes are the common debit-card IINs of the
 * national banks; an agency adds its local banks here.
 */
export const PAYING_BANKS = [
  { code: 'ICBC', iins: ['622202', '622208', '621226', '621225', '622200', '621558', '621559'] },
  { code: 'ABC', iins: ['622848', '622845', '622846', '621282', '621336', '103'] },
  { code: 'BOC', iins: ['621661', '621660', '621663', '456351', '601382', '621785', '621786'] },
  { code: 'CCB', iins: ['621700', '622700', '436742', '621284', '621081'] },
  { code: 'BOCOM', iins: ['622262', '622260', '622261', '621069'] },
  { code: 'PSBC', iins: ['621799', '622188', '621098', '622150', '622151'] },
  { code: 'CMB', iins: ['621483', '622588', '621286', '622580'] },
] as const;

export type PayingBankCode = (typeof PAYING_BANKS)[number]['code'] | 'OTHER';

export const PAYING_BANK_CODES: readonly PayingBankCode[] = [
  ...PAYING_BANKS.map((bank) => bank.code),
  'OTHER',
];

/** The bank whose IIN the account starts with (the longest match), or the clearing bank. */
export function payingBankOf(account: string): PayingBankCode {
  let found: PayingBankCode = 'OTHER';
  let length = 0;
  for (const bank of PAYING_BANKS)
    for (const iin of bank.iins)
      if (iin.length > length && account.startsWith(iin)) {
        found = bank.code;
        length = iin.length;
      }
  return found;
}
