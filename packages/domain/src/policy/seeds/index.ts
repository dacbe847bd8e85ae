import type { PolicyParameter } from '../parameter.ts';
import { BEIJING_PARAMETERS } from './beijing.ts';
import { BENEFIT_CLOCK_PARAMETERS } from './benefit-clocks.ts';
import { CARD_PARAMETERS } from './cards.ts';
import { GUANGDONG_PARAMETERS } from './guangdong.ts';
import { MEDICAL_PARAMETERS } from './medical.ts';
import { NATIONAL_PARAMETERS } from './national.ts';
import { SHANGHAI_PARAMETERS } from './shanghai.ts';
import { UNEMPLOYMENT_MEDICAL_PARAMETERS } from './unemployment-medical.ts';

/** The parameters a new installation starts with; administrators add versions from there. */
export const SEED_PARAMETERS: readonly PolicyParameter[] = [
  ...NATIONAL_PARAMETERS,
  ...BENEFIT_CLOCK_PARAMETERS,
  ...BEIJING_PARAMETERS,
  ...SHANGHAI_PARAMETERS,
  ...GUANGDONG_PARAMETERS,
  ...UNEMPLOYMENT_MEDICAL_PARAMETERS,
  ...MEDICAL_PARAMETERS,
  ...CARD_PARAMETERS,
];
