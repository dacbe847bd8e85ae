/**
 * The first two digits of every address code a resident ID can carry (docs/RULES.md 11.2): the 31 mainland
 * provinces, 71 Taiwan, 81 Hong Kong, 82 Macao, plus 83, which GB/T 2260 does not define but the
 * residence permits for Taiwan residents use (830000) — the same numbers serve as their social security
 * numbers, so refusing 83 would lock those insured persons out.
 * County codes are deliberately not checked: an ID keeps the code of its first registration, which may
 * have been abolished since.
 */
export const RESIDENT_ID_PROVINCE_PREFIXES: ReadonlySet<string> = new Set([
  ...['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41'],
  ...['42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65'],
  ...['71', '81', '82', '83'],
]);
