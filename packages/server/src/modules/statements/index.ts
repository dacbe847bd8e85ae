export {
  issueRightsStatement,
  issueContributionCertificate,
  verifyStatement,
  statementPdf,
  statementOwner,
  verifyUrlOf,
  type StatementDeps,
  type VerificationDeps,
} from './statements.service.ts';
export { listStatementsOfPerson, statementSummary, type StatementSummary } from './list-statements.ts';
export {
  loadOrCreateSigningKey,
  fromPrivateKey,
  signText,
  verifyText,
  type SigningKey,
} from './signing-key.ts';
export { openSigningKey, rotateSigningKey } from './open-signing-key.ts';
export { selectKeptPublicKeys } from './signing-keys.repository.ts';
export { renderStatementPdf, type StatementPdfInput } from './render-pdf.ts';
export { registerVerificationRoutes } from './verification.routes.ts';
export { canonicalJson } from './canonical-json.ts';
export {
  STATEMENT_KINDS,
  STATEMENT_LANGUAGES,
  VERIFICATION_STATUSES,
  statementDocument,
  issuedStatement,
  statementVerification,
  issueRightsStatementInput,
  issueCertificateInput,
  type StatementDocument,
  type IssuedStatement,
  type StatementVerification,
  type StatementLanguage,
  type StatementKindName,
  type IssueRightsStatementInput,
  type IssueCertificateInput,
} from './statements.schemas.ts';
export { escapeHtml } from './verification-page.ts';
