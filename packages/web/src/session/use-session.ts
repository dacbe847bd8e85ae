import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCurrentUser, logOut } from '../api/auth.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The signed-in account (GET /api/auth/me), null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

/**
 * Signs out, leaves the signed-in pages (`leave`) and forgets everything fetched for the account. While
 * this runs the signed-in pages must not treat the missing session as "send them to the login"
 * (AudienceApp checks the mutation's state).
 */
export function useSignOut(leave: () => void | Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: async () => {
      await leave();
      queryClient.removeQueries();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
    },
  });
}
