/**
 * The English of `problems.zh-cn.ts`: what the server's refusals mean, with the same keys.
 */
import type { Widen } from './messages.ts';
import type { problemsZhCN } from './problems.zh-cn.ts';

export const problemsEn: Widen<typeof problemsZhCN> = {
  network: 'The server cannot be reached. Check the network and try again.',
  withField: {
    VALIDATION: '“{{field}}” is not valid. Please check it and try again.',
    NOT_FOUND: 'Nothing was found for “{{field}}”.',
    CONFLICT:
      '“{{field}}” clashes with an existing record (someone may have dealt with it). Reload and try again.',
    RULE_VIOLATION: '“{{field}}” is not allowed by the rules.',
    POLICY_MISSING: 'The policy parameter for “{{field}}” is not set yet. Please contact the agency.',
  },
  byCode: {
    VALIDATION: 'Something in the request is not valid. Please check it and try again.',
    UNAUTHENTICATED: 'Your session has ended. Please sign in again.',
    FORBIDDEN: 'Your account may not do this.',
    NOT_FOUND: 'No such record.',
    METHOD_NOT_ALLOWED: 'This address does not take that kind of request.',
    CONFLICT: 'This conflicts with the current state (someone may have dealt with it). Reload and try again.',
    RULE_VIOLATION: 'The rules do not allow this.',
    POLICY_MISSING: 'A policy parameter this needs is not set yet. Please contact the agency.',
    PAYLOAD_TOO_LARGE: 'The file or request is too large.',
    UNSUPPORTED_MEDIA_TYPE: 'This file format is not supported.',
    RATE_LIMITED: 'Too many attempts. Please wait a while and try again.',
    UNAVAILABLE: 'The service is not available at the moment. Please try again later.',
    INTERNAL: 'The server had an internal error. Please try again later.',
    other: 'This could not be done (the server answered {{status}}).',
  },
  reasons: {
    'csrf-token-mismatch': 'Your sign-in was renewed in another tab. Reload this page and try again.',
    'login-required': 'Your session has ended. Please sign in again.',
    'token-invalid': 'The API token is unknown, revoked or expired.',
    'token-read-only': 'This API token may only read.',
    'role-required': 'This needs one of the roles: {{roles}}.',
    'not-own-record': 'An insured person may only see and change their own record.',
    'not-own-employer': 'You may only act for your own employer.',
    'region-outside': 'Region {{regionCode}} is outside the regions you work in.',
    'wrong-credentials': 'The account or the password is wrong.',
    'account-locked': 'Too many failed sign-ins: the account is locked until {{until}}.',
    'login-throttled': 'Too many failed sign-ins: try again after {{until}}.',
    'needs-second-person': 'Whoever proposed a change cannot approve it: a second staff member must decide.',
    'approval-decided': 'This approval has been decided already. Reload to see it.',
    'approval-needs-role': 'Approving this kind of change needs one of the roles: {{roles}}.',
    'idempotency-key-reused':
      'This submission differs from an earlier one with the same key. Reload the page and fill it in again.',
    'bank-reference-twice': 'The same bank reference appears twice.',
    'bank-reference-recorded': 'This bank reference was already recorded as payment {{paymentNo}}.',
    'no-flexible-enrolment': 'You are not enrolled as a flexible worker. Enrol first.',
    'only-flexible-pays':
      'Only flexible workers pay their own contributions; an employer pays for its employees.',
    'correction-needs-approval':
      'Correcting a declared base needs a second staff member’s approval: propose a correction.',
    'no-contributions': 'This person has no contributions yet, so there is nothing to issue.',
    'no-route': 'There is no such API route.',
    'token-roles-beyond-issuer':
      'The system account has roles you do not hold ({{roles}}): a token never acts with more than its issuer.',
    'document-type': 'Attach a PDF, JPEG or PNG file.',
    'document-empty': 'The file is empty.',
    'document-too-large': 'The file is too large: at most {{maxBytes}} bytes.',
    'document-content-mismatch':
      'The file’s content is not of the type it claims to be. Attach the original file.',
    'application-state':
      'The application is not at a stage where this can be done. Refresh to see where it stands.',
    'not-an-employee':
      'This person is not an employee of your organisation, so you cannot apply on their behalf.',
    'early-retirement-notice':
      'An early start must be chosen in writing at least three months ahead; {{chosenMonth}} is too soon.',
    'late-retirement-notice':
      'A later start must be agreed in writing at least a month before the statutory retirement month ({{statutoryMonth}}).',
    'claim-open':
      'An application for this ({{applicationNo}}) is already open; it has to be decided or withdrawn first.',
    'date-in-future': 'The date is after today: give the day it happened.',
    'filing-deadline-passed':
      'The year to apply after {{eventDate}} ended on {{lastDay}}, so the application is out of time (WIIR Art. 17).',
    'injury-not-identified':
      'Benefits follow an identified work injury of the same person; name its identification.',
    'facts-inconsistent': 'The facts given do not fit together; see the field named.',
    'not-own-institution': "An institution's account may only act for its own institution.",
    'agreement-not-active':
      'The institution has no service agreement in force for this kind of claim on that day.',
    'medical-not-covered':
      'The person is not covered by basic medical insurance on that day; the costs are theirs to pay.',
    'medical-waiting-period':
      "The person's waiting period has not ended; the fund pays nothing before it does.",
    'medical-years-short':
      "The retiree's medical contribution years fall short of the region's minimum; they must be topped up first.",
    'settlement-suspended':
      'Direct settlement is suspended for this institution or person; see the reason given.',
    'account-not-allowed': 'The medical personal account cannot pay for this person here.',
    'claim-cancelled': 'This claim has been cancelled already.',
    'month-not-ended': 'That month has not ended yet; a month is settled after it ends.',
    'notice-run-busy':
      'This run is working right now: follow its progress, or start it again later to resume it.',
    'not-a-resident':
      'This person is insured as an employee or flexible worker, not in the residents’ scheme.',
    'patient-deceased': 'The person died before that day; no claim can be settled for them.',
    'card-photo': 'The photo must be a JPEG or PNG picture of at most 1 MiB.',
    'card-in-production':
      'A card is already on its way to this person; follow it, or wait until it is collected.',
    'card-already-valid':
      'This person has a valid card already; a lost, damaged or old card is replaced instead.',
    'card-exemption-at-counter':
      'A fee exemption is granted at the counter on the certificate; apply there, or without the exemption.',
    'card-status': 'The card is not in a state that allows this step; see its history.',
    'card-not-in-use':
      'There is no card in use (a temporarily lost card is blocked), so no electronic card can be shown.',
    'card-batch-empty': 'No approved card of the region waits for production.',
    'card-return-header':
      'The first line of the return file must be the header card_no,bank_account_no,produced_on.',
    'card-holder-deceased': 'This person’s death is confirmed; no card is issued to them.',
    'pension-claim-open':
      'A pension application ({{applicationNo}}) is already open; it has to be decided or withdrawn first.',
    'claim-not-eligible':
      'The record does not meet the conditions for the pension; refuse the application with the reasons the assessment gives.',
    'period-in-future': 'That month is too far ahead to be paid yet.',
    'bank-file-not-issued': 'The bank file has not been issued yet.',
    'bank-return-invalid':
      'The bank’s return file does not match the payments of this file; see the line named.',
    'payment-stopped': 'Payment of this award has been stopped already.',
    'not-a-pensioner': 'This person has no pension award, so there is nothing to verify.',
    'death-reported': 'A death report of this person is recorded; no verification can be recorded.',
    'death-report-exists':
      'A death report of this person is already waiting or confirmed; it cannot be recorded twice.',
    'death-report-state':
      'No death report of this person is waiting for a decision; reload to see where it stands.',
    'award-version-changed':
      'The award has changed since this was proposed. Refresh, look at the latest version and propose again.',
    'correction-pending':
      'A correction of this award is already waiting for approval; it has to be decided first.',
    'no-correction-pending': 'No correction of this award is waiting for approval.',
    'adjustment-applied':
      'This year’s pension adjustment has already been applied to pensions in payment; correct single awards instead.',
  },
  fields: {
    idNumber: 'Identity number',
    name: 'Name',
    hiredOn: 'Hire date',
    leftOn: 'Leaving date',
    monthlyWageFen: 'Wage',
    declaredFen: 'Declared base',
    declared: 'Declared base',
    period: 'Month',
    fromPeriod: 'First month',
    toPeriod: 'Last month',
    year: 'Year',
    employmentId: 'Employment',
    personId: 'Person',
    employerId: 'Employer',
    creditCode: 'Unified social credit code',
    gradePpm: 'Contribution grade',
    amountFen: 'Amount',
    paidOn: 'Payment date',
    bankReference: 'Bank reference',
    paymentNo: 'Payment number',
    payer: 'Payer',
    payerCode: 'Payer',
    approvalId: 'Approval',
    validFrom: 'Valid from',
    value: 'Value',
    content: 'File content',
    body: 'Request',
    code: 'Verification code',
    password: 'Password',
    userName: 'User name',
    reason: 'Reason',
    fromDate: 'From date',
    toDate: 'To date',
    limit: 'Page size',
    cursor: 'Page position',
    before: 'Page position',
    idempotencyKey: 'Submission key',
    source: 'Source',
    regionCode: 'Region',
    retirementGroup: 'Original retirement age',
    chosenMonth: 'Chosen start month',
    deemedMonthsClaimed: 'Deemed months claimed',
    deemedMonths: 'Deemed months',
    account: 'Account number',
    evidenceDocumentIds: 'Evidence',
    applicationId: 'Application',
    documentId: 'Document',
    fileName: 'File name',
    kind: 'Kind',
    reasons: 'Reasons',
    message: 'Reason',
    note: 'Note',
    description: 'Description',
    periods: 'Months',
    state: 'State',
    other: 'One of the entries',
  },
};
