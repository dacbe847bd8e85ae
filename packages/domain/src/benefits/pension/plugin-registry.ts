/**
 * A named set of interchangeable rules (divisor policies, provincial transitional schemes). Built-in
 * plug-ins are registered at load; a deployment may register its own, but never replace one silently.
 */
export interface PluginRegistry<T extends { readonly name: string }> {
  /** The plug-in with this name, or a RangeError naming the field and the known names. */
  get(name: string, field: string): T;
  has(name: string): boolean;
  names(): string[];
  register(plugin: T): void;
}

export function createPluginRegistry<T extends { readonly name: string }>(
  kind: string,
  plugins: readonly T[],
): PluginRegistry<T> {
  const byName = new Map<string, T>();
  const registry: PluginRegistry<T> = {
    get(name, field) {
      const plugin = byName.get(name);
      if (!plugin) {
        throw new RangeError(`${field}: unknown ${kind} "${name}"; known: ${[...byName.keys()].join(', ')}`);
      }
      return plugin;
    },
    has: (name) => byName.has(name),
    names: () => [...byName.keys()],
    register(plugin) {
      if (byName.has(plugin.name)) throw new RangeError(`${kind} "${plugin.name}" is already registered`);
      byName.set(plugin.name, plugin);
    },
  };
  for (const plugin of plugins) registry.register(plugin);
  return registry;
}
