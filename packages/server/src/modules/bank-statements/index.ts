export {
  classifyLines,
  finishImport,
  findImportOf,
  IMPORTER_EVERYWHERE,
  readStatement,
  startImport,
  summarizeImport,
  type LineOutcome,
  type ReadStatement,
  type StatementImporter,
} from './import-bank-statement.ts';
export {
  claimStatementRow,
  linkRowToPayment,
  listUnmatchedRows,
  regionOfRowPayer,
  type ResolvedRow,
} from './unmatched-rows.ts';
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
