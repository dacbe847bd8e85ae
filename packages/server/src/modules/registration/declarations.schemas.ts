import type { CrossFieldRule } from '../../http/cross-field-rules.ts';
import { oneEmployer } from './records.schemas.ts';
import { declareMonthInput } from './registration.schemas.ts';

/** Shapes of the monthly declaration route (SIL Art. 60). */

export const declareMonthBody = declareMonthInput.strict();
export const declareMonthRules: CrossFieldRule[] = [oneEmployer];
