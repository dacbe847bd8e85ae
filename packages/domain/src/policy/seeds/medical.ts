import type { PolicyParameter } from '../parameter.ts';
import { seed } from './seed-row.ts';

/*
 * The medical benefit rules of the regions Shebao ships (docs/RULES.md 16.2). Nanchang 2025 is the published
 * example (洪医保发〔2025〕27号); the figures it does not give are marked [U], defaults to verify. Beijing
 * (the demo's region), Shanghai and Guangdong have defaults to verify throughout, in the shape of the
 * GF-1998-44 guide.
 */

const yuan = (amount: number) => amount * 100;
const percent = (value: number) => value * 10_000;
const byLevel = (one: number, two: number, three: number) => ({ '1': one, '2': two, '3': three });
const sameLevels = (value: number) => byLevel(value, value, value);

/** The Nanchang employees' rule for one person type; retirees get 5 points more on outpatient care. */
function nanchangEmployees(retired: boolean) {
  const outpatientBonus = retired ? percent(5) : 0;
  return {
    annualCapFen: yuan(300_000),
    lines: {
      inpatient: {
        deductibleFen: byLevel(yuan(200), yuan(500), yuan(800)),
        ratioPpm: byLevel(percent(95), percent(90), percent(85)),
        capFen: null,
      },
      outpatient: {
        deductibleFen: sameLevels(yuan(300)),
        ratioPpm: byLevel(
          percent(65) + outpatientBonus,
          percent(60) + outpatientBonus,
          percent(55) + outpatientBonus,
        ),
        capFen: retired ? yuan(3_000) : yuan(2_000),
      },
      chronic: {
        deductibleFen: sameLevels(0),
        ratioPpm: byLevel(percent(95), percent(90), percent(85)),
        capFen: null,
      },
    },
  };
}

function residents(annualCapYuan: number, outpatientCapYuan: number) {
  return {
    resident: {
      annualCapFen: yuan(annualCapYuan),
      lines: {
        inpatient: {
          deductibleFen: byLevel(yuan(200), yuan(500), yuan(800)),
          ratioPpm: byLevel(percent(80), percent(70), percent(60)),
          capFen: null,
        },
        outpatient: {
          deductibleFen: sameLevels(0),
          ratioPpm: sameLevels(percent(50)),
          capFen: yuan(outpatientCapYuan),
        },
        chronic: {
          deductibleFen: sameLevels(0),
          ratioPpm: byLevel(percent(80), percent(70), percent(60)),
          capFen: null,
        },
      },
    },
  };
}

/** Employees' terms in the shape of GF-1998-44: a region's own figures go in, defaults to verify. */
function guideEmployees(retired: boolean, annualCapYuan: number) {
  return {
    annualCapFen: yuan(annualCapYuan),
    lines: {
      inpatient: {
        deductibleFen: sameLevels(yuan(1_300)),
        ratioPpm: retired
          ? byLevel(percent(97), percent(95), percent(94))
          : byLevel(percent(90), percent(87), percent(85)),
        capFen: null,
      },
      outpatient: {
        deductibleFen: sameLevels(retired ? yuan(1_300) : yuan(1_800)),
        ratioPpm: retired
          ? byLevel(percent(90), percent(85), percent(85))
          : byLevel(percent(90), percent(70), percent(70)),
        capFen: yuan(20_000),
      },
      chronic: {
        deductibleFen: sameLevels(0),
        ratioPpm: retired ? sameLevels(percent(90)) : sameLevels(percent(85)),
        capFen: null,
      },
    },
  };
}

const NANCHANG = '360100';
const BEIJING = '110000';
const SHANGHAI = '310000';
const GUANGDONG = '440000';
const GUIDE_SOURCE = (region: string) =>
  `${region}职工医保: deductibles, ratios and caps in the shape of GF-1998-44 and GBF-2021-14; figures are defaults to verify [U]`;
const RESIDENTS_SOURCE = (region: string) =>
  `${region}城乡居民医保: in the shape of GF-2016-3; figures are defaults to verify [U]`;

