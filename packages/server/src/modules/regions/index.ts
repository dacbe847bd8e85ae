export { selectRegionCodes, seedRegionsIfEmpty } from './regions.repository.ts';
