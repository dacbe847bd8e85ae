/**
 * The English of `public.zh-cn.ts`, loaded when the public pages are shown in English.
 */
import type { Widen } from './messages.ts';
import type { publicZhCN } from './public.zh-cn.ts';

export const publicEn: Widen<typeof publicZhCN> = {
  landing: {
    title: 'Social insurance administration and inquiry',
    intro:
      'See your contribution record, declare and pay for your staff, or handle agency business, all in one place.',
    chooseTitle: 'How do you want to sign in?',
    personTitle: 'Insured person',
    personText:
      'See every month of your contributions, your personal accounts, your rights statements and who looked at your record.',
    employerTitle: 'Employer',
    employerText:
      'Manage your insured staff, declare contribution bases, see bills and details, pay and get receipts.',
    staffTitle: 'Agency staff',
    staffText: 'For social insurance agency staff: collection, policy parameters, funds and the ledger.',
    verifyTitle: 'Verify a document',
    verifyText:
      'Enter the verification code printed on a rights statement or certificate to check that it is genuine.',
    go: 'Continue',
  },
  login: {
    title: 'Sign in',
    chooser: 'Kind of account',
    submit: 'Sign in',
    submitting: 'Signing in…',
    password: 'Password',
    passwordRequired: 'Enter your password',
    idNumber: 'Resident identity number',
    idNumberHelp: '18 characters; the last one may be X',
    idNumberValid: 'The number is well formed: born {{birthDate}}',
    creditCode: 'Unified social credit code',
    creditCodeHelp: '18 characters, printed on the business licence',
    creditCodeValid: 'The code is well formed',
    userName: 'User name',
    userNameRequired: 'Enter your user name',
    failed: 'Sign-in failed',
    wrongCredentials: 'The account or the password is wrong. Please check them and try again.',
    tooManyAttempts: 'Too many attempts. Please wait a while and try again.',
    badRequest: 'Something in the form is not right. Please check it and try again.',
    failedStatus: 'The server answered {{status}}. Please try again later.',
    unavailable: 'Signing in is not available at the moment (the server answered {{status}}).',
    networkError: 'The server cannot be reached. Check your connection and try again.',
    expired: 'Your session has ended (it timed out or was signed out elsewhere). Please sign in again.',
  },
  idNumber: {
    required: 'Enter your resident identity number',
    length: 'An identity number has 18 characters (or 15 digits for an old one); this one has {{count}}',
    characters: 'Character {{position}}, “{{character}}”, is wrong: only digits, and X as the last character',
    province: 'The first two digits, {{prefix}}, are not a province code',
    'birth-date': 'The birth date {{date}} is not a real date',
    'birth-date-future': 'The birth date {{date}} is after today',
    'check-character': 'The check character does not match: the last character should be {{expected}}',
  },
  creditCode: {
    required: 'Enter the unified social credit code',
    length: 'A unified social credit code has 18 characters; this one has {{count}}',
    characters: 'Character {{position}}, “{{character}}”, is wrong: codes never contain I, O, S, V or Z',
    'region-code': 'Characters 3 to 8 are not a region code',
    'check-character': 'The check character does not match; please check the code',
    'organisation-code-check':
      'The organisation code (characters 9 to 17) does not pass its check; please check the code',
  },
  verify: {
    title: 'Verify a social insurance document',
    intro:
      'Rights statements and certificates carry a verification code and a QR code. Scan the QR code or enter the code to check the document.',
    code: 'Verification code',
    codeHelp: '16 letters and digits, e.g. 7K3M-9Q2P-X4T8-HB6N; case and hyphens do not matter',
    codeRequired: 'Enter the verification code',
    codeInvalid: 'A verification code has 16 letters or digits (never U)',
    submit: 'Verify',
    checking: 'Verifying…',
    another: 'Verify another document',
    validTitle: 'The document is valid',
    validText: 'The agency issued this document and its electronic signature holds.',
    invalidTitle: 'The signature does not hold',
    invalidText:
      'The electronic signature of this document does not hold: it may have been changed or come from elsewhere. Do not rely on it.',
    unknownTitle: 'Unknown code',
    unknownText: 'The agency has issued no document with the code {{code}}. Please check the code.',
    errorTitle: 'Cannot verify at the moment',
    errorText: 'The server did not answer properly ({{status}}). Please try again later.',
    retry: 'Try again',
    kind: 'Document',
    issuedAt: 'Issued',
    keyId: 'Signing key',
    serverMessage: 'Finding',
    notCertified: '(NOT CERTIFIED: do not rely on it)',
    kinds: {
      rights_statement: 'Personal rights statement',
      contribution_certificate: 'Contribution certificate',
    },
  },
};
