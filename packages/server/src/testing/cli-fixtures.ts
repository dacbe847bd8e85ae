import { expect } from 'vitest';
import type { ShebaoResult } from './run-shebao.ts';

/** Runs `shebao … --json`, expects it to succeed without a word on stderr, and returns the parsed output. */
export function jsonRunner(shebao: (...args: string[]) => Promise<ShebaoResult>) {
  return async (...args: string[]) => {
    const result = await shebao(...args, '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };
}

/**
 * Through the CLI, as a clerk would: an employer in region 110000 hires one urban employee on 1 July 2025
 * at a wage of 10,000 yuan and declares July, so `collect run` has a month to bill.
 */
export async function registerEmployerWithOneEmployee(
  json: (...args: string[]) => Promise<unknown>,
  spec: { creditCode: string; employerName: string; idNumber: string; personName: string },
): Promise<void> {
  await json(
    'register',
    'employer',
    '--credit-code',
    spec.creditCode,
    '--name',
    spec.employerName,
    '--region',
    '110000',
    '--industry-class',
    '1',
    '--established-on',
    '2020-01-02',
  );
  await json(
    'register',
    'person',
    '--id-number',
    spec.idNumber,
    '--name',
    spec.personName,
    '--hukou-region',
    '110105',
    '--hukou-type',
    'urban',
    '--category',
    'employee',
    '--region',
    '110000',
  );
  await json(
    'register',
    'hire',
    '--credit-code',
    spec.creditCode,
    '--id-number',
    spec.idNumber,
    '--hired-on',
    '2025-07-01',
    '--wage',
    '10000',
  );
  await json('register', 'declare', '--credit-code', spec.creditCode, '--period', '2025-07');
}
