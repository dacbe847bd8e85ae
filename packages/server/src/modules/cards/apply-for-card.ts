import {
  cardFee,
  chinaDateOf,
  IN_PRODUCTION,
  IN_USE,
  maskResidentId,
  validateResidentId,
  type CardReason,
  type FeeExemption,
} from '@shebao/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/index.ts';
import { AppError, ErrorCode, isAppError } from '../../errors/index.ts';
import type { Person } from '../registration/index.ts';
import { enqueueCardNotice } from './card-notices.ts';
import { cardRulesOf, dueOnOf, type CardRules } from './card-rules.ts';
import { changeCard, getCardOf } from './change-card.ts';
import {
  insertCard,
  insertCardEvent,
  selectCard,
  selectCardsOfPersonIn,
  type CardRow,
} from './cards.repository.ts';
import type { CardActor, CardsDeps } from './cards-deps.ts';
import type {
  CardApplicationInput,
  CardReplacementInput,
  EmployerCardApplicationsInput,
} from './cards.schemas.ts';
import { checkPhoto, decodePhoto } from './photo.ts';

interface NewCard {
  person: Person;
  reason: CardReason;
  generation: 3;
  channel: 'online' | 'employer' | 'counter';
  employerId: number | null;
  photo: { sha256: string; type: 'image/jpeg' | 'image/png' };
  dispatch: {
    dispatch: 'branch' | 'mail';
    branchName?: string | undefined;
    mailAddress?: string | undefined;
  };
  replacesCardId: number | null;
  exemption: FeeExemption | null;
  exemptionEvidence: string | null;
}

/** The place fields agree with the way of delivery (docs/RULES.md 18.3). */
function checkDispatch(input: NewCard['dispatch']): void {
  if (input.dispatch === 'branch' && !input.branchName)
    throw new AppError(ErrorCode.VALIDATION, 'branchName: name the branch the card is collected at', {
      field: 'branchName',
    });
  if (input.dispatch === 'mail' && !input.mailAddress)
    throw new AppError(ErrorCode.VALIDATION, 'mailAddress: give the address the card is mailed to', {
      field: 'mailAddress',
    });
}

/** No card is issued to a person whose death is confirmed (docs/RULES.md 18.3). */
async function refuseDeceased(deps: CardsDeps, personId: number, field: string): Promise<void> {
  if (await deps.deaths.isDeceased(personId))
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      `${field}: the person's death is confirmed; no card is issued`,
      {
        field,
        detailCode: 'card-holder-deceased',
      },
    );
}

/** Keeps the photo in the document store after checking its bytes (docs/RULES.md 18.3). */
async function keepPhoto(deps: CardsDeps, text: string, field: string): Promise<NewCard['photo']> {
  const bytes = decodePhoto(text, field);
  const type = checkPhoto(bytes, field);
  return { sha256: await deps.files.put(bytes), type };
}

/**
 * Writes a new application in the caller's transaction after the one-card rules (docs/RULES.md 18.3): no
 * second card on its way to the person, and a first card only for a person with no card in use. The same
 * application again (a card of the same reason already on its way) is the one returned, unchanged.
 */
