/**
 * The life of a social security card (docs/RULES.md 18.2): applied -> approved -> sent to the card bank
 * in a production batch -> produced (the bank's return file) -> at the branch or mailed -> collected
 * (active). An application may be refused; an active card may be reported lost for a few days
 * (temporarily, which blocks it at once), formally lost, damaged, replaced by a new card or cancelled.
 */

export const CARD_STATUSES = [
  'applied',
  'approved',
  'refused',
  'sent_to_bank',
  'produced',
  'at_branch',
  'mailed',
  'active',
  'temporarily_lost',
  'lost',
  'damaged',
  'replaced',
  'cancelled',
] as const;
export type CardStatus = (typeof CARD_STATUSES)[number];

export const CARD_EVENTS = [
  'applied',
  'approved',
  'refused',
  'sent_to_bank',
  'produced',
  'at_branch',
  'mailed',
  'collected',
  'temporarily_lost',
  'temporary_loss_lapsed',
  'temporary_loss_lifted',
  'lost',
  'damaged',
  'replaced',
  'cancelled',
] as const;
export type CardEvent = (typeof CARD_EVENTS)[number];

/** The statuses of a card on its way to the person: at most one per person at a time (18.3). */
export const IN_PRODUCTION: readonly CardStatus[] = [
  'applied',
  'approved',
  'sent_to_bank',
  'produced',
  'at_branch',
  'mailed',
];
/** The statuses of the person's card in use (blocked while temporarily lost): at most one (18.3). */
export const IN_USE: readonly CardStatus[] = ['active', 'temporarily_lost'];

/** From which statuses each event may be recorded, and the status it leaves. */
const TRANSITIONS: Readonly<Record<Exclude<CardEvent, 'applied'>, [readonly CardStatus[], CardStatus]>> = {
  approved: [['applied'], 'approved'],
  refused: [['applied'], 'refused'],
  sent_to_bank: [['approved'], 'sent_to_bank'],
  produced: [['sent_to_bank'], 'produced'],
  at_branch: [['produced'], 'at_branch'],
  mailed: [['produced'], 'mailed'],
  collected: [['at_branch', 'mailed'], 'active'],
  temporarily_lost: [['active'], 'temporarily_lost'],
  temporary_loss_lapsed: [['temporarily_lost'], 'active'],
  // The person found the card within the report's days.
  temporary_loss_lifted: [['temporarily_lost'], 'active'],
  lost: [['active', 'temporarily_lost'], 'lost'],
  damaged: [['active', 'temporarily_lost'], 'damaged'],
  // The old card when its replacement is collected (a card upgraded stays usable until then).
  replaced: [['active', 'temporarily_lost', 'lost', 'damaged'], 'replaced'],
  cancelled: [
    ['applied', 'approved', 'sent_to_bank', 'produced', 'at_branch', 'mailed', 'active', 'temporarily_lost'],
    'cancelled',
  ],
};

export type TransitionEvent = keyof typeof TRANSITIONS;

/** The status an event leaves the card in, or null when the event does not apply to a card in `status`. */
export function nextCardStatus(status: CardStatus, event: TransitionEvent): CardStatus | null {
  const [from, to] = TRANSITIONS[event];
  return from.includes(status) ? to : null;
}

/** The statuses an event may be recorded from, for the reason a refusal gives. */
export function statusesAllowing(event: TransitionEvent): readonly CardStatus[] {
  return TRANSITIONS[event][0];
}

/**
 * The card's status on a day (18.5): a temporary loss report blocks the card through its last day and
 * lapses after it unless made formal, so a card stored as temporarily lost reads active once the day is past.
 */
export function effectiveCardStatus(
  card: { status: CardStatus; temporaryLossUntil: string | null },
  today: string,
): CardStatus {
  if (
    card.status === 'temporarily_lost' &&
    card.temporaryLossUntil !== null &&
    today > card.temporaryLossUntil
  )
    return 'active';
  return card.status;
}
