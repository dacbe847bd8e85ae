import { useQueryClient } from '@tanstack/react-query';
import { benefitKeys, type Application } from '../../benefits/benefits-api.ts';

/** After a write: the application as the server now has it, and the lists that show it refreshed. */
export function useApplied() {
  const queryClient = useQueryClient();
  return (updated?: Application) => {
    if (updated) queryClient.setQueryData(benefitKeys.application(updated.id), updated);
    void queryClient.invalidateQueries({ queryKey: benefitKeys.all });
  };
}
