import { z } from 'zod';
import type { CrossFieldRule } from '../../http/cross-field-rules.ts';
import { idText } from '../../http/shared.schemas.ts';
import { businessDate } from '../../shared/business-date.ts';
import { employment, oneEmployer, onePerson } from './records.schemas.ts';
import { hireInput, leaveInput } from './registration.schemas.ts';

/** Shapes of the employment routes: hires, leaves and an employer's staff list. */

export const hireBody = hireInput.strict();
export const hireRules: CrossFieldRule[] = [oneEmployer, onePerson];

export const leaveBody = leaveInput.strict();
export const leaveRules: CrossFieldRule[] = [
  {
    ...oneEmployer,
    rule: 'unless employmentId is given: give exactly one of employerId and creditCode',
    jsonSchema: { anyOf: [{ required: ['employmentId'] }, oneEmployer.jsonSchema!] },
  },
  {
    ...onePerson,
    rule: 'unless employmentId is given: give exactly one of personId and idNumber',
    jsonSchema: { anyOf: [{ required: ['employmentId'] }, onePerson.jsonSchema!] },
  },
  { in: 'body', field: 'leftOn', rule: "must not be before the employment's hire date" },
];

export const employerStaffParams = z.strictObject({ employerId: idText });

export const employerStaffQuery = z.strictObject({
  activeOn: businessDate.optional(),
});

export const employerStaffReply = z.object({
  items: z.array(employment.extend({ name: z.string(), idNumberMasked: z.string() })),
});
