import { guangdongTransitionalScheme } from './guangdong-transitional-scheme.ts';
import { noneTransitionalScheme } from './none-transitional-scheme.ts';
import { createPluginRegistry } from './plugin-registry.ts';
import { sichuanTransitionalScheme } from './sichuan-transitional-scheme.ts';
import type { TransitionalScheme } from './transitional-scheme.ts';

export type TransitionalSchemeName = 'none' | 'guangdong' | 'sichuan';

export const transitionalSchemeRegistry = createPluginRegistry<TransitionalScheme>(
  'transitional-pension scheme',
  [noneTransitionalScheme, guangdongTransitionalScheme, sichuanTransitionalScheme],
);
