/**
 * The English texts of the notices pages (a person's and an employer's inbox and channels, the agency's
 * deliveries and region runs; docs/RULES.md 17.2): the keys of `notices.zh-cn.ts`.
 */
import type { Widen } from '../messages.ts';
import type { noticesZhCN } from './notices.zh-cn.ts';

export const noticesEn: Widen<typeof noticesZhCN> = {
  common: {
    loading: 'Loading…',
    loadFailed: 'Could not load',
    retry: 'Retry',
    failed: 'Not done',
  },
  kinds: {
    contribution: {
      credited: 'Month credited',
      unpaid: 'Month unpaid',
    },
    payment: {
      voucher: 'Payment voucher',
    },
    monthly: {
      details: 'Monthly details',
      unreached: 'Staff not reached',
    },
    statement: {
      yearly: 'Yearly statement',
    },
    benefit: {
      status: 'Benefit application',
    },
    card: {
      status: 'Social security card',
    },
  },
  channels: {
    email: 'E-mail',
    sms: 'SMS',
  },
  deliveryStatuses: {
    pending: 'waiting',
    sending: 'sending',
    sent: 'sent',
    failed: 'failed',
  },
  inbox: {
    title: 'Inbox',
    unread: '{{unread}} unread',
    allRead: 'No unread notices',
    empty:
      'No notices yet. Credited months, payment vouchers, the progress of your applications and the yearly statement arrive here.',
    unreadTag: 'Unread',
    markRead: 'Mark read',
    open: 'Open',
    close: 'Close',
    goTo: 'Go there',
    deliveries: 'Deliveries',
    attempts: '{{attempts}} attempts',
    more: 'More notices',
  },
  settings: {
    title: 'How you are told',
    intro:
      'Every notice stays in the inbox. Give an e-mail address or a mobile number and choose it, and you are told by e-mail or SMS too.',
    notSaved: 'Nothing chosen yet: notices reach the inbox only.',
    email: 'E-mail address',
    phone: 'Mobile number',
    channels: 'Tell me by',
    emailEnabled: 'E-mail',
    smsEnabled: 'SMS',
    language: 'Language of e-mails and SMS',
    languages: {
      'zh-CN': 'Chinese',
      en: 'English',
    },
    save: 'Save',
    saved: 'Saved.',
    emailRequired: 'Give the e-mail address to be told on.',
    emailInvalid: 'Give a valid e-mail address.',
    phoneRequired: 'Give the mobile number to be told on.',
    phoneInvalid: 'Give a mainland mobile number: 11 digits starting with 1.',
    invalid: '“{{field}}” is not valid; check it and try again.',
  },
  monthly: {
    title: 'Telling your staff their monthly details',
    text: 'Under Article 60 of the Social Insurance Law, an employer must tell each employee every month what was declared and paid for them. With this on, Shebao tells each of your employees their monthly details for you, and tells you which of them could not be reached (no e-mail address or mobile number), so that you can tell them yourself.',
    label: 'Shebao tells our staff every month',
  },
  person: {
    title: 'Notices',
    intro:
      'What the social insurance agency tells you: months credited and unpaid, payment vouchers, your applications, the yearly statement.',
  },
  employer: {
    title: 'Notices',
    intro:
      'What the social insurance agency tells your organisation, and the monthly details for your staff.',
  },
  staff: {
    title: 'Notices',
    intro:
      'How deliveries stand by channel, those given up, and the runs that tell a whole region: the yearly rights statement (SIL Art. 74) and the monthly details (SIL Art. 60). A run cut off is resumed by starting it again; no one is told twice.',
    overview: 'Deliveries',
    channel: 'Channel',
    count: 'Count',
    noDeliveries: 'No e-mail or SMS sent yet.',
    given: 'Deliveries given up',
    givenIntro: 'Not delivered after every retry; the notice stays in the inbox.',
    noneGiven: 'No delivery given up.',
    kind: 'Kind',
    recipient: 'Recipient',
    recipientPerson: 'Person #{{id}}',
    recipientEmployer: 'Employer #{{id}}',
    attempts: 'Attempts',
    lastError: 'Last error',
    createdAt: 'Written',
    start: 'Tell a region',
    runKind: 'What',
    region: 'Region',
    year: 'Year',
    month: 'Month',
    yearInvalid: 'Give the year as 2025.',
    monthInvalid: 'Give the month as 2026-05.',
    startButton: 'Start',
    runnersOnly: 'Only collection officers and administrators start region runs.',
    runs: 'Recent runs',
    noRuns: 'No runs yet.',
    run: 'Run',
    showRun: 'Show run {{id}}',
    period: 'Period',
    status: 'Status',
    progress: 'Progress',
    progressOf: '{{done}} of {{total}} done',
    enqueued: 'Notices written',
    startedBy: 'Started by',
    startedAt: 'Started',
    finishedAt: 'Finished',
    runHeading: 'Run #{{id}}: {{kind}}, {{region}}, {{period}}',
    runDone: 'Done: {{enqueued}} notices written; the sender delivers them at each channel’s pace.',
    runFailed: 'The run failed.',
    runInterrupted: 'The run was cut off (the server may have restarted). Start it again to resume.',
    startAgain: 'Start again',
    runKinds: {
      'yearly-statement': 'Yearly statement',
      'monthly-details': 'Monthly details',
    },
    runStatuses: {
      running: 'running',
      done: 'done',
      failed: 'failed',
      interrupted: 'interrupted',
    },
  },
};
