import { ApiError, reach } from '../api/api-error.ts';

/** The data of a typed client call, or an ApiError with the reply's status and problem details. */
export async function dataOf<T>(
  call: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await reach(call);
  if (!response.ok || data === undefined) throw new ApiError(response.status, error);
  return data;
}
