import { useQuery } from '@tanstack/react-query';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { problemMessage } from '../problem-message.tsx';
import { fetchInstitutionStatements, settlementKeys } from './settlement-api.ts';
import { StatementsTable } from './statements-table.tsx';

/**
 * An institution's monthly statements, latest first (docs/RULES.md 16.6): on its page for the agency, and
 * on its own account's page of statements.
 */
export function InstitutionStatements({ institutionId }: { institutionId: number }) {
  const statements = useQuery({
    queryKey: settlementKeys.institution(institutionId),
    queryFn: () => fetchInstitutionStatements(institutionId),
  });
  if (statements.isError) return <ProblemAlert error={statements.error} describe={problemMessage} />;
  return <StatementsTable statements={statements.data ?? []} loading={statements.isPending} />;
}