/** A region's two schemes at once, both defaults to verify in the guide's shape. */
function guideRegion(regionCode: string, name: string, employeesCapYuan: number, residentsCapYuan: number) {
  return [
    seed(
      'medical.employeeBenefits',
      regionCode,
      '2025-01',
      {
        personTypes: {
          'in-service': guideEmployees(false, employeesCapYuan),
          retired: guideEmployees(true, employeesCapYuan),
        },
        pharmacy: { line: 'outpatient', level: 1 },
        rounding: 'half-up-fen',
      },
      GUIDE_SOURCE(name),
    ),
    seed(
      'medical.residentBenefits',
      regionCode,
      '2025-01',
      {
        personTypes: residents(residentsCapYuan, 3_000),
        pharmacy: { line: 'outpatient', level: 1 },
        rounding: 'half-up-fen',
      },
      RESIDENTS_SOURCE(name),
    ),
  ];
}
const NANCHANG_SOURCE =
  '洪医保发〔2025〕27号: inpatient deductible 200/500/800 yuan and 95/90/85% by level; outpatient pooling deductible 300 yuan a year, 65/60/55%, retirees +5 points, outpatient cap 2,000 (in service) / 3,000 (retired); the annual cap and the chronic-disease line are defaults to verify [U]';

export const MEDICAL_PARAMETERS: readonly PolicyParameter[] = [
  seed(
    'medical.employeeBenefits',
    NANCHANG,
    '2025-01',
    {
      personTypes: { 'in-service': nanchangEmployees(false), retired: nanchangEmployees(true) },
      pharmacy: { line: 'outpatient', level: 1 },
      rounding: 'half-up-fen',
    },
    NANCHANG_SOURCE,
  ),
  seed(
    'medical.residentBenefits',
    NANCHANG,
    '2025-01',
    {
      personTypes: residents(150_000, 300),
      pharmacy: { line: 'outpatient', level: 1 },
      rounding: 'half-up-fen',
    },
    '南昌城乡居民医保: inpatient about 70% within the policy range (GF-2016-3); the deductibles, ratios by level and caps are defaults to verify [U]',
  ),
  ...guideRegion(BEIJING, '北京', 500_000, 250_000),
  ...guideRegion(SHANGHAI, '上海', 600_000, 300_000),
  ...guideRegion(GUANGDONG, '广东', 400_000, 200_000),
  seed(
    'medical.retireeAccountCredit',
    NANCHANG,
    '2025-01',
    yuan(60),
    'GBF-2021-14: a fixed monthly credit of about 2% of the average basic pension; the amount is a default to verify [U]',
  ),
  seed(
    'medical.retireeAccountCredit',
    BEIJING,
    '2025-01',
    yuan(100),
    'GBF-2021-14: a fixed monthly credit of about 2% of the average basic pension; the amount is a default to verify [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    BEIJING,
    '2025-01',
    { maleMonths: 25 * 12, femaleMonths: 20 * 12 },
    'SIL Art. 27; Beijing men 25 years, women 20 [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    NANCHANG,
    '2025-01',
    { maleMonths: 25 * 12, femaleMonths: 20 * 12 },
    'SIL Art. 27; the Nanchang minimum is a default to verify [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    '310000',
    '2025-01',
    { maleMonths: 15 * 12, femaleMonths: 15 * 12 },
    'SIL Art. 27; Shanghai more than 15 years, not split by sex [R]',
  ),
  seed(
    'medical.accountForRelatives',
    NANCHANG,
    '2025-01',
    1,
    'GBF-2021-14: close relatives may use the account',
  ),
  seed(
    'medical.accountForRelatives',
    BEIJING,
    '2025-01',
    1,
    'GBF-2021-14: close relatives may use the account',
  ),
  seed(
    'medical.supervision',
    '000000',
    '2021-05',
    { readmissionDays: 15, normMultiplePpm: 3_000_000 },
    'MFR Art. 38: split hospitalisation and over-standard charges; a readmission within 15 days and costs above 3 times the institution’s norm are flagged for review (defaults to verify [U])',
  ),
];
