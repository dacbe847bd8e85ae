export { regionArrears, type RegionArrearsDeps, type RegionArrearsPage } from './service.ts';
export { regionArrearsReply, payerInArrears, type PayerInArrears, type RegionArrears } from './schemas.ts';
