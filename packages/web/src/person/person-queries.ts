import { useQuery } from '@tanstack/react-query';
import { fetchPerson, fetchRightsRecord } from './person-api.ts';

/** Query keys of the person's data, so a write can refresh exactly what it changed. */
export const personKeys = {
  person: (personId: number) => ['person', personId] as const,
  record: (personId: number, year?: number) => ['person', personId, 'rights-record', year ?? 'all'] as const,
  accessLog: (personId: number) => ['person', personId, 'access-log'] as const,
  statements: (personId: number) => ['person', personId, 'statements'] as const,
  flexible: (personId: number, gradePpm?: number) =>
    ['person', personId, 'flexible', gradePpm ?? 'held'] as const,
  openBills: (personId: number) => ['person', personId, 'open-bills'] as const,
  paymentQuote: (personId: number) => ['person', personId, 'payment-quote'] as const,
  payments: (personId: number) => ['person', personId, 'payments'] as const,
  receipt: (paymentNo: string) => ['receipt', paymentNo] as const,
};

/** The person's registration record (name, category): read once, it changes rarely. */
export function usePerson(personId: number | null) {
  return useQuery({
    queryKey: personKeys.person(personId ?? 0),
    queryFn: () => fetchPerson(personId!),
    enabled: personId !== null,
    staleTime: 5 * 60_000,
  });
}

/** The rights record of a year, or the whole record. */
export function useRightsRecord(personId: number, year?: number) {
  return useQuery({
    queryKey: personKeys.record(personId, year),
    queryFn: () => fetchRightsRecord(personId, year),
    staleTime: 60_000,
  });
}
