/**
 * The English of `shell.zh-cn.ts`, loaded when the app starts or switches to English.
 */
import type { Widen } from './messages.ts';
import type { shellZhCN } from './shell.zh-cn.ts';

export const shellEn: Widen<typeof shellZhCN> = {
  app: {
    name: 'Shebao',
    fullName: 'Social insurance administration and inquiry',
    skipToContent: 'Skip to main content',
    footer: 'Shebao social insurance administration and inquiry · open source under the Apache-2.0 licence',
    loading: 'Loading…',
    serverStatus: 'Service status',
    serverUp: 'Service running (database: {{database}})',
    serverDown: 'The server cannot be reached at the moment',
  },
  language: {
    switchTo: '中文',
    switchLabel: '切换为中文',
  },
  nav: {
    main: 'Main navigation',
    home: 'Home',
    login: 'Sign in',
    verify: 'Verify a document',
    signOut: 'Sign out',
    signedInAs: 'Signed in as {{name}}',
  },
  audience: {
    person: 'Insured person',
    employer: 'Employer',
    staff: 'Agency staff',
  },
  session: {
    checking: 'Checking your sign-in…',
    welcome: 'Welcome, {{name}}',
    signedInAs: 'You are signed in as: {{audience}}.',
    roles: 'Roles',
    regions: 'Regions',
    wrongAudience:
      'The signed-in account is not an account of this kind ({{audience}}). Sign out and sign in again.',
  },
  roles: {
    admin: 'Administrator',
    collection_officer: 'Collection officer',
    benefits_officer: 'Benefits officer',
    medical_officer: 'Medical insurance officer',
    inspector: 'Inspector',
    auditor: 'Auditor (read-only)',
    institution_user: 'Designated institution user',
    employer_user: 'Employer user',
    insured_person: 'Insured person',
  },
  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address.',
    home: 'Back to the home page',
  },
  error: {
    title: 'Something went wrong',
    text: 'The page could not be loaded. Reload and try again.',
    reload: 'Reload',
  },
};
