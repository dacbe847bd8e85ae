import type { zhCN } from './zh-cn.ts';

/** The shape of a language's texts: every key of the Chinese reference, each a string. */
export type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;
