import { describe, expect, it } from 'vitest';
import { divisorPolicyRegistry, resolveDivisorPolicy } from './divisor-policies.ts';
import { createPluginRegistry } from './plugin-registry.ts';
import { transitionalSchemeRegistry } from './transitional-schemes.ts';

describe('plug-in registries', () => {
  it('hold the built-in divisor policies and transitional schemes', () => {
    expect(divisorPolicyRegistry.names()).toEqual(['whole-years', 'interpolate-months']);
    expect(transitionalSchemeRegistry.names()).toEqual(['none', 'guangdong', 'sichuan']);
    expect(resolveDivisorPolicy().name).toBe('whole-years');
  });

  it('register new plug-ins but refuse to replace one', () => {
    const registry = createPluginRegistry('thing', [{ name: 'a' }]);
    registry.register({ name: 'b' });
    expect(registry.has('b')).toBe(true);
    expect(registry.get('b', 'field').name).toBe('b');
    expect(() => registry.register({ name: 'a' })).toThrow(/already registered/);
    expect(() => registry.get('c', 'my.field')).toThrow(/^my\.field: unknown thing "c"; known: a, b$/);
  });
});