async function writeApplication(
  deps: CardsDeps,
  trx: Kysely<Database>,
  card: NewCard,
  rules: CardRules,
  actor: CardActor,
  at: Date,
): Promise<{ card: CardRow; created: boolean }> {
  const today = chinaDateOf(at);
  const personId = card.person.id;
  const onTheWay = await selectCardsOfPersonIn(trx, personId, IN_PRODUCTION);
  if (onTheWay.length > 0) {
    const same = onTheWay.find((row) => row.reason === card.reason);
    if (same) return { card: same, created: false };
    throw new AppError(
      ErrorCode.CONFLICT,
      `personId: card ${onTheWay[0]!.id} is already on its way to the person`,
      {
        field: 'personId',
        detailCode: 'card-in-production',
      },
    );
  }
  if (card.reason === 'first' && (await selectCardsOfPersonIn(trx, personId, IN_USE)).length > 0)
    throw new AppError(
      ErrorCode.CONFLICT,
      'personId: the person has a valid card; a lost, damaged or old card is replaced instead',
      { field: 'personId', detailCode: 'card-already-valid' },
    );
  const fee = cardFee(card.reason, rules.fee, card.exemption, rules.feeSource);
  const dueOn = dueOnOf(rules, today);
  const recordedAt = at.toISOString();
  const id = await insertCard(trx, {
    card_no: null,
    person_id: personId,
    region_code: card.person.regionCode,
    generation: card.generation,
    status: 'applied',
    reason: card.reason,
    replaces_card_id: card.replacesCardId,
    channel: card.channel,
    employer_id: card.employerId,
    applied_by: actor.login,
    applied_on: today,
    photo_sha256: card.photo.sha256,
    photo_type: card.photo.type,
    clock_days: rules.clock.days,
    clock_unit: rules.clock.unit,
    clock_source: rules.clock.source,
    due_on: dueOn,
    fee_fen: fee.feeFen,
    fee_exemption: fee.exemption,
    fee_explanation: JSON.stringify(fee.explanation),
    dispatch: card.dispatch.dispatch,
    branch_name: card.dispatch.dispatch === 'branch' ? card.dispatch.branchName! : null,
    mail_address: card.dispatch.dispatch === 'mail' ? card.dispatch.mailAddress! : null,
    refusal_reason: null,
    batch_id: null,
    bank_code: null,
    bank_account_no: null,
    produced_on: null,
    collected_on: null,
    temporary_loss_until: null,
    recorded_at: recordedAt,
    updated_at: recordedAt,
  });
  const row = (await selectCard(trx, id))!;
  const eventId = await insertCardEvent(trx, {
    card_id: id,
    person_id: personId,
    event: 'applied',
    on_date: today,
    channel: card.channel,
    detail: JSON.stringify({
      reason: card.reason,
      feeFen: fee.feeFen,
      ...(fee.exemption ? { exemption: fee.exemption, evidence: card.exemptionEvidence } : {}),
      ...(card.replacesCardId ? { replacesCardId: card.replacesCardId } : {}),
    }),
    recorded_by: actor.login,
    recorded_at: recordedAt,
  });
  await enqueueCardNotice(
    trx,
    at,
    row,
    { name: 'applied', id: eventId },
    {
      dueOn,
      feeFen: fee.feeFen,
      place: card.dispatch.dispatch === 'branch' ? card.dispatch.branchName! : 'mail',
    },
  );
  return { card: row, created: true };
}

/** A first card applied for by the person online or by staff at the counter (docs/RULES.md 18.3). */
export async function applyForCard(
  deps: CardsDeps,
  personId: number,
  input: CardApplicationInput,
  actor: CardActor,
): Promise<{ card: CardRow; created: boolean }> {
  checkDispatch(input);
  const person = await deps.persons.getPerson(personId);
  await refuseDeceased(deps, personId, 'personId');
  const at = deps.clock.now();
  const rules = await cardRulesOf(deps, person.regionCode, chinaDateOf(at));
  const photo = await keepPhoto(deps, input.photo, 'photo');
  return deps.db.transaction().execute((trx) =>
    writeApplication(
      deps,
      trx,
      {
        person,
        reason: 'first',
        generation: 3,
        channel: actor.side === 'person' ? 'online' : 'counter',
        employerId: null,
        photo,
        dispatch: input,
        replacesCardId: null,
        exemption: null,
        exemptionEvidence: null,
      },
      rules,
      actor,
      at,
    ),
  );
}

/**
 * A replacement (docs/RULES.md 18.4): of a lost card (formally reported lost in the same transaction when
 * it was not yet), of a damaged card (recorded damaged), or of a second-generation card for a third (the
 * old card stays usable until the new one is collected). The fee by the region's rules; an exemption is
 * checked at the counter against the certificate, so only staff record one.
 */
