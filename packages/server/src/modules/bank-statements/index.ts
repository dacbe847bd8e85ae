export { importBankStatement, IMPORTER_EVERYWHERE, type StatementImporter } from './import-bank-statement.ts';
export { listUnmatchedRows, resolveUnmatchedRow, type ResolvedRow } from './unmatched-rows.ts';
export { STATEMENT_COLUMNS } from './parse-statement.ts';
export {
  importBankStatementInput,
  importSummary,
  resolveUnmatchedRowInput,
  unmatchedRow,
  type ImportBankStatementInput,
  type ImportSummary,
  type ResolveUnmatchedRowInput,
  type StatementRowOutcome,
  type UnmatchedRow,
} from './bank-statements.schemas.ts';
