import type { Agreement, Institution } from '../../medical/medical-api.ts';

/**
 * The agreement that says where an institution stands today: the one in force today (the latest to
 * start, if several), else the latest signed; none before the first is signed.
 */
export function currentAgreement(institution: Institution, today: string): Agreement | undefined {
  const byStart = [...institution.agreements].sort((a, b) => b.validFrom.localeCompare(a.validFrom));
  return (
    byStart.find((agreement) => agreement.validFrom <= today && agreement.validTo >= today) ?? byStart[0]
  );
}
