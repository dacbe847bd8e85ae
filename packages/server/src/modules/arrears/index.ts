export { regionArrears, type RegionArrearsDeps, type RegionArrearsPage } from './arrears.service.ts';
export {
  regionArrearsReply,
  payerInArrears,
  type PayerInArrears,
  type RegionArrears,
} from './arrears.schemas.ts';
