import { describe, expect, it } from 'vitest';
import { chinaDateOf } from './china-date.ts';
import { checkEmployeeRegistration, checkEmployerRegistration } from './registration-deadline.ts';

describe('registration deadlines (SIL Art. 57, 58)', () => {
  it('gives an employer 30 days from establishment, the 30th day included', () => {
    expect(checkEmployerRegistration('2025-03-01', '2025-03-31')).toMatchObject({
      deadline: '2025-03-31',
      late: false,
      daysLate: 0,
    });
    expect(checkEmployerRegistration('2025-03-01', '2025-04-01')).toMatchObject({ late: true, daysLate: 1 });
    expect(checkEmployerRegistration('2025-03-01', '2025-03-01').rule).toMatch(/Art\. 57/);
  });

  it('flags an employee registered more than 30 days after hiring, counting across year ends', () => {
    expect(checkEmployeeRegistration('2024-12-15', '2025-01-14')).toMatchObject({ late: false, daysLate: 0 });
    expect(checkEmployeeRegistration('2024-12-15', '2025-02-13')).toMatchObject({
      deadline: '2025-01-14',
      late: true,
      daysLate: 30,
    });
    expect(checkEmployeeRegistration('2024-12-15', '2025-01-14').rule).toMatch(/Art\. 58/);
  });

  it('treats registration before the start date as on time (leap day deadline)', () => {
    expect(checkEmployeeRegistration('2024-01-30', '2024-01-10')).toMatchObject({
      deadline: '2024-02-29',
      late: false,
      daysLate: 0,
    });
  });

  it('refuses a date that is not a calendar date, naming it', () => {
    expect(() => checkEmployeeRegistration('2025-02-30', '2025-03-01')).toThrow(/hiredOn/);
  });
});

describe('chinaDateOf', () => {
  it('turns an instant into the date in China, which runs 8 hours ahead of UTC', () => {
    expect(chinaDateOf(new Date('2025-03-31T15:59:59Z'))).toBe('2025-03-31');
    expect(chinaDateOf(new Date('2025-03-31T16:00:00Z'))).toBe('2025-04-01');
  });
});
