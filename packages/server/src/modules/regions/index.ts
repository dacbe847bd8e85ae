export { selectRegionCodes, seedRegionsIfEmpty } from './repository.ts';
