/**
 * Spaces calls so that no more than `perSecond` start in any second (docs/RULES.md 17.5): each call waits
 * for its slot. Real time, not the business clock: it paces a gateway, it decides nothing.
 */
export function createThrottle(perSecond: number): () => Promise<void> {
  const intervalMs = perSecond > 0 ? 1000 / perSecond : 0;
  let nextSlot = 0;
  return async () => {
    const now = Date.now();
    const slot = Math.max(now, nextSlot);
    nextSlot = slot + intervalMs;
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  };
}
