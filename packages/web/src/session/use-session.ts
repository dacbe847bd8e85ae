import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchCurrentUser, logOut } from '../api/auth.ts';

export const SESSION_QUERY_KEY = ['session'] as const;

/** The signed-in account (GET /api/auth/me), null when nobody is signed in. */
export function useSession() {
  return useQuery({ queryKey: SESSION_QUERY_KEY, queryFn: fetchCurrentUser, staleTime: 60_000 });
}

/** Signs out and forgets everything fetched for the account. */
export function useSignOut(onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logOut,
    onSettled: () => {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      onDone();
    },
  });
}
