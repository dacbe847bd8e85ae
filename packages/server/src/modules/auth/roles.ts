/**
 * Roles (docs/RULES.md 9.1). Staff roles are granted to staff and system accounts together
 * with the regions they may act in; an employer user and an insured person each have one implied role and
 * act only on their own employer or their own record.
 */
export const STAFF_ROLES = [
  'admin',
  'collection_officer',
  'benefits_officer',
  'medical_officer',
  'inspector',
  'auditor',
  'institution_user',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLES = [...STAFF_ROLES, 'employer_user', 'insured_person'] as const;
export type Role = (typeof ROLES)[number];

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** Who is making a request, once their session cookie or bearer token has been checked. */
export interface Principal {
  userId: number;
  kind: 'person' | 'employer' | 'staff' | 'system';
  /** For logs and approvals: 'staff:admin', 'employer:12:finance', 'person:7'. */
  loginKey: string;
  displayName: string;
  roles: readonly Role[];
  /** Staff and system accounts: the GB/T 2260 regions they may act in ('000000' = everywhere). */
  regionCodes: readonly string[];
  personId: number | null;
  employerId: number | null;
  /** An institution's account (role institution_user) acts for this designated institution only. */
  institutionId: number | null;
  via: 'session' | 'token';
  /**
   * The real person behind the request (approvals compare it, so nobody approves their own proposal
   * through a token): the account itself for a session; for a token, the staff member who issued it, or
   * the account itself when the server's operator issued it on the command line.
   */
  actorUserId: number;
  /** A token's scope; sessions may write. */
  scope: 'read' | 'write';
  /** For cookie sessions: the token every write must echo in the X-CSRF-Token header. */
  csrfToken: string | null;
}
