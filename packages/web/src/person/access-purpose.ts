/**
 * What an access-log entry was for, named from the route it went through (the server stores the route
 * pattern, e.g. "GET /api/persons/:personId/rights-record", and an English note for API clients). The page
 * shows the purpose in the reader's language, never the route or the note.
 */
const PURPOSE_BY_ROUTE: Readonly<Record<string, AccessPurpose>> = {
  'GET /api/persons': 'personSearch',
  'GET /api/persons/:personId': 'personRecord',
  'GET /api/persons/:personId/rights-record': 'rightsRecord',
  'GET /api/persons/:personId/employments': 'employments',
  'GET /api/persons/:personId/access-log': 'accessLog',
  'GET /api/persons/:personId/flexible-contribution': 'flexibleGrade',
  'POST /api/persons/:personId/statements': 'statementIssued',
  'GET /api/statements/:code.pdf': 'statementPdf',
  'GET /api/bills': 'bills',
  'GET /api/bills/:billNo': 'bills',
  'GET /api/payments': 'payments',
  'GET /api/regions/:regionCode/payments': 'payments',
  'GET /api/payments/:paymentNo/receipt': 'receipt',
  'GET /api/regions/:regionCode/arrears': 'arrears',
  'GET /api/employers/:employerId/staff': 'staffList',
  'GET /api/employers/:employerId/employments': 'staffList',
  'GET /api/employers/:employerId/bases/:cycleStart': 'bases',
  'GET /api/employers/:employerId/bases-template': 'basesTemplate',
  'GET /api/employers/:employerId/monthly-details/:period': 'monthlyDetails',
};

export type AccessPurpose =
  | 'personSearch'
  | 'personRecord'
  | 'rightsRecord'
  | 'employments'
  | 'accessLog'
  | 'flexibleGrade'
  | 'statementIssued'
  | 'statementPdf'
  | 'bills'
  | 'payments'
  | 'receipt'
  | 'arrears'
  | 'staffList'
  | 'bases'
  | 'basesTemplate'
  | 'monthlyDetails'
  | 'other';

export function accessPurpose(route: string): AccessPurpose {
  return PURPOSE_BY_ROUTE[route] ?? 'other';
}

/**
 * The name of who read the record, without the server's English prefix and login key: the server labels
 * an actor "<kind> <display name> [<login key>] (<regions>)" (server/src/http/personal-data.ts).
 */
export function actorName(label: string): string {
  const match = /^(?:agency staff|employer user|system) (.+?) \[[^\]]*\](?: \([^)]*\))?$/.exec(label);
  return match?.[1] ?? label;
}
