import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PolicyBook } from '../policy/index.ts';
import { SEED_PARAMETERS } from '../policy/seeds/index.ts';
import { medicalBenefitRuleOf, parseMedicalBenefitRule } from './medical-rules.ts';
import { emptyYearToDate, settleClaim, sumLines, type ClaimSettlementInput } from './settle-claim.ts';

const book = new PolicyBook(SEED_PARAMETERS);
const nanchang = medicalBenefitRuleOf(book, 'employee', { regionCode: '360100', period: '2025-06' });
const residents = medicalBenefitRuleOf(book, 'resident', { regionCode: '360100', period: '2025-06' });
const yuan = (amount: number) => Math.round(amount * 100);

function claim(overrides: Partial<ClaimSettlementInput>): ClaimSettlementInput {
  return {
    kind: 'inpatient',
    institutionLevel: 3,
    personType: 'in-service',
    items: [{ itemClass: 'full', amountFen: yuan(10_000) }],
    yearToDate: emptyYearToDate(),
    account: { use: false, balanceFen: 0 },
    rule: nanchang,
    ...overrides,
  };
}

describe('settling a claim (Nanchang 2025)', () => {
  it('takes the inpatient deductible of a level-3 hospital, then 85%', () => {
    const result = settleClaim(claim({}));
    expect(result.deductibleFen).toBe(yuan(800));
    expect(result.pooledFen).toBe(yuan(7_820));
    expect(result.coinsuranceFen).toBe(yuan(1_380));
    expect(result.personOwesFen).toBe(yuan(2_180));
    expect(result.cashFen).toBe(yuan(2_180));
    expect(result.yearAfter.deductibleUsedFen.inpatient).toBe(yuan(800));
    expect(result.yearAfter.pooledFen.inpatient).toBe(yuan(7_820));
    expect(result.explanation.sources).toContain('SIL Art. 28');
    expect(result.explanation.formula).toContain('7820.00');
  });

  it('keeps uncovered items and the own share of part-covered items out of the policy range', () => {
    const result = settleClaim(
      claim({
        institutionLevel: 1,
        items: [
          { itemClass: 'full', amountFen: yuan(1_000) },
          { itemClass: 'part', amountFen: yuan(1_000), selfPaySharePpm: 100_000 },
          { itemClass: 'none', amountFen: yuan(500) },
        ],
      }),
    );
    expect(result.totalFen).toBe(yuan(2_500));
    expect(result.notCoveredFen).toBe(yuan(500));
    expect(result.partSelfPayFen).toBe(yuan(100));
    expect(result.policyRangeFen).toBe(yuan(1_900));
    // 1,900 - 200 deductible = 1,700 × 95% = 1,615.
    expect(result.pooledFen).toBe(yuan(1_615));
    expect(result.pooledFen + result.accountFen + result.cashFen).toBe(result.totalFen);
  });

  it('charges only the rest of a higher level’s deductible after a stay at a lower level', () => {
    const yearToDate = emptyYearToDate();
    yearToDate.deductibleUsedFen.inpatient = yuan(200);
    const result = settleClaim(claim({ yearToDate }));
    expect(result.deductibleFen).toBe(yuan(600));
  });

  it('gives retirees five points more on outpatient care and their own outpatient cap', () => {
    const yearToDate = emptyYearToDate();
    yearToDate.deductibleUsedFen.outpatient = yuan(300);
    const working = settleClaim(
      claim({
        kind: 'outpatient',
        institutionLevel: 1,
        items: [{ itemClass: 'full', amountFen: yuan(1_000) }],
        yearToDate,
      }),
    );
    const retired = settleClaim(
      claim({
        kind: 'outpatient',
        institutionLevel: 1,
        personType: 'retired',
        items: [{ itemClass: 'full', amountFen: yuan(1_000) }],
        yearToDate,
      }),
    );
    expect(working.pooledFen).toBe(yuan(650));
    expect(retired.pooledFen).toBe(yuan(700));
    expect(working.lineCapLeftFen).toBe(yuan(1_350));
    expect(retired.lineCapLeftFen).toBe(yuan(2_300));
  });

  it('crosses the outpatient cap within one claim and leaves the rest to the person', () => {
    const yearToDate = emptyYearToDate();
    yearToDate.deductibleUsedFen.outpatient = yuan(300);
    yearToDate.pooledFen.outpatient = yuan(1_900);
    const result = settleClaim(
      claim({
        kind: 'outpatient',
        institutionLevel: 1,
        items: [{ itemClass: 'full', amountFen: yuan(1_000) }],
        yearToDate,
      }),
    );
    expect(result.pooledFen).toBe(yuan(100));
    expect(result.overCapFen).toBe(yuan(550));
    expect(result.lineCapLeftFen).toBe(0);
    expect(result.yearAfter.pooledFen.outpatient).toBe(yuan(2_000));
  });

  it('crosses the annual cap of the pooling fund within one claim', () => {
    const yearToDate = emptyYearToDate();
    yearToDate.deductibleUsedFen.inpatient = yuan(800);
    yearToDate.pooledFen.inpatient = yuan(299_000);
    const result = settleClaim(claim({ items: [{ itemClass: 'full', amountFen: yuan(5_000) }], yearToDate }));
    expect(result.pooledFen).toBe(yuan(1_000));
    expect(result.overCapFen).toBe(yuan(4_250 - 1_000));
    expect(result.annualCapLeftFen).toBe(0);
  });

  it('pays the person’s share from the account up to its balance, the rest in cash', () => {
    const result = settleClaim(claim({ account: { use: true, balanceFen: yuan(1_000) } }));
    expect(result.accountFen).toBe(yuan(1_000));
    expect(result.cashFen).toBe(yuan(1_180));
    const rich = settleClaim(claim({ account: { use: true, balanceFen: yuan(5_000) } }));
    expect(rich.accountFen).toBe(yuan(2_180));
    expect(rich.cashFen).toBe(0);
  });

  it('pools pharmacy purchases under the outpatient line at level-1 terms', () => {
    const result = settleClaim(
      claim({
        kind: 'pharmacy',
        institutionLevel: null,
        items: [{ itemClass: 'full', amountFen: yuan(400) }],
      }),
    );
    expect(result.line).toBe('outpatient');
    expect(result.deductibleFen).toBe(yuan(300));
    expect(result.pooledFen).toBe(yuan(65));
  });

  it('settles residents under the residents’ rule', () => {
    const result = settleClaim(claim({ personType: 'resident', rule: residents, institutionLevel: 2 }));
    // 10,000 - 500 = 9,500 × 70% = 6,650.
    expect(result.pooledFen).toBe(yuan(6_650));
  });

  it('refuses what it cannot settle, naming the field', () => {
    expect(() => settleClaim(claim({ items: [] }))).toThrow(/items/);
    expect(() => settleClaim(claim({ items: [{ itemClass: 'full', amountFen: -1 }] }))).toThrow(
      /items\[0\]\.amountFen/,
    );
    expect(() => settleClaim(claim({ personType: 'resident' }))).toThrow(/personType/);
    expect(() => parseMedicalBenefitRule({ personTypes: { x: {} } }, 'medical.employeeBenefits')).toThrow(
      /medical.employeeBenefits: personTypes.x/,
    );
  });

  it('adds up and never pays past a cap, whatever the claims of a year', () => {
    const item = fc.record({
      itemClass: fc.constantFrom('full' as const, 'part' as const, 'none' as const),
      amountFen: fc.integer({ min: 0, max: 5_000_000 }),
      selfPaySharePpm: fc.integer({ min: 0, max: 1_000_000 }),
    });
    const visit = fc.record({
      kind: fc.constantFrom(
        'outpatient' as const,
        'inpatient' as const,
        'pharmacy' as const,
        'chronic' as const,
      ),
      level: fc.constantFrom(1 as const, 2 as const, 3 as const),
      items: fc.array(item, { minLength: 1, maxLength: 5 }),
      use: fc.boolean(),
      balanceFen: fc.integer({ min: 0, max: 1_000_000 }),
    });
    fc.assert(
      fc.property(fc.array(visit, { minLength: 1, maxLength: 30 }), fc.boolean(), (visits, retired) => {
        let year = emptyYearToDate();
        const personType = retired ? 'retired' : 'in-service';
        const typeRule = nanchang.rule.personTypes[personType]!;
        for (const v of visits) {
          const result = settleClaim(
            claim({
              kind: v.kind,
              institutionLevel: v.kind === 'pharmacy' ? null : v.level,
              personType,
              items: v.items,
              yearToDate: year,
              account: { use: v.use, balanceFen: v.balanceFen },
            }),
          );
          expect(result.pooledFen + result.accountFen + result.cashFen).toBe(result.totalFen);
          expect(result.accountFen).toBeLessThanOrEqual(v.balanceFen);
          expect(Math.min(result.pooledFen, result.accountFen, result.cashFen)).toBeGreaterThanOrEqual(0);
          year = result.yearAfter;
          expect(sumLines(year.pooledFen)).toBeLessThanOrEqual(typeRule.annualCapFen);
          expect(year.pooledFen.outpatient).toBeLessThanOrEqual(typeRule.lines.outpatient.capFen!);
          for (const line of ['outpatient', 'inpatient', 'chronic'] as const)
            expect(year.deductibleUsedFen[line]).toBeLessThanOrEqual(typeRule.lines[line].deductibleFen['3']);
        }
      }),
    );
  });
});
