import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fetchInstitutions, type Institution } from '../../medical/medical-api.ts';

/** The institutions list's page size (medical-api.ts asks for 50): a shorter page is the last. */
const PAGE = 50;

/** Every designated institution of a region, page after page (a region has some hundreds at most). */
async function allInstitutions(regionCode: string): Promise<Institution[]> {
  const all: Institution[] = [];
  for (;;) {
    const page = await fetchInstitutions(regionCode, all.at(-1)?.id);
    all.push(...page);
    if (page.length < PAGE) return all;
  }
}

/**
 * The region's institutions by id, for the pages whose replies name an institution by its id alone (a
 * month's statements, the findings). Empty until they have arrived; a page shows the id meanwhile.
 */
export function useInstitutionsById(regionCode: string): Map<number, Institution> {
  const institutions = useQuery({
    queryKey: ['medical', 'institutions-by-id', regionCode],
    queryFn: () => allInstitutions(regionCode),
    enabled: regionCode !== '',
    staleTime: 60_000,
  });
  return useMemo(
    () => new Map((institutions.data ?? []).map((institution) => [institution.id, institution])),
    [institutions.data],
  );
}
