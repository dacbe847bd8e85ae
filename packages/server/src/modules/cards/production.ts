import { chinaDateOf, isCardNumber, regionCodePrefix } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { dateProblem as dateProblemOf } from '../../shared/business-date.ts';
import { selectPersonNames } from '../registration/index.ts';
import { sha256Of } from '../benefits/index.ts';
import { changeCard } from './change-card.ts';
import {
  insertBankReturn,
  countBatchesNamed,
  insertBatch,
  selectApprovedCards,
  selectBankReturn,
  selectBatch,
  selectCardByNo,
  type BatchRow,
} from './cards.repository.ts';
import type { CardActor, CardsDeps } from './cards-deps.ts';
import type { BankReturnSummary, BatchView } from './cards.schemas.ts';

/** The most cards one batch file carries; more wait for the next batch. */
export const BATCH_MAX_CARDS = 5000;
const BATCH_HEADER = 'batch_no,card_no,id_number,name,generation,photo_sha256,dispatch';
const RETURN_HEADER = 'card_no,bank_account_no,produced_on';

export function toBatchView(row: BatchRow): BatchView {
  return {
    id: Number(row.id),
    batchNo: row.batch_no,
    regionCode: row.region_code,
    bankCode: row.bank_code,
    cards: Number(row.cards),
    fileName: row.file_name,
    fileSha256: row.file_sha256,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const csvField = (text: string) => (/[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * A production batch (docs/RULES.md 18.6): the region's approved cards not yet sent, up to BATCH_MAX_CARDS,
 * written to one CSV file for the card bank (a row per card and a control row with the count), kept by its
 * SHA-256 in the document store; the cards move to sent_to_bank in the batch's transaction, so a card is in
 * one batch only and a second run finds only the cards approved since.
 */
export async function createProductionBatch(
  deps: CardsDeps,
  input: { regionCode: string; bankCode: string },
  actor: CardActor,
): Promise<BatchView> {
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const prefix = regionCodePrefix(input.regionCode);
  return deps.db.transaction().execute(async (trx) => {
    const cards = await selectApprovedCards(trx, prefix, BATCH_MAX_CARDS);
    if (cards.length === 0)
      throw new AppError(
        ErrorCode.RULE_VIOLATION,
        'regionCode: no approved card of the region waits for production',
        {
          field: 'regionCode',
          detailCode: 'card-batch-empty',
        },
      );
    const names = new Map(
      (await selectPersonNames(trx, [...new Set(cards.map((card) => Number(card.person_id)))])).map((row) => [
        Number(row.id),
        row,
      ]),
    );
    const stem = `CB${today.replaceAll('-', '')}${input.regionCode}${input.bankCode}`;
    const batchNo = `${stem}${String((await countBatchesNamed(trx, stem)) + 1).padStart(3, '0')}`;
    const lines = [BATCH_HEADER];
    for (const card of cards) {
      const person = names.get(Number(card.person_id))!;
      lines.push(
        [
          batchNo,
          card.card_no!,
          person.id_number,
          csvField(person.name),
          String(card.generation),
          card.photo_sha256 ?? '',
          card.dispatch,
        ].join(','),
      );
    }
    lines.push(`#total,${cards.length}`);
    // Kept before the rows commit: a batch rolled back leaves a file no row names, which harms nothing.
    const sha256 = await deps.files.put(Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8'));
    const batchId = await insertBatch(trx, {
      batch_no: batchNo,
      region_code: input.regionCode,
      bank_code: input.bankCode,
      cards: cards.length,
      file_name: `${batchNo}.csv`,
      file_sha256: sha256,
      created_by: actor.login,
      created_at: at.toISOString(),
    });
    for (const card of cards)
      await changeCard(trx, card, {
        event: 'sent_to_bank',
        onDate: today,
        at,
        actor,
        detail: { batchNo, bankCode: input.bankCode },
        changes: { batch_id: batchId, bank_code: input.bankCode },
        notice: { dueOn: card.due_on },
      });
    return toBatchView((await selectBatch(trx, batchId))!);
  });
}

/** The batch file's bytes as the bank received them. */
export async function readBatchFile(
  deps: CardsDeps,
  batchId: number,
): Promise<{ batch: BatchView; bytes: Buffer }> {
  const row = await selectBatch(deps.db, batchId);
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `batchId: there is no batch ${batchId}`, { field: 'batchId' });
  return { batch: toBatchView(row), bytes: await deps.files.get(row.file_sha256) };
}

/**
 * Imports the card bank's return file of a batch (docs/RULES.md 18.6): CSV rows of card number, the bank
 * account opened on the card and the day produced. Each good row marks its card produced with the account;
 * a bad row is listed by line and changes nothing. The file is kept by its SHA-256: the same file again
 * replays the first import's result and changes nothing, and a row of a card produced before with the same
 * account counts as already done.
 */
export async function importBankReturn(
  deps: CardsDeps,
  input: { batchId: number; content: string },
  actor: CardActor,
): Promise<BankReturnSummary> {
  const batch = await selectBatch(deps.db, input.batchId);
  if (!batch)
    throw new AppError(ErrorCode.NOT_FOUND, `batchId: there is no batch ${input.batchId}`, {
      field: 'batchId',
    });
  const bytes = Buffer.from(input.content, 'utf8');
  const sha256 = sha256Of(bytes);
  const earlier = await selectBankReturn(deps.db, sha256);
  if (earlier) return { ...(JSON.parse(earlier.result) as BankReturnSummary), replayed: true };
  const lines = input.content.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim().toLowerCase() !== RETURN_HEADER)
    throw new AppError(ErrorCode.VALIDATION, `body: the first line must be the header "${RETURN_HEADER}"`, {
      field: 'body',
      detailCode: 'card-return-header',
    });
  const at = deps.clock.now();
  const today = chinaDateOf(at);
  const batchDay = batch.created_at.slice(0, 10);
  await deps.files.put(bytes);
  return deps.db.transaction().execute(async (trx) => {
    const summary: BankReturnSummary = {
      batchId: Number(batch.id),
      fileSha256: sha256,
      replayed: false,
      rows: 0,
      produced: 0,
      already: 0,
      errors: [],
    };
    for (const [index, text] of lines.entries()) {
      if (index === 0 || text.trim() === '' || text.startsWith('#')) continue;
      summary.rows += 1;
      const line = index + 1;
      const [cardNo = '', account = '', producedOn = '', ...rest] = text
        .split(',')
        .map((field) => field.trim());
      const error = (field: string, reason: string) => summary.errors.push({ line, field, reason });
      if (rest.length > 0) {
        error('row', `expected 3 fields, found ${3 + rest.length}`);
        continue;
      }
      if (!isCardNumber(cardNo)) {
        error('card_no', 'not a card number (one capital letter and eight digits)');
        continue;
      }
      if (!/^\d{12,19}$/.test(account)) {
        error('bank_account_no', 'the bank account number must be 12 to 19 digits');
        continue;
      }
      const dateProblem = dateProblemOf(producedOn);
      if (dateProblem) {
        error('produced_on', dateProblem);
        continue;
      }
      if (producedOn < batchDay || producedOn > today) {
        error(
          'produced_on',
          `the day produced must fall between the batch (${batchDay}) and today (${today})`,
        );
        continue;
      }
      const card = await selectCardByNo(trx, cardNo);
      if (!card || Number(card.batch_id) !== Number(batch.id)) {
        error('card_no', `the card ${cardNo} is not in batch ${batch.batch_no}`);
        continue;
      }
      if (card.status !== 'sent_to_bank') {
        if (card.bank_account_no === account) summary.already += 1;
        else
          error(
            'bank_account_no',
            `the card was produced already with another account (it is ${card.status})`,
          );
        continue;
      }
      await changeCard(trx, card, {
        event: 'produced',
        onDate: producedOn,
        at,
        actor,
        detail: { batchNo: batch.batch_no },
        changes: { bank_account_no: account, produced_on: producedOn },
      });
      summary.produced += 1;
    }
    await insertBankReturn(trx, {
      file_sha256: sha256,
      region_code: batch.region_code,
      rows: summary.rows,
      produced: summary.produced,
      result: JSON.stringify(summary),
      imported_by: actor.login,
      imported_at: at.toISOString(),
    });
    return summary;
  });
}