export async function replaceCard(
  deps: CardsDeps,
  personId: number,
  oldCardId: number,
  input: CardReplacementInput,
  actor: CardActor,
): Promise<{ card: CardRow; created: boolean }> {
  checkDispatch(input);
  if (input.exemption && actor.side !== 'staff')
    throw new AppError(
      ErrorCode.RULE_VIOLATION,
      'exemption: a fee exemption is granted at the counter on the certificate',
      {
        field: 'exemption',
        detailCode: 'card-exemption-at-counter',
      },
    );
  if (input.exemption && !input.exemptionEvidence)
    throw new AppError(
      ErrorCode.VALIDATION,
      'exemptionEvidence: name the certificate the exemption rests on',
      {
        field: 'exemptionEvidence',
      },
    );
  const person = await deps.persons.getPerson(personId);
  await refuseDeceased(deps, personId, 'personId');
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const rules = await cardRulesOf(deps, person.regionCode, today);
  const photo = await keepPhoto(deps, input.photo, 'photo');
  return deps.db.transaction().execute(async (trx) => {
    let old = await getCardOf(trx, personId, oldCardId);
    const refuse = (reason: string) =>
      new AppError(ErrorCode.RULE_VIOLATION, `cardId: ${reason}`, {
        field: 'cardId',
        detailCode: 'card-status',
        params: { status: old.status, event: input.reason },
      });
    if (input.reason === 'upgrade') {
      if (old.generation !== 2) throw refuse('only a second-generation card is upgraded');
      if (old.status !== 'active') throw refuse('the card to upgrade must be in use');
    } else if (input.reason === 'lost') {
      if (old.status !== 'lost')
        old = (await changeCard(trx, old, { event: 'lost', onDate: today, at, actor, channel: 'branch' }))
          .card;
    } else if (old.status !== 'damaged')
      old = (await changeCard(trx, old, { event: 'damaged', onDate: today, at, actor, channel: 'branch' }))
        .card;
    return writeApplication(
      deps,
      trx,
      {
        person,
        reason: input.reason,
        generation: 3,
        channel: actor.side === 'person' ? 'online' : 'counter',
        employerId: null,
        photo,
        dispatch: input,
        replacesCardId: Number(old.id),
        exemption: input.exemption ?? null,
        exemptionEvidence: input.exemptionEvidence ?? null,
      },
      rules,
      actor,
      at,
    );
  });
}

export interface EmployerApplicationResult {
  line: number;
  idNumberMasked: string;
  personId: number | null;
  outcome: 'applied' | 'already-applied' | 'refused';
  cardId: number | null;
  field: string | null;
  reason: string | null;
}

/**
 * An employer applies for its new hires in bulk (docs/RULES.md 18.3): each row is checked on its own (the
 * identity number's check digit, the person registered under that name and alive, employed by the employer today, a
 * JPEG or PNG photo, the one-card rules) and applied in a transaction of its own, so a refused row leaves the
 * others standing; the cards are collected at the employer's branch. The same rows again apply nothing twice.
 */
export async function applyForEmployees(
  deps: CardsDeps,
  employerId: number,
  input: EmployerCardApplicationsInput,
  actor: CardActor,
): Promise<EmployerApplicationResult[]> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const employed = new Set(
    (await deps.persons.listEmployments(employerId, { activeOn: today })).map(
      (employment) => employment.personId,
    ),
  );
  const results: EmployerApplicationResult[] = [];
  for (const [index, row] of input.rows.entries()) {
    const line = index + 1;
    const prefix = `rows.${index}`;
    const check = validateResidentId(row.idNumber);
    const idNumberMasked = check.ok ? maskResidentId(check.id) : '******************';
    const refused = (field: string, reason: string): EmployerApplicationResult => ({
      line,
      idNumberMasked,
      personId: null,
      outcome: 'refused',
      cardId: null,
      field: `${prefix}.${field}`,
      reason,
    });
    if (!check.ok) {
      results.push(refused('idNumber', check.reason));
      continue;
    }
    const person = await deps.persons.findPersonByIdNumber(check.id);
    if (!person) {
      results.push(refused('idNumber', 'no person is registered with this identity number'));
      continue;
    }
    if (person.name !== row.name) {
      results.push(refused('name', 'the name differs from the registered name of this identity number'));
      continue;
    }
    if (!employed.has(person.id)) {
      results.push(refused('idNumber', 'the person is not employed by the employer today'));
      continue;
    }
    try {
      await refuseDeceased(deps, person.id, `${prefix}.idNumber`);
      const photo = await keepPhoto(deps, row.photo, `${prefix}.photo`);
      const rules = await cardRulesOf(deps, person.regionCode, today);
      const written = await deps.db.transaction().execute((trx) =>
        writeApplication(
          deps,
          trx,
          {
            person,
            reason: 'first',
            generation: 3,
            channel: 'employer',
            employerId,
            photo,
            dispatch: { dispatch: 'branch', branchName: input.branchName },
            replacesCardId: null,
            exemption: null,
            exemptionEvidence: null,
          },
          rules,
          actor,
          at,
        ),
      );
      results.push({
        line,
        idNumberMasked,
        personId: person.id,
        outcome: written.created ? 'applied' : 'already-applied',
        cardId: Number(written.card.id),
        field: null,
        reason: null,
      });
    } catch (error) {
      if (!isAppError(error) || error.code === ErrorCode.INTERNAL) throw error;
      const field = error.field?.startsWith(prefix) ? error.field.slice(prefix.length + 1) : 'idNumber';
      results.push(refused(field, error.message.replace(/^[^:]+: /, '')));
    }
  }
  return results;
}
