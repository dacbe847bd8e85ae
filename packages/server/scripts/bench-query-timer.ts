import { performance } from 'node:perf_hooks';
import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

export interface QueryTiming {
  query: string;
  calls: number;
  seconds: number;
}

/**
 * A Kysely plugin that adds up the time of every query built through Kysely (compile, wait and execute),
 * grouped by statement kind and table; for `--profile`. Bulk inserts on SQLite run prepared statements
 * beside Kysely and show up only in the remainder.
 */
export function createQueryTimer(): { plugin: KyselyPlugin; report(): QueryTiming[]; reset(): void } {
  const started = new Map<object, { name: string; at: number }>();
  let totals = new Map<string, QueryTiming>();
  const plugin: KyselyPlugin = {
    transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
      started.set(args.queryId, { name: describeQuery(args.node), at: performance.now() });
      return args.node;
    },
    async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
      const start = started.get(args.queryId);
      if (start) {
        started.delete(args.queryId);
        const total = totals.get(start.name) ?? { query: start.name, calls: 0, seconds: 0 };
        total.calls += 1;
        total.seconds += (performance.now() - start.at) / 1000;
        totals.set(start.name, total);
      }
      return args.result;
    },
  };
  return {
    plugin,
    report: () => [...totals.values()].sort((a, b) => b.seconds - a.seconds),
    reset: () => {
      totals = new Map();
    },
  };
}

function describeQuery(node: RootOperationNode): string {
  const any = node as unknown as Record<string, unknown>;
  switch (node.kind) {
    case 'SelectQueryNode':
      return `select from ${tableName((any.from as { froms?: OperationNode[] } | undefined)?.froms?.[0])}`;
    case 'InsertQueryNode':
      return `insert into ${tableName(any.into as OperationNode)}${(any.values as OperationNode | undefined)?.kind === 'ValuesNode' ? '' : ' (select)'}`;
    case 'UpdateQueryNode':
      return `update ${tableName(any.table as OperationNode)}`;
    case 'DeleteQueryNode':
      return `delete from ${tableName((any.from as { froms?: OperationNode[] } | undefined)?.froms?.[0])}`;
    case 'RawNode': {
      // bulkInsert's statements name their table through a parameter.
      const table = findTable(any.parameters, 4);
      const fragments = (any.sqlFragments as string[]) ?? [];
      const text = table ? `${fragments[0] ?? ''}${tableName(table)} …` : fragments.join('…');
      return `sql: ${text.replace(/\s+/g, ' ').trim().slice(0, 90)}`;
    }
    default:
      return node.kind;
  }
}

function tableName(node: OperationNode | undefined): string {
  let current = node as Record<string, unknown> | undefined;
  // AliasNode -> TableNode -> SchemableIdentifierNode -> IdentifierNode
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current.kind === 'IdentifierNode') return String(current.name);
    current = (current.node ?? current.table ?? current.identifier) as Record<string, unknown> | undefined;
  }
  return '?';
}

function findTable(value: unknown, depth: number): OperationNode | undefined {
  if (depth < 0 || value === null || typeof value !== 'object') return undefined;
  if ((value as OperationNode).kind === 'TableNode') return value as OperationNode;
  for (const child of Array.isArray(value) ? value : Object.values(value)) {
    const found = findTable(child, depth - 1);
    if (found) return found;
  }
  return undefined;
}
