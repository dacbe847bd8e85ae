import { parseYuanToFen } from '@shebao/domain';

/** Typed yuan as fen, or null when it is not an amount above 0 with at most two decimals. */
export function yuanToFen(text: string | undefined): number | null {
  try {
    const fen = parseYuanToFen((text ?? '').trim().replaceAll(',', ''));
    return fen > 0 ? fen : null;
  } catch {
    return null;
  }
}

/** An antd Form rule refusing anything that yuanToFen refuses. */
export function yuanRule(message: string) {
  return {
    validator: async (_rule: unknown, value: string | undefined) => {
      if (yuanToFen(value) === null) throw new Error(message);
    },
  };
}
