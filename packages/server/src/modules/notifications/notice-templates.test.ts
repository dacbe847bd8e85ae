import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, NOTICE_LANGUAGES, type NoticeKind, type NoticeParams } from './notice-kinds.ts';
import { renderNotice } from './notice-templates.ts';
import { smsSegments } from './sms-segments.ts';

// The longest facts each kind is sent with in practice: large amounts, long names, the longest events.
const LONGEST: Record<NoticeKind, NoticeParams> = {
  'contribution.credited': {
    period: '2026-12',
    payer: '南昌市示范机械制造有限责任公司',
    amountFen: 12_345_678,
  },
  'contribution.unpaid': {
    period: '2026-12',
    payer: '南昌市示范机械制造有限责任公司',
    dueOn: '2027-01-15',
    owedFen: 12_345_678,
  },
  'payment.voucher': {
    paymentNo: 'PAY20261215ABCDEF0123',
    amountFen: 12_345_678,
    paidOn: '2026-12-15',
    periods: '2026-10, 2026-11',
  },
  'monthly.details': {
    period: '2026-12',
    employer: '示范机械',
    baseFen: 3_573_900,
    employeeFen: 393_129,
    employerFen: 1_143_648,
    paid: 'yes',
  },
  'monthly.unreached': { period: '2026-12', sent: 1200, unreached: 1350, names: '张三' },
  'statement.yearly': { year: '2026', code: 'ABCD-EFGH-JKMN-PQRS', url: 'https://si.example.cn/verify/ABCD' },
  'benefit.status': {
    applicationNo: 'AP2026121500001234',
    benefitKind: 'injury-benefits',
    event: 'material-requested',
    note: null,
  },
  'card.status': {
    event: 'temporary_loss_lapsed',
    cardNumber: 'D5800****',
    dueOn: null,
    feeFen: null,
    place: null,
  },
};

describe('notice templates', () => {
  it('keeps every SMS to one segment: 70 characters in Chinese, 160 in GSM-7 English', () => {
    for (const kind of NOTICE_KINDS)
      for (const language of NOTICE_LANGUAGES) {
        const { sms } = renderNotice(kind, LONGEST[kind], language);
        const segments = smsSegments(sms);
        expect(
          segments.segments,
          `${kind} ${language}: ${sms} (${segments.units} ${segments.encoding})`,
        ).toBe(1);
      }
  });

  it('renders every kind in both languages without a missing fact', () => {
    for (const kind of NOTICE_KINDS)
      for (const language of NOTICE_LANGUAGES) {
        const rendered = renderNotice(kind, LONGEST[kind], language);
        for (const text of Object.values(rendered)) {
          expect(text).not.toMatch(/undefined|null|NaN/);
          expect(text.length).toBeGreaterThan(5);
        }
      }
    expect(renderNotice('card.status', LONGEST['card.status'], 'zh-CN').sms).toBe(
      '【社保】您的社保卡D5800****临时挂失已到期解除。',
    );
  });

  it('counts segments as the networks do', () => {
    expect(smsSegments('a'.repeat(160))).toEqual({ encoding: 'gsm-7', units: 160, segments: 1 });
    expect(smsSegments('a'.repeat(161))).toEqual({ encoding: 'gsm-7', units: 161, segments: 2 });
    expect(smsSegments('€'.repeat(80))).toEqual({ encoding: 'gsm-7', units: 160, segments: 1 });
    expect(smsSegments('社'.repeat(70))).toEqual({ encoding: 'ucs-2', units: 70, segments: 1 });
    expect(smsSegments('社'.repeat(71))).toEqual({ encoding: 'ucs-2', units: 71, segments: 2 });
    expect(smsSegments('✓')).toMatchObject({ encoding: 'ucs-2' });
  });
});
