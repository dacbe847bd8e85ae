export { resolvePayer, type Payer } from './resolve-payer.ts';
