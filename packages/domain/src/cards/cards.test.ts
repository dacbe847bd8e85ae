import { describe, expect, it } from 'vitest';
import { cardFee, type ReplacementFeeRules } from './card-fees.ts';
import { eCardVerdict, temporaryLossUntil } from './card-clocks.ts';
import { effectiveCardStatus, nextCardStatus } from './card-lifecycle.ts';
import { isCardNumber, makeCardNumber, maskCardNumber, maskPersonName } from './card-number.ts';

describe('card numbers (docs/RULES.md 18.1)', () => {
  it('are one letter and eight digits, masked to the letter, one digit and the last three', () => {
    expect(makeCardNumber('D', 58_009_678)).toBe('D58009678');
    expect(makeCardNumber('A', 1)).toBe('A00000001');
    expect(isCardNumber('D58009678')).toBe(true);
    expect(isCardNumber('d58009678')).toBe(false);
    expect(isCardNumber('110105194912310021')).toBe(false);
    expect(maskCardNumber('D58009678')).toBe('D5*****678');
    expect(maskPersonName('张三丰')).toBe('张**');
    expect(maskPersonName('Li')).toBe('L*');
    expect(() => makeCardNumber('A', 100_000_000)).toThrow(RangeError);
    expect(() => makeCardNumber('ab', 1)).toThrow(RangeError);
  });
});

describe('the card lifecycle (18.2)', () => {
  it('walks applied to active and refuses a step out of order', () => {
    let status = 'applied' as const as Parameters<typeof nextCardStatus>[0];
    for (const [event, expected] of [
      ['approved', 'approved'],
      ['sent_to_bank', 'sent_to_bank'],
      ['produced', 'produced'],
      ['mailed', 'mailed'],
      ['collected', 'active'],
      ['temporarily_lost', 'temporarily_lost'],
      ['lost', 'lost'],
      ['replaced', 'replaced'],
    ] as const) {
      status = nextCardStatus(status, event)!;
      expect(status).toBe(expected);
    }
    expect(nextCardStatus('applied', 'produced')).toBeNull();
    expect(nextCardStatus('refused', 'approved')).toBeNull();
    expect(nextCardStatus('lost', 'temporarily_lost')).toBeNull();
  });

  it('reads a temporary loss as lapsed the day after its last day (18.5)', () => {
    // Reported on 2025-07-15 with 5 days: blocks through 2025-07-20, lapsed on the 21st.
    const until = temporaryLossUntil('2025-07-15', 5);
    expect(until).toBe('2025-07-20');
    const card = { status: 'temporarily_lost' as const, temporaryLossUntil: until };
    expect(effectiveCardStatus(card, '2025-07-20')).toBe('temporarily_lost');
    expect(effectiveCardStatus(card, '2025-07-21')).toBe('active');
    expect(effectiveCardStatus({ status: 'lost', temporaryLossUntil: until }, '2025-08-01')).toBe('lost');
  });
});

describe('card fees (18.4)', () => {
  const rules: ReplacementFeeRules = {
    lostFen: 2000,
    damagedFen: 2000,
    upgradeFen: 0,
    exemptions: ['subsistence-allowance', 'disability'],
  };
  it('issues the first card and the upgrade free, and charges the cost fee for a lost or damaged card', () => {
    expect(cardFee('first', rules, null, 's').feeFen).toBe(0);
    expect(cardFee('upgrade', rules, null, 's').feeFen).toBe(0);
    expect(cardFee('lost', rules, null, 's')).toMatchObject({ feeFen: 2000, exemption: null });
    expect(cardFee('damaged', { ...rules, damagedFen: 1000 }, null, 's').feeFen).toBe(1000);
  });
  it('waives the fee for an exemption the region grants, and only those', () => {
    expect(cardFee('lost', rules, 'disability', 's')).toMatchObject({ feeFen: 0, exemption: 'disability' });
    expect(cardFee('damaged', rules, 'subsistence-allowance', 's')).toMatchObject({
      feeFen: 0,
      exemption: 'subsistence-allowance',
    });
    expect(
      cardFee('lost', { ...rules, exemptions: ['disability'] }, 'subsistence-allowance', 's'),
    ).toMatchObject({
      feeFen: 2000,
      exemption: null,
    });
    // Nothing to waive on a free card: no exemption recorded.
    expect(cardFee('first', rules, 'disability', 's').exemption).toBeNull();
  });
  it('refuses a fee that is not whole fen', () => {
    expect(() => cardFee('lost', { ...rules, lostFen: 20.5 }, null, 's')).toThrow(RangeError);
  });
});

describe('the electronic card verdict (18.7)', () => {
  const base = { signatureValid: true, issuedAtSeconds: 1000, expiresAtSeconds: 1120, cardStatus: 'active' };
  it('is valid only for a genuine, unexpired code of a card in use', () => {
    expect(eCardVerdict(base, 1100)).toEqual({ valid: true });
    expect(eCardVerdict(base, 1120)).toEqual({ valid: false, reason: 'expired' });
    expect(eCardVerdict({ ...base, signatureValid: false }, 1100)).toEqual({
      valid: false,
      reason: 'forged',
    });
    expect(eCardVerdict({ ...base, cardStatus: 'temporarily_lost' }, 1100)).toEqual({
      valid: false,
      reason: 'card-blocked',
    });
    expect(eCardVerdict({ ...base, cardStatus: 'lost' }, 1100)).toEqual({
      valid: false,
      reason: 'card-not-in-use',
    });
    expect(eCardVerdict({ ...base, cardStatus: null }, 1100)).toEqual({
      valid: false,
      reason: 'unknown-card',
    });
  });
});
