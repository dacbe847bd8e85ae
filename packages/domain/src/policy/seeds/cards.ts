import type { PolicyParameter } from '../parameter.ts';
import { NATIONAL_REGION } from '../dimensions.ts';
import { seed } from './seed-row.ts';

/**
 * The social security card's parameters (docs/RULES.md 18.1, 18.4-18.6). Fees and days are set locally;
 * the national rows are realistic defaults taken from regional practice, to be checked against each
 * region's own notice before production [R/U].
 */
export const CARD_PARAMETERS: readonly PolicyParameter[] = [
  seed(
    'cards.replacementFee',
    NATIONAL_REGION,
    '2011-01',
    { lostFen: 2000, damagedFen: 2000, upgradeFen: 0, exemptions: ['subsistence-allowance', 'disability'] },
    'Cost fee of a replacement card set locally: 20 yuan as in Shantou [R]; first issue and the 2nd to 3rd generation change free [R]; default to verify',
  ),
  seed(
    'cards.replacementFee',
    '440000',
    '2025-07',
    { lostFen: 1000, damagedFen: 1000, upgradeFen: 0, exemptions: ['subsistence-allowance', 'disability'] },
    'Replacement fee reduced to 10 yuan from 2025-07-01 with exemptions for subsistence-allowance recipients and disabled persons, as reported for some provinces [U]; default to verify',
  ),
  seed(
    'cards.temporaryLossDays',
    NATIONAL_REGION,
    '2011-01',
    5,
    'Temporary loss report by 12333, the app or a bank branch, valid a few days (5 in common regional practice) [R]; default to verify',
  ),
  seed(
    'cards.productionClock',
    NATIONAL_REGION,
    '2011-01',
    {
      days: 15,
      unit: 'working-days',
      source:
        'Card ready within 15 working days of the application, a common regional service commitment [R]',
    },
    'Regional service commitments (e.g. "within 15 working days") [R]; default to verify',
  ),
  seed(
    'cards.numbering',
    NATIONAL_REGION,
    '2011-01',
    { letter: 'A' },
    'Card numbers are issued locally, one letter and eight digits [U: format not confirmed from the card specification]; the letter is the region’s to set',
  ),
];
