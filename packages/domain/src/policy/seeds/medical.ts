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
  `${region}职工基本医疗保险：起付线、支付比例和最高支付限额按国发〔1998〕44号、国办发〔2021〕14号的框架设置，具体数额为待核实的默认值 [U]`;
const RESIDENTS_SOURCE = (region: string) =>
  `${region}城乡居民基本医疗保险：按国发〔2016〕3号的框架设置，具体数额为待核实的默认值 [U]`;

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
  '洪医保发〔2025〕27号：住院起付线一、二、三级医院200/500/800元，支付比例95%/90%/85%；门诊统筹年度起付线300元，支付比例65%/60%/55%，退休人员提高5个百分点，门诊年度限额在职2000元、退休3000元；年度最高支付限额和门诊慢特病待遇为待核实的默认值 [U]';

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
    '南昌城乡居民医保：政策范围内住院费用支付比例70%左右（国发〔2016〕3号）；分级起付线、支付比例和限额为待核实的默认值 [U]',
  ),
  ...guideRegion(BEIJING, '北京', 500_000, 250_000),
  ...guideRegion(SHANGHAI, '上海', 600_000, 300_000),
  ...guideRegion(GUANGDONG, '广东', 400_000, 200_000),
  seed(
    'medical.retireeAccountCredit',
    NANCHANG,
    '2025-01',
    yuan(60),
    '国办发〔2021〕14号：退休人员个人账户由统筹基金按定额划入，额度约为当地基本养老金平均水平的2%；金额为待核实的默认值 [U]',
  ),
  seed(
    'medical.retireeAccountCredit',
    BEIJING,
    '2025-01',
    yuan(100),
    '国办发〔2021〕14号：退休人员个人账户由统筹基金按定额划入，额度约为当地基本养老金平均水平的2%；金额为待核实的默认值 [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    BEIJING,
    '2025-01',
    { maleMonths: 25 * 12, femaleMonths: 20 * 12 },
    '社会保险法第二十七条；北京男25年、女20年 [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    NANCHANG,
    '2025-01',
    { maleMonths: 25 * 12, femaleMonths: 20 * 12 },
    '社会保险法第二十七条；南昌最低缴费年限为待核实的默认值 [U]',
  ),
  seed(
    'medical.retireeMinimumYears',
    '310000',
    '2025-01',
    { maleMonths: 15 * 12, femaleMonths: 15 * 12 },
    '社会保险法第二十七条；上海满15年，不分性别 [R]',
  ),
  seed(
    'medical.accountForRelatives',
    NANCHANG,
    '2025-01',
    1,
    '国办发〔2021〕14号：个人账户可用于支付配偶、父母、子女的医疗费用',
  ),
  seed(
    'medical.accountForRelatives',
    BEIJING,
    '2025-01',
    1,
    '国办发〔2021〕14号：个人账户可用于支付配偶、父母、子女的医疗费用',
  ),
  seed(
    'medical.supervision',
    '000000',
    '2021-05',
    { readmissionDays: 15, normMultiplePpm: 3_000_000 },
    '医疗保障基金使用监督管理条例第三十八条：分解住院、超标准收费等；出院后15日内再入院、费用超过本机构同类均值3倍的结算提示复核（阈值为待核实的默认值 [U]）',
  ),
];
