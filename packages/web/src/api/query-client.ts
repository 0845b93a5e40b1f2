// The app's QueryClient. A 401 from any request means the session ended (expired, or the server
// restarted), so it signs out locally and the route guard returns to the login page.

import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { ApiError, isUnauthorized } from "./api-error";
import { queryKeys, signOutLocally } from "./queries";

export function createQueryClient(): QueryClient {
  const onError = (error: unknown) => {
    if (isUnauthorized(error) && client.getQueryData(queryKeys.me)) signOutLocally(client);
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: {
        // Retrying a 4xx only repeats the same answer; retry network blips and 5xx once.
        retry: (count, error) =>
          count < 1 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  return client;
}
