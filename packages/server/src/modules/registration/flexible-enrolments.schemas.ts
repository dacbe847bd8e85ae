import { exactlyOneOf, type CrossFieldRule } from '../../http/cross-field-rules.ts';
import { onePerson } from './records.schemas.ts';
import { enrolFlexibleInput } from './registration.schemas.ts';

/** Shapes of the flexible worker's enrolment route (own-account contributions). */

export const enrolFlexibleBody = enrolFlexibleInput.strict();
export const enrolFlexibleRules: CrossFieldRule[] = [
  onePerson,
  exactlyOneOf('baseFen', 'gradePpm'),
  ...(['bankAccount', 'agreementNo'] as const).map((field): CrossFieldRule => ({
    in: 'body',
    field,
    rule: 'required when paymentMethod is "withholding"',
    jsonSchema: {
      if: { properties: { paymentMethod: { const: 'withholding' } }, required: ['paymentMethod'] },
      then: { required: [field] },
    },
  })),
];
