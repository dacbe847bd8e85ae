import { z } from 'zod';
import { exactlyOneOf, type CrossFieldRule } from '../../http/cross-field-rules.ts';
import { idText, periodText } from '../../http/shared.schemas.ts';
import { XLSX_CONTENT_TYPE } from './base-file.ts';
import { contributionBase, oneEmployer, onePerson } from './records.schemas.ts';
import { declareBaseInput } from './registration.schemas.ts';

/** Shapes of the base routes: one base, a base file (CSV or .xlsx), its template, a correction. */

export const declareBaseBody = declareBaseInput.strict();
export const baseRules: CrossFieldRule[] = [oneEmployer, onePerson, exactlyOneOf('cycleStart', 'period')];

export const latestBasesParams = z.strictObject({ employerId: idText, cycleStart: periodText });
export const latestBasesReply = z.object({ items: z.array(contributionBase) });

export const baseFileParams = z.strictObject({ employerId: idText });

export const baseFileReply = z.object({
  ok: z.boolean(),
  /** The rows declared, or with dryRun the rows that would be; 0 while any row is refused. */
  declared: z.number().int(),
  cycleStart: z.string(),
  /** Every refused row: its line in the file (the header is line 1), the field and the reason. */
  errors: z
    .array(
      z.object({
        line: z.number().int(),
        row: z.number().int(),
        field: z.string(),
        reason: z.string(),
        code: z.string(),
      }),
    )
    .optional(),
});

export const baseFileQuery = z.strictObject({
  cycleStart: periodText,
  dryRun: z.enum(['true', 'false']).optional(),
});

export const csvBody = z.string().min(1, 'send the CSV file as the body (Content-Type: text/csv)');

export const xlsxBody = z
  .instanceof(Buffer, { message: `send the workbook as the body (Content-Type: ${XLSX_CONTENT_TYPE})` })
  .meta({ type: 'string', format: 'binary' });

export const baseTemplateQuery = z.strictObject({
  cycleStart: periodText,
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});

export const baseTemplateReply = {
  description: 'The file',
  content: { [XLSX_CONTENT_TYPE]: { schema: z.string() }, 'text/csv': { schema: z.string() } },
};
